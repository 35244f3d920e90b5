// The bell in the top bar of the tab pages: a link to the list with the unread count, which the
// socket keeps current (api.ts). Visitors have nothing to be notified of and see no bell.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Svg, type IconProps } from '../../../ui/icons.tsx';
import { useMe } from '../../accounts/api.ts';
import { useUnreadNotifications } from '../api.ts';

export const BellIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
    <path d="M13.73 21a2 2 0 0 1-3.46 0" />
  </Svg>
);

export function NotificationBell() {
  const { t } = useTranslation();
  const signedIn = !!useMe().data;
  const count = useUnreadNotifications(signedIn);
  if (!signedIn) return null;
  return (
    <Link
      to="/notifications"
      className="icon-btn bell"
      data-testid="notification-bell"
      aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
    >
      <BellIcon size={23} />
      {count > 0 && (
        <span className="bell-badge" data-testid="notification-badge" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
