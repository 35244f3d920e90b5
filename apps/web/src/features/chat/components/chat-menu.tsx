// The ⋯ menu of a conversation: the peer's profile, block / unblock, report the member or the
// conversation. Blocking asks first; unblocking does not.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../ui/alert.tsx';
import { ChevronIcon, MoreIcon } from '../../../ui/icons.tsx';
import { ConfirmSheet, Sheet } from '../../../ui/sheet.tsx';
import { useBlock } from '../api.ts';
import { describeChatError } from '../errors.ts';
import type { Conversation } from '../types.ts';
import { type ReportTarget, ReportSheet } from './report-sheet.tsx';

export function ChatMenu({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [confirmBlock, setConfirmBlock] = useState(false);
  const [report, setReport] = useState<ReportTarget | null>(null);
  const [error, setError] = useState<string | null>(null);
  const block = useBlock(conversation.id, conversation.peer.id);
  const setBlocked = (on: boolean) => {
    setError(null);
    block.mutate(on, {
      onSuccess: () => {
        setConfirmBlock(false);
        setOpen(false);
      },
      onError: (err) => setError(describeChatError(t, err)),
    });
  };
  const pick = (next: () => void) => () => {
    setOpen(false);
    next();
  };
  const byMe = conversation.blocked.byMe;

  return (
    <>
      <button type="button" className="icon-btn" aria-label={t('chat.conversation.menu')} onClick={() => setOpen(true)}>
        <MoreIcon size={22} />
      </button>
      <Sheet open={open} title={t('chat.conversation.menu')} onClose={() => setOpen(false)}>
        <div className="chat-menu">
          <Link to={`/u/${conversation.peer.id}`} className="chat-menu-row">
            <span>{t('chat.menu.profile')}</span>
            <ChevronIcon size={18} className="list-chevron" />
          </Link>
          <button
            type="button"
            className="chat-menu-row"
            onClick={byMe ? () => setBlocked(false) : pick(() => setConfirmBlock(true))}
          >
            {byMe ? t('chat.menu.unblock') : t('chat.menu.block')}
          </button>
          <button
            type="button"
            className="chat-menu-row chat-menu-danger"
            onClick={pick(() => setReport({ targetType: 'user', targetId: conversation.peer.id }))}
          >
            {t('chat.menu.reportUser')}
          </button>
          <button
            type="button"
            className="chat-menu-row chat-menu-danger"
            onClick={pick(() => setReport({ targetType: 'conversation', targetId: conversation.id }))}
          >
            {t('chat.menu.reportConversation')}
          </button>
        </div>
        <FormAlert message={open ? error : null} />
      </Sheet>
      <ConfirmSheet
        open={confirmBlock}
        title={t('chat.menu.blockTitle', { name: conversation.peer.displayName })}
        body={t('chat.menu.blockBody')}
        confirmLabel={t('chat.menu.blockYes')}
        busy={block.isPending}
        error={error}
        onConfirm={() => setBlocked(true)}
        onClose={() => setConfirmBlock(false)}
      />
      <ReportSheet target={report} onClose={() => setReport(null)} />
    </>
  );
}
