// A sheet asking for one amount in yuan: make an offer, counter one, set the floor price.
import { parseYuan } from '@jishi/shared';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/field.tsx';
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

export function PriceSheet({
  open,
  title,
  label,
  intro,
  hint,
  submitLabel,
  initial = '',
  check,
  onSubmit,
  onClose,
  extra,
}: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setValue(initial);
      setError(null);
      setFormError(null);
    }
  }, [open, initial]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fen = parseYuan(value);
    const problem = fen === null ? t('offers.amountInvalid') : check(fen);
    setError(problem);
    setFormError(null);
    if (problem || fen === null) return;
    setBusy(true);
    try {
      await onSubmit(fen);
      onClose();
    } catch (err) {
      setFormError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Sheet open={open} title={title} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        {intro && <div className="sheet-text">{intro}</div>}
        <TextField
          label={label}
          inputMode="decimal"
          placeholder="0.00"
          value={value}
          autoFocus
          onChange={(e) => setValue(e.target.value)}
          error={error ?? undefined}
          hint={hint}
        />
        <FormAlert message={formError} />
        {extra}
        <Button type="submit" block busy={busy}>
          {submitLabel}
        </Button>
      </form>
    </Sheet>
  );
}
