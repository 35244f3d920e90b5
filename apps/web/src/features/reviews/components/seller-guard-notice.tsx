// The professional-seller guard as the member sees it: when their account is flagged, which
// numbers crossed which line, what is limited, and a button to ask an operator to look again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../../lib/api.ts';
import { describeError } from '../../../lib/errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { yuan } from '../../../lib/format.ts';

const KEY = ['me', 'seller-status'] as const;
const SIGNALS = ['new_goods', 'duplicate_titles', 'duplicate_photos', 'shared_photos', 'velocity', 'sales_volume', 'sales_total'] as const;
type Signal = (typeof SIGNALS)[number];
const isSignal = (k: string): k is Signal => (SIGNALS as readonly string[]).includes(k);

export function SellerGuardNotice() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const status = useQuery({ queryKey: KEY, queryFn: () => call(client.GET('/api/v1/me/seller-status')) });
  const ask = useMutation({
    mutationFn: () => call(client.POST('/api/v1/me/seller-status/review')),
    onSuccess: (s) => qc.setQueryData(KEY, s),
  });
  const s = status.data;
  if (s?.status !== 'flagged') return null;
  return (
    <section className="card guard-notice" role="status" data-testid="seller-guard">
      <h2 className="card-title">{t('sellerGuard.title')}</h2>
      <p className="small">{t('sellerGuard.body', { count: s.listingsPerDay ?? 0 })}</p>
      <ul className="guard-signals">
        {s.signals.map((g) => (
          <li key={g.key}>{isSignal(g.key)
              ? g.key === 'sales_total'
                ? t('sellerGuard.signals.sales_total', { value: yuan(g.value), threshold: yuan(g.threshold) })
                : t(`sellerGuard.signals.${g.key}`, { value: g.value, threshold: g.threshold })
              : g.detail}</li>
        ))}
      </ul>
      {s.reviewRequestedAt ? (
        <p className="muted small">{t('sellerGuard.requested', { date: formatDate(s.reviewRequestedAt) })}</p>
      ) : (
        <Button variant="secondary" busy={ask.isPending} onClick={() => ask.mutate()}>
          {t('sellerGuard.askReview')}
        </Button>
      )}
      {ask.isError && <p className="field-error">{describeError(t, ask.error)}</p>}
    </section>
  );
}
