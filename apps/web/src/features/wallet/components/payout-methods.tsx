// 收款账户: the member's payout methods (masked), removing one, and adding one — verified by the
// payout provider before it is kept. Withdrawals choose among these (withdraw-form.tsx).
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.ts';
import { Button } from '../../../ui/button.tsx';
import { PlusIcon } from '../../../ui/icons.tsx';
import { ConfirmSheet } from '../../../ui/sheet.tsx';
import { ErrorState, Loading } from '../../../ui/status.tsx';
import { describeTradeError } from '../../../lib/errors.ts';
import { type PayoutMethod, payoutLabel, usePayoutMethods, useRemovePayoutMethod } from '../payout-api.ts';
import { AddPayoutMethod } from './add-payout-method.tsx';

const PAYOUT_CODES = [
  'invalid_card_number',
  'invalid_alipay_account',
  'bank_required',
  'payout_account_rejected',
  'too_many_payout_methods',
  'payout_method_exists',
  'payout_provider_unavailable',
  'payout_method_required',
  'payout_method_not_found',
] as const;

/** Payout codes in words; everything else as the trade errors say it. */
type PayoutCode = (typeof PAYOUT_CODES)[number];
const isPayoutCode = (c: string): c is PayoutCode => (PAYOUT_CODES as readonly string[]).includes(c);

export function describePayoutError(t: TFunction, err: unknown): string {
  if (err instanceof ApiError && isPayoutCode(err.code)) return t(`payout.errors.${err.code}`);
  return describeTradeError(t, err);
}

export function PayoutMethods({ adding, setAdding }: { adding: boolean; setAdding: (v: boolean) => void }) {
  const { t } = useTranslation();
  const list = usePayoutMethods();
  const remove = useRemovePayoutMethod();
  const [removing, setRemoving] = useState<PayoutMethod | null>(null);
  const items = list.data?.items ?? [];
  return (
    <section className="card" id="payout-methods" aria-labelledby="payout-title" data-testid="payout-methods">
      <h2 className="card-title" id="payout-title">
        {t('payout.title')}
      </h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState message={describeTradeError(t, list.error)} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        !adding && <p className="muted small">{t('payout.none')}</p>
      ) : (
        <ul className="payout-list">
          {items.map((m) => {
            const label = payoutLabel(t, m);
            return (
              <li key={m.id} className="payout-row" data-testid="payout-method">
                <span className={`payout-badge payout-${m.kind}`} aria-hidden>
                  {m.kind === 'alipay' ? t('payout.alipay').slice(0, 1) : t('payout.bankCard').slice(0, 1)}
                </span>
                <span className="payout-label">
                  {label}
                  {m.isDefault && <span className="payout-default">{t('payout.default')}</span>}
                </span>
                <button
                  type="button"
                  className="link-btn"
                  aria-label={t('payout.removeLabel', { account: label })}
                  onClick={() => {
                    remove.reset();
                    setRemoving(m);
                  }}
                >
                  {t('payout.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {adding ? (
        <AddPayoutMethod onDone={() => setAdding(false)} />
      ) : (
        list.isSuccess && (
          <Button variant="ghost" className="btn-small" onClick={() => setAdding(true)}>
            <PlusIcon size={16} />
            {t('payout.add')}
          </Button>
        )
      )}
      <p className="muted small payout-note">{t('payout.securityNote')}</p>
      <ConfirmSheet
        open={removing !== null}
        title={t('payout.remove')}
        body={removing ? t('payout.removeConfirm', { account: payoutLabel(t, removing) }) : ''}
        confirmLabel={t('payout.remove')}
        busy={remove.isPending}
        error={remove.isError ? describePayoutError(t, remove.error) : null}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
        onClose={() => setRemoving(null)}
      />
    </section>
  );
}
