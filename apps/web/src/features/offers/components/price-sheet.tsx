// A sheet asking for one amount in yuan: make an offer, counter one, set the floor price. The
// shared Form: the amount's problem next to it and in the summary, the server's refusal above.
import { parseYuan } from '@jishi/shared';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/field.tsx';
import { Form, useForm } from '../../../ui/form.tsx';
import { Sheet } from '../../../ui/sheet.tsx';

type Props = {
  open: boolean;
  title: string;
  label: string;
  intro?: ReactNode;
  hint?: string;
  submitLabel: string;
  initial?: string;
  /** Client-side check of the amount in fen; a message, or null when fine. */
  check: (fen: number) => string | null;
  /** Resolves on success; rejects with a message to show. */
  onSubmit: (fen: number) => Promise<void>;
  onClose: () => void;
  extra?: ReactNode;
};

export function PriceSheet({ open, title, onClose, ...form }: Props) {
  // A fresh form each time the sheet opens: the amount starts from `initial`, no old errors.
  return (
    <Sheet open={open} title={title} onClose={onClose}>
      <PriceForm key={String(open)} onClose={onClose} {...form} />
    </Sheet>
  );
}

function PriceForm({
  label,
  intro,
  hint,
  submitLabel,
  initial = '',
  check,
  onSubmit,
  onClose,
  extra,
}: Omit<Props, 'open' | 'title'>) {
  const { t } = useTranslation();
  const form = useForm({ amount: initial });
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const fen = parseYuan(form.values.amount);
    const problem = fen === null ? t('offers.amountInvalid') : check(fen);
    form.setErrors({ form: null, fields: problem ? { amount: problem } : {} });
    if (problem || fen === null) return;
    setBusy(true);
    try {
      await onSubmit(fen);
      onClose();
    } catch (err) {
      form.setErrors({ form: err instanceof Error ? err.message : String(err), fields: {} });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form errors={form.errors} onSubmit={() => void submit()}>
      {intro && <div className="sheet-text">{intro}</div>}
      <TextField label={label} inputMode="decimal" placeholder="0.00" autoFocus hint={hint} {...form.bind('amount')} />
      <FormAlert message={form.errors.form} />
      {extra}
      <Button type="submit" block busy={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
