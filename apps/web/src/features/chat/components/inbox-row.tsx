// One conversation in the inbox: who, what it is about, the last message in one line, when,
// and how many are unread.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { Avatar } from '../../../ui/avatar.tsx';
import { previewOf, shortTime } from '../format.ts';
import type { Conversation } from '../types.ts';
import { Cover } from './item-message.tsx';

export const badgeCount = (n: number) => (n > 99 ? '99+' : String(n));

export function InboxRow({ conversation: c, meId }: { conversation: Conversation; meId: string }) {
  const { t } = useTranslation();
  const last = c.lastMessage;
  const risky = !!last && last.senderId !== null && last.senderId !== meId && last.warnings.length > 0;
  return (
    <li>
      {/* NavLink: beside an open conversation (desktop) its row is marked (.active). */}
      <NavLink to={`/messages/${c.id}`} className="inbox-row" data-testid="inbox-row" data-unread={c.unreadCount}>
        <span className="inbox-avatar">
          <Avatar url={c.peer.avatarUrl} name={c.peer.displayName} size={48} />
          {c.unreadCount > 0 && (
            <>
              <span className="chat-badge" data-testid="inbox-unread" aria-hidden="true">
                {badgeCount(c.unreadCount)}
              </span>
              <span className="sr-only">{t('chat.inbox.unread', { count: c.unreadCount })}</span>
            </>
          )}
        </span>
        <span className="inbox-main">
          <span className="inbox-top">
            <span className="inbox-name">{c.peer.displayName}</span>
            {last && (
              <time className="inbox-time" dateTime={last.createdAt}>
                {shortTime(t, last.createdAt)}
              </time>
            )}
          </span>
          <span className={c.unreadCount > 0 ? 'inbox-preview inbox-preview-unread' : 'inbox-preview'}>
            {risky && <span className="inbox-risk">{t('chat.inbox.risk')}</span>}
            {previewOf(t, last)}
          </span>
        </span>
        {c.item && <Cover card={c.item} className="inbox-thumb" />}
      </NavLink>
    </li>
  );
}
