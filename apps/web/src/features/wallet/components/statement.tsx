// The statement: every money movement in or out of my balance, in words, newest first.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeTradeError } from '../../../lib/errors.ts';
import { dateTime, signedYuan } from '../../../lib/format.ts';
import { type Entry, useEntries } from '../api.ts';
import { ErrorState, Loading } from '../../../ui/status.tsx';

const KINDS = ['payment', 'settlement', 'refund', 'withdrawal', 'withdrawal_reversed', 'adjustment', 'case_refund', 'debt_recovery'] as const;
type Kind = (typeof KINDS)[number];
const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

export function Statement() {
  const { t } = useTranslation();
  const entries = useEntries();
  const list = entries.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card" aria-labelledby="statement-title">
      <h2 className="card-title" id="statement-title">
        {t('wallet.statement')}
      </h2>
      {entries.isPending ? (
        <Loading />
      ) : entries.isError ? (
        <ErrorState message={describeTradeError(t, entries.error)} onRetry={() => void entries.refetch()} />
      ) : list.length === 0 ? (
        <p className="muted small">{t('wallet.noEntries')}</p>
      ) : (
        <ul className="entries" data-testid="statement">
          {list.map((e) => (
            <EntryRow key={e.id} entry={e} />
          ))}
        </ul>
      )}
      {entries.hasNextPage && (
        <button
          type="button"
          className="btn btn-ghost btn-block"
          disabled={entries.isFetchingNextPage}
          onClick={() => void entries.fetchNextPage()}
        >
          {entries.isFetchingNextPage ? t('common.loading') : t('wallet.more')}
        </button>
      )}
    </section>
  );
}

function EntryRow({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const what = isKind(entry.kind) ? t(`wallet.kinds.${entry.kind}`) : entry.kind;
  return (
    <li className="entry">
      <span className="entry-text">
        <span className="entry-kind">{what}</span>
        <span className="muted small">
          {dateTime(entry.createdAt)}
          {entry.orderId && (
            <>
              {' · '}
              <Link to={`/orders/${entry.orderId}`}>{t('wallet.seeOrder')}</Link>
            </>
          )}
        </span>
      </span>
      <span className={entry.amount > 0 ? 'entry-amount entry-in' : 'entry-amount'}>{signedYuan(entry.amount)}</span>
    </li>
  );
}
