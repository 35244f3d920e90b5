// 提现记录: every withdrawal with its state. A withdrawal still processing (the payout channel
// has not confirmed, or is being retried) is money that left the balance and has not arrived:
// it must be visible, not vanish between "available" and "withdrawn".
import { useTranslation } from 'react-i18next';
import { describeTradeError } from '../../../lib/errors.ts';
import { dateTime, yuan } from '../../../lib/format.ts';
import { type Withdrawal, useWithdrawals } from '../api.ts';
import { payoutLabel } from '../payout-api.ts';
import { ErrorState, Loading } from '../../../ui/status.tsx';

const REASONS = ['account_closed', 'provider_unavailable'] as const;
type Reason = (typeof REASONS)[number] | 'other';
const reasonOf = (r: string | null): Reason => ((REASONS as readonly string[]).includes(r ?? '') ? (r as Reason) : 'other');

export function Withdrawals() {
  const { t } = useTranslation();
  const list = useWithdrawals();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isSuccess && items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="withdrawals-title">
      <h2 className="card-title" id="withdrawals-title">
        {t('wallet.withdrawals')}
      </h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState message={describeTradeError(t, list.error)} onRetry={() => void list.refetch()} />
      ) : (
        <ul className="entries" data-testid="withdrawals">
          {items.map((w) => (
            <WithdrawalRow key={w.id} w={w} />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="btn btn-ghost btn-block"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? t('common.loading') : t('wallet.more')}
        </button>
      )}
    </section>
  );
}

function WithdrawalRow({ w }: { w: Withdrawal }) {
  const { t } = useTranslation();
  const note =
    w.status === 'processing'
      ? w.attempts > 1
        ? t('wallet.retrying', { count: w.attempts - 1 })
        : t('wallet.processingNote')
      : w.status === 'failed'
        ? t(`wallet.failureReasons.${reasonOf(w.failureReason)}`)
        : null;
  return (
    <li className="entry" data-testid="withdrawal" data-status={w.status}>
      <span className="entry-text">
        <span className="entry-kind">
          {t('wallet.kinds.withdrawal')}
          <span className={`withdrawal-state withdrawal-${w.status}`}>{t(`wallet.withdrawalStatus.${w.status}`)}</span>
        </span>
        <span className="muted small">{dateTime(w.createdAt)}</span>
        {w.payoutTo && <span className="muted small">{t('wallet.to', { account: payoutLabel(t, w.payoutTo) })}</span>}
        {note && <span className="muted small">{note}</span>}
      </span>
      <span className={w.status === 'failed' ? 'entry-amount entry-void' : 'entry-amount'}>{yuan(w.amount)}</span>
    </li>
  );
}
