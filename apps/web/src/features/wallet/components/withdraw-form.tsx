// 提现: an amount in yuan (at least ¥1, at most what is available), with an "all" shortcut.
import { fenToYuanInput, parseYuan } from '@jishi/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.ts';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/field.tsx';
import { CheckIcon } from '../../../ui/icons.tsx';
import { describeTradeError } from '../../items/errors.ts';
import { yuan } from '../../items/format.ts';
import { type Withdrawal, useWithdraw } from '../api.ts';

const MIN = 100;

export function WithdrawForm({ available }: { available: number }) {
  const { t } = useTranslation();
  const withdraw = useWithdraw();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<Withdrawal | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const fen = parseYuan(value);
    const problem =
      fen === null || fen === 0
        ? t('wallet.errors.amount')
        : fen < MIN
          ? t('tradeErrors.amount_below_minimum')
          : fen > available
            ? t('wallet.errors.more', { available: yuan(available) })
            : undefined;
    setError(problem);
    if (problem || fen === null) return;
    withdraw.mutate(
      { amount: fen },
      {
        onSuccess: (w) => {
          setDone(w);
          setValue('');
        },
        onError: (err) => setError(err instanceof ApiError ? describeTradeError(t, err) : t('errors.generic')),
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
        placeholder={t('wallet.amountPlaceholder')}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={error}
        hint={t('wallet.amountHint', { available: yuan(available) })}
      />
      <div className="row-actions">
        <button
          type="button"
          className="link-btn"
          disabled={available < MIN}
          onClick={() => setValue(fenToYuanInput(available))}
        >
          {t('wallet.all')}
        </button>
      </div>
      {done && (
        <p className={done.status === 'failed' ? 'form-alert' : 'form-ok'} role="status" data-testid="withdraw-result">
          {done.status !== 'failed' && <CheckIcon size={16} />}
          {t(`wallet.result.${done.status}`, { amount: yuan(done.amount) })}
        </p>
      )}
      <Button type="submit" block busy={withdraw.isPending}>
        {withdraw.isPending ? t('wallet.withdrawing') : t('wallet.withdrawNow')}
      </Button>
    </form>
  );
}
