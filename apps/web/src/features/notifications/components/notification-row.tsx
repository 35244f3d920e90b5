// One entry: the actor's face (a small stack for a group, the bell for the system), who did
// what, the comment or item in a second line, when, and the subject's cover on the right.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../../ui/avatar.tsx';
import { shortTime } from '../../chat/format.ts';
import type { Notification } from '../api.ts';
import { describe } from '../describe.ts';
import { BellIcon } from './bell.tsx';

function Faces({ n }: { n: Notification }) {
  const shown = n.actors.slice(0, n.count > 1 ? 2 : 1);
  if (shown.length === 0) {
    return (
      <span className="notice-system" aria-hidden="true">
        <BellIcon size={22} />
      </span>
    );
  }
  return (
    <span className={shown.length > 1 ? 'notice-faces notice-faces-many' : 'notice-faces'} aria-hidden="true">
      {shown.map((a) => (
        <Avatar key={a.id} url={a.avatarUrl} name={a.displayName} size={shown.length > 1 ? 34 : 44} />
      ))}
    </span>
  );
}

export function NotificationRow({ n, unread }: { n: Notification; unread: boolean }) {
  const { t } = useTranslation();
  const d = describe(t, n);
  const cover = n.note?.coverUrl ?? n.item?.coverUrl ?? null;
  const body = (
    <>
      <Faces n={n} />
      <span className="notice-main">
        <span className="notice-text">
          {d.who && <strong className="notice-who">{d.who} </strong>}
          {d.what}
        </span>
        {d.detail && <span className="notice-detail">{d.detail}</span>}
        <time className="notice-time" dateTime={n.createdAt}>
          {shortTime(t, n.createdAt)}
        </time>
      </span>
      {cover && <img className="notice-cover" src={cover} alt="" loading="lazy" />}
      {unread && (
        <span className="notice-dot">
          <span className="sr-only">{t('notifications.unread')}</span>
        </span>
      )}
    </>
  );
  return (
    <li data-testid="notification" data-type={n.type} data-unread={unread}>
      {d.to ? (
        <Link to={d.to} className="notice">
          {body}
        </Link>
      ) : (
        <div className="notice">{body}</div>
      )}
    </li>
  );
}
