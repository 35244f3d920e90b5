// What a party may do now (the case's `actions`), each behind its sheet.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmSheet } from '../../../ui/sheet.tsx';
import { yuan } from '../../../lib/format.ts';
import { type AfterSaleCase, useCaseStep } from '../api.ts';
import { describeCaseError } from '../format.ts';
import { RejectSheet, ReturnSheet } from './step-sheets.tsx';

type Step = Exclude<AfterSaleCase['actions'][number], 'vote'>;
type Simple = Exclude<Step, 'reject' | 'return'>;
const STEPS: Step[] = ['withdraw', 'reject', 'escalate', 'return', 'received', 'accept'];

export function CaseActions({ c }: { c: AfterSaleCase }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Step | null>(null);
  const [error, setError] = useState<string | null>(null);
  const step = useCaseStep(c);
  const close = () => {
    setOpen(null);
    setError(null);
  };
  const run = (s: Simple) =>
    step.mutate({ step: s }, { onSuccess: close, onError: (err) => setError(describeCaseError(t, err)) });
  if (c.viewer !== 'buyer' && c.viewer !== 'seller') return null;
  if (c.actions.length === 0) return null;
  const amount = yuan(c.amount);
  const confirm = (s: Simple, title: string, body: string) => (
    <ConfirmSheet
      open={open === s}
      title={title}
      body={body}
      confirmLabel={t(`aftersale.actions.${s}`)}
      busy={step.isPending}
      error={error}
      onConfirm={() => run(s)}
      onClose={close}
    />
  );
  return (
    <>
      <div className="action-bar" data-testid="case-actions">
        {STEPS.filter((a) => c.actions.includes(a)).map((a) => (
          <button
            key={a}
            type="button"
            className={a === 'withdraw' || a === 'reject' ? 'btn btn-secondary' : 'btn btn-primary btn-grow'}
            onClick={() => setOpen(a)}
          >
            {t(`aftersale.actions.${a}`)}
          </button>
        ))}
      </div>
      {confirm(
        'accept',
        t('aftersale.acceptTitle'),
        c.returnItem ? t('aftersale.acceptReturnBody', { amount }) : t('aftersale.acceptBody', { amount }),
      )}
      {confirm('received', t('aftersale.receivedTitle'), t('aftersale.receivedBody', { amount }))}
      {confirm('escalate', t('aftersale.escalateTitle'), t('aftersale.escalateBody'))}
      {confirm('withdraw', t('aftersale.withdrawTitle'), t('aftersale.withdrawBody'))}
      <RejectSheet open={open === 'reject'} c={c} onClose={close} />
      <ReturnSheet open={open === 'return'} c={c} onClose={close} />
    </>
  );
}
