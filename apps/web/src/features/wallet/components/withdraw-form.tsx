// 提现: an amount in yuan (at least the market's minimum, GET /rules; at most what is available), with an "all" shortcut, to
// one of my payout accounts (the default chosen); without one, the way to add one.
import { fenToYuanInput, parseYuan } from '@jishi/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.ts';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/field.tsx';
import { CheckIcon } from '../../../ui/icons.tsx';
import { describeTradeError } from '../../../lib/errors.ts';
import { yuan } from '../../../lib/format.ts';
import { useRules } from '../../../lib/rules.ts';
import { type Withdrawal, useWithdraw } from '../api.ts';
import { payoutLabel, usePayoutMethods } from '../payout-api.ts';
import { describePayoutError } from './payout-methods.tsx';

export function WithdrawForm({ available, onAddMethod }: { available: number; onAddMethod: () => void }) {
  const { t } = useTranslation();
  // The operator's minimum (minWithdrawal); until the rules are in, the server's check alone.
  const min = useRules().data?.minWithdrawal;
  const withdraw = useWithdraw();
  const methods = usePayoutMethods();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [methodError, setMethodError] = useState<string | undefined>();
  const [done, setDone] = useState<Withdrawal | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const list = methods.data?.items ?? [];
  // The member's pick while it exists, else the default (the last used, else the newest).
  const method = list.find((m) => m.id === chosen) ?? list.find((m) => m.isDefault) ?? list[0] ?? null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const fen = parseYuan(value);
    const problem =
      fen === null || fen === 0
        ? t('wallet.errors.amount')
        : min !== undefined && fen < min
          ? t('wallet.errors.belowMin', { min: yuan(min) })
          : fen > available
            ? t('wallet.errors.more', { available: yuan(available) })
            : undefined;
    setError(problem);
    setMethodError(methods.isSuccess && !method ? t('payout.needOne') : undefined);
    if (problem || fen === null || !method) return;
    withdraw.mutate(
      { amount: fen, payoutMethodId: method.id },
      {
        onSuccess: (w) => {
          setDone(w);
          setValue('');
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code.startsWith('payout_method_')) setMethodError(describePayoutError(t, err));
          else setError(err instanceof ApiError ? describeTradeError(t, err) : t('errors.generic'));
        },
      },
    );
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="withdraw-title">
      <h2 className="card-title" id="withdraw-title">
        {t('wallet.withdraw')}
      </h2>
      <TextField
        label={t('wallet.amount')}
        inputMode="decimal"
        placeholder={min === undefined ? undefined : t('wallet.amountPlaceholder', { min: fenToYuanInput(min) })}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={error}
        hint={min === undefined ? t('wallet.amountAvailable', { available: yuan(available) }) : t('wallet.amountHint', { available: yuan(available), min: yuan(min) })}
      />
      <div className="row-actions">
        <button
          type="button"
          className="link-btn"
          disabled={available < (min ?? 1)}
          onClick={() => setValue(fenToYuanInput(available))}
        >
          {t('wallet.all')}
        </button>
      </div>
      <fieldset className={`payout-choice${methodError ? ' field-invalid' : ''}`} data-testid="withdraw-to">
        <legend className="field-label">{t('payout.chooseFor')}</legend>
        {list.map((m) => (
          <label key={m.id} className={method?.id === m.id ? 'address-card address-on' : 'address-card'}>
            <input
              type="radio"
              name="withdraw-to"
              className="address-radio"
              checked={method?.id === m.id}
              onChange={() => {
                setChosen(m.id);
                setMethodError(undefined);
              }}
            />
            <span className="address-who">{payoutLabel(t, m)}</span>
          </label>
        ))}
        {methods.isSuccess && list.length === 0 && (
          <div className="payout-missing">
            <span className="muted small">{t('payout.none')}</span>
            <button type="button" className="btn btn-secondary btn-small" onClick={onAddMethod}>
              {t('payout.goAdd')}
            </button>
          </div>
        )}
        {methodError && (
          <p className="field-error" role="alert">
            {methodError}
          </p>
        )}
      </fieldset>
      {done && (
        <p className={done.status === 'failed' ? 'form-alert' : 'form-ok'} role="status" data-testid="withdraw-result">
          {done.status !== 'failed' && <CheckIcon size={16} />}
          {t(`wallet.result.${done.status}`, {
            amount: yuan(done.amount),
            account: done.payoutTo ? payoutLabel(t, done.payoutTo) : t('payout.title'),
          })}
        </p>
      )}
      <Button type="submit" block busy={withdraw.isPending}>
        {withdraw.isPending ? t('wallet.withdrawing') : t('wallet.withdrawNow')}
      </Button>
    </form>
  );
}
