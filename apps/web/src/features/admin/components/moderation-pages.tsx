// The moderation queue and the audit log.
import { useState } from 'react';
import { type ReportReason, type ReportStatus, useAudit, useQueue } from '../api.ts';
import { type AdminKey, useAdminT } from '../i18n.ts';
import { QueueEntry } from './queue-entry.tsx';
import { fmtTime, PagedList, roleLabel } from './shared.tsx';

const STATUSES: ReportStatus[] = ['open', 'resolved', 'dismissed'];
const REASONS: ReportReason[] = ['scam', 'off_platform', 'harassment', 'spam', 'prohibited', 'counterfeit', 'other', 'pro_seller'];

export function QueuePage() {
  const at = useAdminT();
  const [status, setStatus] = useState<ReportStatus>('open');
  const [reason, setReason] = useState<ReportReason | ''>('');
  const q = useQueue(status, reason || undefined);
  return (
    <section aria-label={at('nav.queue')}>
      <div className="admin-toolbar">
        <div className="admin-segment" role="tablist">
          {STATUSES.map((s) => (
            <button key={s} type="button" role="tab" aria-selected={s === status} className={s === status ? 'admin-chip admin-chip-on' : 'admin-chip'} onClick={() => setStatus(s)}>
              {at(`queue.status.${s}`)}
            </button>
          ))}
        </div>
        <select className="input admin-select" value={reason} onChange={(e) => setReason(REASONS.find((r) => r === e.target.value) ?? '')} aria-label={at('queue.allReasons')}>
          <option value="">{at('queue.allReasons')}</option>
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {at(`reasons.${r}` as AdminKey)}
            </option>
          ))}
        </select>
      </div>
      <PagedList q={q} testId="queue" render={(e) => <QueueEntry key={`${e.targetType}:${e.targetId}`} entry={e} />} />
    </section>
  );
}

const ACTIONS = ['report.hide', 'report.restore', 'report.warn', 'report.limit', 'report.ban', 'report.unban', 'report.dismiss', 'case.decide', 'withdrawal.retry', 'settings.update', 'role.grant', 'member.vouch', 'member.unvouch'];

/** before/after as short "key: value" lines; ids and lists of report ids are left out. */
function changes(v: unknown): string {
  if (!v || typeof v !== 'object') return '';
  return Object.entries(v as Record<string, unknown>)
    .filter(([k, x]) => k !== 'reports' && k !== 'subjectId' && k !== 'limitId' && x !== null && x !== undefined)
    .map(([k, x]) => `${k}: ${typeof x === 'object' ? JSON.stringify(x) : String(x)}`)
    .join(' · ');
}

export function AuditPage() {
  const at = useAdminT();
  const [action, setAction] = useState('');
  const q = useAudit(action || undefined);
  return (
    <section aria-label={at('nav.audit')}>
      <div className="admin-toolbar">
        <select className="input admin-select" value={action} onChange={(e) => setAction(e.target.value)} aria-label={at('audit.filter')}>
          <option value="">{at('audit.filter')}</option>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {at(`audit.what.${a}` as AdminKey)}
            </option>
          ))}
        </select>
      </div>
      <PagedList
        q={q}
        testId="audit"
        render={(e) => (
          <li key={e.id} className="card admin-audit" data-testid="audit-entry" data-action={e.action}>
            <div className="admin-entry-top">
              <strong>{ACTIONS.includes(e.action) ? at(`audit.what.${e.action}` as AdminKey) : e.action}</strong>
              <span className="admin-pill">{e.targetType}</span>
              <span className="muted small admin-right">{fmtTime(e.at)}</span>
            </div>
            <p className="small">
              @{e.actor.username}（{roleLabel(at, e.actor.role)}）：<span data-testid="audit-reason">{e.reason}</span>
            </p>
            {(changes(e.before) || changes(e.after)) && (
              <p className="muted small admin-diff">
                {changes(e.before) && `${at('audit.before')} ${changes(e.before)}`}
                {changes(e.after) && ` → ${at('audit.after')} ${changes(e.after)}`}
              </p>
            )}
          </li>
        )}
      />
    </section>
  );
}
