// One reported target in the queue: what was reported and by whom, the content itself, a
// message's neighbours with their scam-shield warnings, the member's history, and the actions.
import { isScamWarning } from '@jishi/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { yuan } from '../../../lib/format.ts';
import { type Action, type QueueEntry as Entry, useResolve } from '../api.ts';
import { type AdminKey, type AdminT, useAdminT } from '../i18n.ts';
import { fmtTime, ReasonForm } from './shared.tsx';

const CONTENT: Action[] = ['hide', 'restore', 'warn', 'limit', 'ban', 'unban', 'dismiss'];
const MEMBER: Action[] = ['warn', 'limit', 'ban', 'unban', 'dismiss'];

/** The actions that make sense for this entry now (the server checks again). */
function actionsFor(e: Entry): Action[] {
  const hideable = ['note', 'comment', 'item', 'message'].includes(e.targetType) && e.target.exists;
  const list = hideable ? CONTENT : MEMBER;
  const banned = e.subject?.status === 'banned';
  return list.filter((a) => {
    if (a === 'hide') return !e.target.hidden;
    if (a === 'restore') return e.target.hidden;
    if (a === 'ban') return !!e.subject && !banned;
    if (a === 'unban') return banned;
    if (a === 'warn' || a === 'limit') return !!e.subject && !banned;
    return true;
  });
}

const warningLabel = (at: AdminT, w: string) =>
  isScamWarning(w) ? at(`warnings.${w}`) : w;

function Warnings({ list }: { list: string[] }) {
  const at = useAdminT();
  if (!list.length) return null;
  return (
    <span className="admin-warnings">
      {list.map((w) => (
        <span key={w} className="admin-pill admin-pill-warn">
          {warningLabel(at, w)}
        </span>
      ))}
    </span>
  );
}

function ActionPanel({ entry, action, onDone }: { entry: Entry; action: Action; onDone: () => void }) {
  const at = useAdminT();
  const resolve = useResolve();
  const [kind, setKind] = useState<'listing' | 'messaging'>('listing');
  const [days, setDays] = useState(7);
  const label = at(`actions.${action}`);
  const reportId = entry.reports[0]?.id as string;
  return (
    <div className="admin-action-panel" data-testid="action-panel">
      <h4>{at('actions.title', { action: label })}</h4>
      <ReasonForm
        confirm={at('actions.confirm', { action: label })}
        danger={action === 'ban' || action === 'hide'}
        busy={resolve.isPending}
        error={resolve.error}
        onSubmit={(reason) =>
          resolve.mutate({ reportId, action, reason, ...(action === 'limit' ? { limit: { kind, days } } : {}) }, { onSuccess: onDone })
        }
      >
        {action === 'limit' && (
          <div className="admin-row">
            <label className="admin-inline">
              {at('actions.limitKind')}
              <select className="input" value={kind} onChange={(e) => setKind(e.target.value as 'listing' | 'messaging')}>
                <option value="listing">{at('actions.listing')}</option>
                <option value="messaging">{at('actions.messaging')}</option>
              </select>
            </label>
            <label className="admin-inline">
              {at('actions.days')}
              <input className="input" type="number" min={1} max={365} value={days} onChange={(e) => setDays(Number(e.target.value) || 1)} />
            </label>
          </div>
        )}
      </ReasonForm>
    </div>
  );
}

