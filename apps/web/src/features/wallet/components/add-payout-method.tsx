// 添加收款账户: Alipay (a mobile number or an email) or a bank card (bank, number); the holder's
// name for both. The payout provider verifies the account; its refusal is shown on the field.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.ts';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/field.tsx';
import { BANKS, type Bank, type PayoutKind, useAddPayoutMethod } from '../payout-api.ts';
import { describePayoutError } from './payout-methods.tsx';

type Errors = { account?: string; holderName?: string; bank?: string };

export function AddPayoutMethod({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddPayoutMethod();
  const [kind, setKind] = useState<PayoutKind>('alipay');
  const [bank, setBank] = useState<Bank | ''>('');
  const [account, setAccount] = useState('');
  const [holderName, setHolderName] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Errors = {};
    const acct = kind === 'bank_card' ? account.replace(/[\s-]/g, '') : account.trim();
    if (!acct) errs.account = t('payout.errors.account');
    else if (kind === 'bank_card' && !/^\d{12,19}$/.test(acct)) errs.account = t('payout.errors.invalid_card_number');
    if (!holderName.trim()) errs.holderName = t('payout.errors.holderName');
    if (kind === 'bank_card' && !bank) errs.bank = t('payout.errors.bank');
    setErrors(errs);
    setFormError(null);
    if (Object.keys(errs).length > 0) return;
    add.mutate(
      { kind, account: acct, holderName: holderName.trim(), ...(kind === 'bank_card' && bank ? { bank } : {}) },
      {
        onSuccess: onDone,
        onError: (err) => {
          const message = describePayoutError(t, err);
          if (err instanceof ApiError && err.fieldErrors.some((f) => f.path === 'account')) setErrors({ account: message });
          else setFormError(message);
        },
      },
    );
  };

  return (
    <form className="form payout-form" onSubmit={submit} noValidate aria-label={t('payout.addTitle')} data-testid="add-payout-method">
      <fieldset className="payout-kinds">
        <legend className="field-label">{t('payout.kind')}</legend>
        {(['alipay', 'bank_card'] as const).map((k) => (
          <label key={k} className={kind === k ? 'address-card address-on' : 'address-card'}>
            <input
              type="radio"
              name="payout-kind"
              className="address-radio"
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setErrors({});
              }}
            />
            <span className="address-who">{k === 'alipay' ? t('payout.alipay') : t('payout.bankCard')}</span>
          </label>
        ))}
      </fieldset>
      {kind === 'bank_card' && (
        <div className={`field${errors.bank ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor="payout-bank">
            {t('payout.bank')}
          </label>
          <select
            id="payout-bank"
            className="input"
            value={bank}
            aria-invalid={errors.bank ? true : undefined}
            aria-describedby={errors.bank ? 'payout-bank-error' : undefined}
            onChange={(e) => setBank(e.target.value as Bank)}
          >
            <option value="">{t('payout.chooseBank')}</option>
            {BANKS.map((b) => (
              <option key={b} value={b}>
                {t(`payout.banks.${b}`)}
              </option>
            ))}
          </select>
          {errors.bank && (
            <p className="field-error" id="payout-bank-error">
              {errors.bank}
            </p>
          )}
        </div>
      )}
      <TextField
        label={kind === 'bank_card' ? t('payout.cardNumber') : t('payout.alipayAccount')}
        placeholder={kind === 'bank_card' ? t('payout.cardPlaceholder') : t('payout.alipayPlaceholder')}
        inputMode={kind === 'bank_card' ? 'numeric' : 'email'}
        autoComplete="off"
        maxLength={kind === 'bank_card' ? 23 : 64}
        value={account}
        onChange={(e) => setAccount(e.target.value)}
        error={errors.account}
      />
      <TextField
        label={t('payout.holderName')}
        autoComplete="name"
        maxLength={30}
        value={holderName}
        onChange={(e) => setHolderName(e.target.value)}
        error={errors.holderName}
        hint={t('payout.holderHint')}
      />
      <FormAlert message={formError} />
      <div className="row-actions">
        <Button variant="ghost" className="btn-small" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="secondary" className="btn-small" busy={add.isPending}>
          {add.isPending ? t('payout.verifying') : t('payout.verify')}
        </Button>
      </div>
    </form>
  );
}
