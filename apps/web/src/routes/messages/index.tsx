// 消息: every conversation, the newest first, with unread counts — updated live by the chat
// connection (features/chat/provider.tsx) without a reload. On desktop the inbox is a left pane
// and stays beside the open conversation.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/accounts/api.ts';
import { useInbox } from '../../features/chat/api.ts';
import { ChatIcon } from '../../features/chat/components/icons.tsx';
import { InboxRow } from '../../features/chat/components/inbox-row.tsx';
import { describeChatError } from '../../features/chat/errors.ts';
import { NotificationBell } from '../../features/notifications/components/bell.tsx';
import { Button, ButtonLink } from '../../ui/button.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';
import { useDesktop } from '../../ui/use-desktop.ts';

/** The inbox page's header: on a phone the page's, on desktop the left pane's. */
export function InboxHeader() {
  const { t } = useTranslation();
  return <PageHeader title={t('chat.title')} back={false} right={<NotificationBell />} />;
}

/** Every conversation with its states: the inbox page, and on desktop the pane beside an open
 *  conversation (conversation.tsx), whose row is marked there. */
export function InboxList() {
  const { t } = useTranslation();
  const meId = useMe().data?.id ?? '';
  const inbox = useInbox();
  const list = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  if (inbox.isPending) return <Loading />;
  if (inbox.isError) return <ErrorState message={describeChatError(t, inbox.error)} onRetry={() => void inbox.refetch()} />;
  if (list.length === 0) {
    return (
      <div className="empty">
        <span className="chat-empty-icon">
          <ChatIcon size={30} />
        </span>
        <strong className="chat-empty-title">{t('chat.inbox.empty')}</strong>
        <span>{t('chat.inbox.emptyBody')}</span>
        <ButtonLink to="/" variant="secondary" className="btn-small">
          {t('chat.inbox.browse')}
        </ButtonLink>
      </div>
    );
  }
  return (
    <>
      <ul className="card inbox" data-testid="inbox">
        {list.map((c) => (
          <InboxRow key={c.id} conversation={c} meId={meId} />
        ))}
      </ul>
      {inbox.hasNextPage && (
        <div className="inbox-more">
          <Button variant="ghost" busy={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()}>
            {t('chat.inbox.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}

/** Desktop: the inbox as the left pane, the open conversation (or an invitation to pick one)
 *  beside it. */
export function ChatSplit({ children }: { children: ReactNode }) {
  return (
    <div className="chat-split" data-testid="chat-split">
      <aside className="chat-split-inbox">
        <InboxHeader />
        <div className="chat-split-list">
          <InboxList />
        </div>
      </aside>
      {children}
    </div>
  );
}

export default function InboxPage() {
  const { t } = useTranslation();
  if (!useDesktop()) {
    return (
      <>
        <InboxHeader />
        <InboxList />
      </>
    );
  }
  return (
    <ChatSplit>
      <section className="chat-split-pick">
        <span className="chat-empty-icon">
          <ChatIcon size={30} />
        </span>
        <strong className="chat-empty-title">{t('shell.pickConversation')}</strong>
        <span>{t('shell.pickConversationBody')}</span>
      </section>
    </ChatSplit>
  );
}
