// The bottom tabs. All five are designed in; only those in ENABLED_TABS show. When a tab's
// pages ship, add its key to the list (and its routes to router.tsx) — nothing else changes.
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/accounts/api.ts';
import { useUnreadTotal } from '../features/chat/api.ts';
import { useOfferSummary } from '../features/offers/api.ts';
import { PlusIcon } from '../ui/icons.tsx';
import type { TabItem } from '../ui/tab-bar.tsx';

export type TabKey = 'home' | 'nearby' | 'publish' | 'messages' | 'me';

export const ENABLED_TABS: readonly TabKey[] = ['home', 'publish', 'messages', 'me'];

const ALL_TABS: readonly { key: TabKey; to: string; end?: boolean; accent?: boolean }[] = [
  { key: 'home', to: '/', end: true },
  { key: 'nearby', to: '/nearby' },
  { key: 'publish', to: '/publish', accent: true },
  { key: 'messages', to: '/messages' },
  { key: 'me', to: '/me' },
];

export function useTabs(enabled: readonly TabKey[] = ENABLED_TABS): TabItem[] {
  const { t } = useTranslation();
  const signedIn = !!useMe().data;
  const unread = useUnreadTotal(signedIn && enabled.includes('messages'));
  // Offers waiting on my decision (issue 15): on 我, where 议价 lives.
  const offers = useOfferSummary(signedIn && enabled.includes('me'))?.awaitingMe ?? 0;
  return ALL_TABS.filter((tab) => enabled.includes(tab.key)).map((tab) => ({
    ...tab,
    label: t(`tabs.${tab.key}`),
    icon: tab.accent ? <PlusIcon size={22} strokeWidth={2.6} /> : undefined,
    badge:
      tab.key === 'messages'
        ? { count: unread, label: t('chat.unreadBadge', { count: unread }) }
        : tab.key === 'me'
          ? { count: offers, label: t('offers.waitingBadge', { count: offers }) }
          : undefined,
  }));
}
