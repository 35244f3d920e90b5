// The desktop side navigation (from 960 px, layouts.tsx): the bottom tabs' destinations — 首页,
// 附近, 发布, 消息, 我 — plus 搜索 and 通知, which a phone reaches from the top bars. It carries
// the same name as the bottom bar ("主导航"), which CSS hides at these widths.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../features/accounts/api.ts';
import { useUnreadTotal } from '../features/chat/api.ts';
import { ChatIcon } from '../features/chat/components/icons.tsx';
import { BellIcon } from '../features/notifications/components/bell.tsx';
import { useUnreadNotifications } from '../features/notifications/api.ts';
import { useOfferSummary } from '../features/offers/api.ts';
import { SearchIcon } from '../features/search/components/icons.tsx';
import { type IconProps, PlusIcon, Svg } from '../ui/icons.tsx';

const HomeIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z" />
  </Svg>
);

const NearbyIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="12" cy="12" r="9" />
    <path d="m15.5 8.5-2 5-5 2 2-5z" />
  </Svg>
);

const UserIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21c0-4 3.6-6.5 8-6.5s8 2.5 8 6.5" />
  </Svg>
);

type Entry = { key: string; to: string; label: string; icon: ReactNode; active: boolean; count?: number; countLabel?: string };

function Badge({ entry }: { entry: Entry }) {
  if (!entry.count) return null;
  return (
    <>
      <span className="side-badge" data-testid={`side-badge-${entry.key}`} aria-hidden="true">
        {entry.count > 99 ? '99+' : entry.count}
      </span>
      <span className="sr-only">{entry.countLabel}</span>
    </>
  );
}

export function SideNav() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const signedIn = !!useMe().data;
  const unreadChat = useUnreadTotal(signedIn);
  const unreadNotes = useUnreadNotifications(signedIn);
  const offersWaiting = useOfferSummary(signedIn)?.awaitingMe ?? 0;
  const nearby = pathname === '/' && new URLSearchParams(search).get('tab') === 'nearby';
  const under = (p: string) => pathname === p || pathname.startsWith(`${p}/`);
  const entries: Entry[] = [
    { key: 'home', to: '/', label: t('tabs.home'), icon: <HomeIcon size={22} />, active: pathname === '/' && !nearby },
    { key: 'nearby', to: '/?tab=nearby', label: t('tabs.nearby'), icon: <NearbyIcon size={22} />, active: nearby },
    { key: 'search', to: '/search', label: t('shell.search'), icon: <SearchIcon size={22} />, active: under('/search') },
    {
      key: 'messages',
      to: '/messages',
      label: t('tabs.messages'),
      icon: <ChatIcon size={22} />,
      active: under('/messages'),
      count: unreadChat,
      countLabel: t('chat.unreadBadge', { count: unreadChat }),
    },
    ...(signedIn
      ? [
          {
            key: 'notifications',
            to: '/notifications',
            label: t('shell.notifications'),
            icon: <BellIcon size={22} />,
            active: under('/notifications'),
            count: unreadNotes,
            countLabel: t('notifications.bellUnread', { count: unreadNotes }),
          },
        ]
      : []),
    {
      key: 'me',
      to: '/me',
      label: t('tabs.me'),
      icon: <UserIcon size={22} />,
      active: under('/me'),
      count: offersWaiting,
      countLabel: t('offers.waitingBadge', { count: offersWaiting }),
    },
  ];
  return (
    <nav className="side-nav" aria-label={t('tabs.nav')} data-testid="side-nav">
      <Link to="/" className="brand-mark side-brand">
        {t('app.name')}
      </Link>
      <Link to="/publish" className="btn btn-primary side-publish">
        <PlusIcon size={20} strokeWidth={2.6} />
        {t('tabs.publish')}
      </Link>
      <ul className="side-links">
        {entries.map((e) => (
          <li key={e.key}>
            <Link
              to={e.to}
              className={e.active ? 'side-link side-link-on' : 'side-link'}
              aria-current={e.active ? 'page' : undefined}
              data-testid={`side-${e.key}`}
            >
              <span className="side-icon">
                {e.icon}
                <Badge entry={e} />
              </span>
              {e.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
