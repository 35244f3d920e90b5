// After-sale cases that need an operator, and withdrawals.
import { useState } from 'react';
import { Link } from 'react-router';
import { yuan } from '../../../lib/format.ts';
import { type CaseRow, useCases, useDecide, useRetryWithdrawal, useWithdrawals, type WithdrawalRow } from '../api.ts';
import { type AdminKey, useAdminT } from '../i18n.ts';
import { fmtTime, PagedList, ReasonForm } from './shared.tsx';

function CaseCard({ c }: { c: CaseRow }) {
  const at = useAdminT();
  const decide = useDecide();
  const [verdict, setVerdict] = useState<'refund' | 'release' | null>(null);
  const open = c.status === 'with_operator' || c.status === 'in_jury' || c.status === 'awaiting_return';
  return (
    <li className="card admin-entry" data-testid="case-row">
      <div className="admin-entry-top">
        <span className="admin-pill admin-pill-reason">{at(`cases.statuses.${c.status}` as AdminKey)}</span>
        <strong>{yuan(c.amount)}</strong>
        <span className="muted small admin-right">{fmtTime(c.createdAt)}</span>
      </div>
      <p className="small">{at('cases.parties', { buyer: c.buyer, seller: c.seller })}</p>
      <p className="small muted">{c.jury.seated ? at('cases.jury', c.jury) : at('cases.noJury')}</p>
      <Link to={`/after-sales/${c.id}`} className="small">
        {at('cases.open')}
      </Link>
      {open && (
        <div className="admin-actions">
          {(['refund', 'release'] as const).map((v) => (
            <button key={v} type="button" className={verdict === v ? 'admin-chip admin-chip-on' : 'admin-chip'} onClick={() => setVerdict(verdict === v ? null : v)}>
              {at(`cases.${v}`)}
            </button>
          ))}
        </div>
      )}
      {verdict && (
        <ReasonForm
          confirm={at(`cases.${verdict}`)}
          busy={decide.isPending}
          error={decide.error}
          onSubmit={(reason) => decide.mutate({ caseId: c.id, verdict, reason }, { onSuccess: () => setVerdict(null) })}
        />
      )}
    </li>
  );
}

export function CasesPage() {
  const at = useAdminT();
  const [status, setStatus] = useState<'with_operator' | 'in_jury'>('with_operator');
  const q = useCases(status);
  return (
    <section aria-label={at('nav.cases')}>
      <div className="admin-toolbar admin-segment">
        {(['with_operator', 'in_jury'] as const).map((s) => (
          <button key={s} type="button" className={s === status ? 'admin-chip admin-chip-on' : 'admin-chip'} onClick={() => setStatus(s)}>
            {at(`cases.filter.${s}`)}
          </button>
        ))}
      </div>
      <PagedList q={q} testId="cases" render={(c) => <CaseCard key={c.id} c={c} />} />
    </section>
  );
}

function WithdrawalCard({ w, canRetry }: { w: WithdrawalRow; canRetry: boolean }) {
  const at = useAdminT();
  const retry = useRetryWithdrawal();
  const [open, setOpen] = useState(false);
  return (
    <li className="card admin-entry" data-testid="withdrawal-row">
      <div className="admin-entry-top">
        <span className={`admin-pill admin-status-${w.status}`}>{at(`withdrawals.filter.${w.status}`)}</span>
        <strong>{yuan(w.amount)}</strong>
        <span className="small">@{w.username}</span>
        <span className="muted small admin-right">{fmtTime(w.createdAt)}</span>
      </div>
      <p className="small muted">
        {at('withdrawals.attempts', { count: w.attempts })}
        {w.lastError && ` · ${at('withdrawals.lastError', { error: w.lastError })}`}
        {w.failureReason && ` · ${at('withdrawals.failure', { reason: w.failureReason })}`}
      </p>
      {canRetry && w.status === 'processing' && (
        <button type="button" className="admin-chip" onClick={() => setOpen(!open)}>
          {at('withdrawals.retry')}
        </button>
      )}
      {open && (
        <ReasonForm confirm={at('withdrawals.retry')} busy={retry.isPending} error={retry.error} onSubmit={(reason) => retry.mutate({ id: w.id, reason }, { onSuccess: () => setOpen(false) })} />
      )}
    </li>
  );
}

export function WithdrawalsPage({ isAdmin }: { isAdmin: boolean }) {
  const at = useAdminT();
  const [status, setStatus] = useState<'all' | 'processing' | 'paid' | 'failed'>('all');
  const q = useWithdrawals(status === 'all' ? undefined : status);
  return (
    <section aria-label={at('nav.withdrawals')}>
      <div className="admin-toolbar admin-segment">
        {(['all', 'processing', 'paid', 'failed'] as const).map((s) => (
          <button key={s} type="button" className={s === status ? 'admin-chip admin-chip-on' : 'admin-chip'} onClick={() => setStatus(s)}>
            {at(`withdrawals.filter.${s}`)}
          </button>
        ))}
      </div>
      <PagedList q={q} testId="withdrawals" render={(w) => <WithdrawalCard key={w.id} w={w} canRetry={isAdmin} />} />
    </section>
  );
}
