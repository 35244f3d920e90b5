// The history of a conversation in its own scroller: oldest at the top, loads older pages when
// the top comes into view (keeping the reader's place), follows new messages when the reader
// is at the bottom (or sent them), and puts a time line between bursts of messages.
import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../ui/status.tsx';
import { useMessages } from '../api.ts';
import { describeChatError } from '../errors.ts';
import { dividerTime } from '../format.ts';
import type { Conversation } from '../types.ts';
import { MessageRow } from './message-row.tsx';
import { type ReportTarget, ReportSheet } from './report-sheet.tsx';

const GAP_MS = 5 * 60_000;
const NEAR_BOTTOM_PX = 120;

export function MessageList({ conversation, meId }: { conversation: Conversation; meId: string }) {
  const { t } = useTranslation();
  const messages = useMessages(conversation.id);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages;
  const listRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const listInner = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  const restore = useRef<number | null>(null);
  const lastNewest = useRef<string | null>(null);
  const [report, setReport] = useState<ReportTarget | null>(null);
  const [reported, setReported] = useState<ReadonlySet<string>>(new Set());

  const ordered = useMemo(
    () => (messages.data?.pages.flatMap((p) => p.items) ?? []).slice().reverse(),
    [messages.data],
  );
  const oldestId = ordered[0]?.id;
  // The first warning to me in what is loaded gets the full card; later ones fold to a line.
  const firstWarningId = ordered.find((m) => m.senderId !== null && m.senderId !== meId && m.warnings.length > 0)?.id;
  const newest = ordered.at(-1);

  // Older page arrived: keep the same message under the reader's eyes.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el || restore.current === null || !oldestId) return;
    el.scrollTop = el.scrollHeight - restore.current;
    restore.current = null;
  }, [oldestId]);

  // A newer message: follow it if the reader was at the bottom, or if it is their own.
  const newestId = newest?.id;
  const newestMine = newest?.senderId === meId;
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el || !newestId) return;
    if (lastNewest.current === null || stick.current || newestMine) el.scrollTop = el.scrollHeight;
    lastNewest.current = newestId;
  }, [newestId, newestMine]);

  useEffect(() => {
    const root = listRef.current;
    const top = topRef.current;
    if (!root || !top || !hasNextPage || isFetchingNextPage) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        io.disconnect();
        restore.current = root.scrollHeight - root.scrollTop;
        void fetchNextPage();
      },
      { root, rootMargin: '240px 0px 0px 0px' },
    );
    io.observe(top);
    return () => io.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // The composer grew (an error, the + panel) or a photo loaded: stay at the bottom if there.
  const loaded = messages.isSuccess;
  useEffect(() => {
    const el = listRef.current;
    if (!el || !loaded) return;
    const ro = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    ro.observe(el);
    if (listInner.current) ro.observe(listInner.current);
    return () => ro.disconnect();
  }, [loaded]);

  const onScroll = () => {
    const el = listRef.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
  };

  return (
    <div className="chat-scroll" ref={listRef} onScroll={onScroll} data-testid="chat-scroll">
      {messages.isPending ? (
        <Loading />
      ) : messages.isError ? (
        <ErrorState message={describeChatError(t, messages.error)} onRetry={() => void messages.refetch()} />
      ) : (
        <>
          <div ref={topRef} className="chat-top">
            {hasNextPage ? (
              <span className="muted small">{t('chat.conversation.loadingOlder')}</span>
            ) : (
              <span className="chat-start">{t('chat.conversation.start')}</span>
            )}
          </div>
          <ol ref={listInner} className="chat-list" aria-label={conversation.peer.displayName} aria-live="polite">
            {ordered.map((m, i) => {
              const prev = ordered[i - 1];
              const gap = !prev || Date.parse(m.createdAt) - Date.parse(prev.createdAt) > GAP_MS;
              const run = !gap && prev?.senderId === m.senderId && !prev?.warnings.length;
              return (
                <Fragment key={m.id}>
                  {gap && (
                    <li className="chat-time" aria-hidden="true">
                      {dividerTime(t, m.createdAt)}
                    </li>
                  )}
                  <MessageRow
                    message={m}
                    meId={meId}
                    continued={run}
                    peer={conversation.peer}
                    item={conversation.item}
                    reported={reported.has(m.id)}
                    onReport={(id) => setReport({ targetType: 'message', targetId: id, reason: 'off_platform' })}
                    warningRepeat={firstWarningId !== undefined && m.id !== firstWarningId}
                  />
                </Fragment>
              );
            })}
          </ol>
        </>
      )}
      <ReportSheet
        target={report}
        onClose={() => setReport(null)}
        onDone={(r) => setReported((s) => new Set(s).add(r.targetId))}
      />
    </div>
  );
}