function Subject({ s }: { s: NonNullable<Entry['subject']> }) {
  const at = useAdminT();
  const reports = Object.entries(s.reports);
  return (
    <div className="admin-subject" data-testid="queue-subject">
      <h4>{at('queue.member')}</h4>
      <p>
        <Link to={`/u/${s.id}`}>
          <strong>{s.displayName}</strong> @{s.username}
        </Link>{' '}
        {s.status === 'banned' && <span className="admin-pill admin-pill-bad">{at('queue.banned')}</span>}
        <span className="muted small"> · {at('queue.joined', { date: s.createdAt.slice(0, 10) })}</span>{' '}
        <Link to={`/admin/members?q=${encodeURIComponent(s.username)}`} className="small">
          {at('nav.members')}
        </Link>
      </p>
      <ul className="admin-facts small">
        {reports.length > 0 && (
          <li>
            {at('queue.reportsAgainst')}：{reports.map(([r, n]) => `${at(`reasons.${r}` as AdminKey)} ×${n}`).join('，')}
          </li>
        )}
        {s.flaggedWrites30d > 0 && <li>{at('queue.flagged30d', { count: s.flaggedWrites30d })}</li>}
        {s.sellerFlag && <li>{at(`queue.sellerFlag.${s.sellerFlag}` as AdminKey)}</li>}
        {s.limits.map((l) => (
          <li key={l.kind + l.until}>
            {at('queue.limits')}：{at(`actions.${l.kind}` as AdminKey)} → {l.until.slice(0, 10)}（{l.reason}）
          </li>
        ))}
        {s.actions.slice(0, 5).map((a) => (
          <li key={a.at + a.action}>
            {fmtTime(a.at)} {at(`audit.what.${a.action}` as AdminKey)} · {a.by}：{a.reason}
          </li>
        ))}
        {!reports.length && !s.flaggedWrites30d && !s.sellerFlag && !s.actions.length && <li className="muted">{at('queue.noHistory')}</li>}
      </ul>
    </div>
  );
}

export function QueueEntry({ entry }: { entry: Entry }) {
  const at = useAdminT();
  const [action, setAction] = useState<Action | null>(null);
  const tg = entry.target;
  return (
    <li className="card admin-entry" data-testid="queue-entry" data-target={entry.targetId}>
      <div className="admin-entry-top">
        <span className="admin-pill">{at(`targets.${entry.targetType}`)}</span>
        {entry.reasons.map((r) => (
          <span key={r} className="admin-pill admin-pill-reason">
            {at(`reasons.${r}` as AdminKey)}
          </span>
        ))}
        <strong className="admin-count">{at('queue.count', { count: entry.count })}</strong>
        {entry.system && <span className="admin-pill admin-pill-warn">{at('queue.system')}</span>}
        <span className="muted small admin-right">{fmtTime(entry.lastAt)}</span>
      </div>

      <div className="admin-content" data-testid="queue-content">
        <h4>
          {at('queue.reportedContent')} {tg.hidden && <span className="admin-pill admin-pill-bad">{at('queue.hidden')}</span>}
        </h4>
        {!tg.exists ? (
          <p className="muted">{at('queue.missing')}</p>
        ) : (
          <>
            {tg.title && <p className="admin-title">{tg.title}</p>}
            {tg.text && <p className="admin-text">{tg.text}</p>}
            {tg.price !== null && <p className="small">{yuan(tg.price)}</p>}
            <Warnings list={tg.warnings} />
            {tg.link && (
              <Link to={tg.link} className="small">
                {at('queue.open')}
              </Link>
            )}
          </>
        )}
      </div>

      {entry.context.length > 0 && (
        <div className="admin-context">
          <h4>{at('queue.context')}</h4>
          <ol>
            {entry.context.map((m) => (
              <li key={m.id} className={m.reported ? 'admin-msg admin-msg-reported' : 'admin-msg'}>
                <span className="muted small">{m.senderId === entry.subject?.id ? `@${entry.subject?.username}` : '↩'} </span>
                {m.text ?? `[${m.kind}]`} <Warnings list={m.warnings} />
              </li>
            ))}
          </ol>
        </div>
      )}

      <ul className="admin-reports small">
        {entry.reports.map((r) => (
          <li key={r.id}>
            {r.reporter ? `@${r.reporter.username}` : at('queue.system')} · {at(`reasons.${r.reason}` as AdminKey)}
            {r.detail && `：${r.detail}`} <span className="muted">{fmtTime(r.createdAt)}</span>
          </li>
        ))}
      </ul>

      {entry.subject && <Subject s={entry.subject} />}

      <div className="admin-actions">
        {actionsFor(entry).map((a) => (
          <button key={a} type="button" className={action === a ? 'admin-chip admin-chip-on' : 'admin-chip'} onClick={() => setAction(action === a ? null : a)}>
            {at(`actions.${a}`)}
          </button>
        ))}
      </div>
      {action && <ActionPanel entry={entry} action={action} onDone={() => setAction(null)} />}
    </li>
  );
}
