// 消息: every conversation, the newest first, with unread counts — updated live by the chat
// connection (features/chat/provider.tsx) without a reload.
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

export default function InboxPage() {
  const { t } = useTranslation();
  const meId = useMe().data?.id ?? '';
  const inbox = useInbox();
  const list = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('chat.title')} back={false} right={<NotificationBell />} />
      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <ErrorState message={describeChatError(t, inbox.error)} onRetry={() => void inbox.refetch()} />
      ) : list.length === 0 ? (
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
      ) : (
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
      )}
    </>
  );
}
