// 通知: every notification, newest activity first, live (a new one appears on top). Opening the
// page reads them all: the bell goes to zero, while this visit still shows which were new.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMarkAllRead, useNotifications, useUnreadNotifications } from '../../features/notifications/api.ts';
import { BellIcon } from '../../features/notifications/components/bell.tsx';
import { NotificationRow } from '../../features/notifications/components/notification-row.tsx';
import { Button } from '../../ui/button.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';

export default function NotificationsPage() {
  const { t } = useTranslation();
  const list = useNotifications();
  const unread = useUnreadNotifications(true);
  const markAll = useMarkAllRead();
  const loaded = list.isSuccess;
  const { mutate, isPending } = markAll;

  useEffect(() => {
    if (loaded && unread > 0 && !isPending) mutate();
  }, [loaded, unread, isPending, mutate]);

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('notifications.title')} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState message={t('notifications.loadError')} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <div className="empty">
          <span className="chat-empty-icon">
            <BellIcon size={30} />
          </span>
          <strong className="chat-empty-title">{t('notifications.empty')}</strong>
          <span>{t('notifications.emptyBody')}</span>
        </div>
      ) : (
        <>
          <ul className="card notices" data-testid="notifications">
            {items.map((n) => (
              <NotificationRow key={n.id} n={n} unread={!n.readAt} />
            ))}
          </ul>
          {list.hasNextPage && (
            <div className="inbox-more">
              <Button variant="ghost" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('notifications.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
