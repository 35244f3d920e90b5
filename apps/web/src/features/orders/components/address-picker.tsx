// Where to ship: pick a saved address or add one (saved to the address book for next time).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/field.tsx';
import { PlusIcon } from '../../../ui/icons.tsx';
import { describeTradeError } from '../../items/errors.ts';
import { type SavedAddress, useAddAddress, useAddresses } from '../api.ts';

type Props = { selected: string | null; onSelect: (a: SavedAddress) => void; error?: string | undefined };

export function AddressPicker({ selected, onSelect, error }: Props) {
  const { t } = useTranslation();
  const list = useAddresses();
  const [adding, setAdding] = useState(false);
  const items = list.data?.items ?? [];
  const showForm = adding || (list.isSuccess && items.length === 0);
  return (
    <section className={`card${error ? ' card-invalid' : ''}`} aria-labelledby="address-title" data-testid="address">
      <h2 className="card-title" id="address-title">
        {t('checkout.address')}
      </h2>
      {items.length > 0 && (
        <fieldset className="address-list" aria-labelledby="address-title">
          {items.map((a) => (
            <label key={a.id} className={selected === a.id ? 'address-card address-on' : 'address-card'}>
              <input
                type="radio"
                name="address"
                className="address-radio"
                checked={selected === a.id}
                onChange={() => onSelect(a)}
              />
              <span className="address-who">
                {a.name} <span className="muted">{a.phone}</span>
              </span>
              <span className="address-line">{a.line}</span>
            </label>
          ))}
        </fieldset>
      )}
      {showForm ? (
        <NewAddress
          onSaved={(a) => {
            setAdding(false);
            onSelect(a);
          }}
          onCancel={items.length > 0 ? () => setAdding(false) : undefined}
        />
      ) : (
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setAdding(true)}>
          <PlusIcon size={16} />
          {t('checkout.addAddress')}
        </button>
      )}
      {error && <p className="field-error">{error}</p>}
    </section>
  );
}

function NewAddress({
  onSaved,
  onCancel,
}: {
  onSaved: (a: SavedAddress) => void;
  onCancel?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const add = useAddAddress();
  const [v, setV] = useState({ name: '', phone: '', line: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));

  const save = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!v.name.trim()) errs.name = t('checkout.errors.name');
    if (!/^[0-9+\- ]{5,20}$/.test(v.phone.trim())) errs.phone = t('checkout.errors.phone');
    if (!v.line.trim()) errs.line = t('checkout.errors.line');
    setErrors(errs);
    setFormError(null);
    if (Object.keys(errs).length > 0) return;
    add.mutate(
      { name: v.name.trim(), phone: v.phone.trim(), line: v.line.trim() },
      {
        onSuccess: onSaved,
        onError: (err) => setFormError(describeTradeError(t, err)),
      },
    );
  };
  // A nested <form> is not allowed inside the checkout form; this is its own form element.
  return (
    <form className="form address-form" onSubmit={save} noValidate>
      <TextField
        label={t('checkout.name')}
        autoComplete="name"
        maxLength={30}
        value={v.name}
        onChange={set('name')}
        error={errors.name}
      />
      <TextField
        label={t('checkout.phone')}
        autoComplete="tel"
        inputMode="tel"
        maxLength={20}
        value={v.phone}
        onChange={set('phone')}
        error={errors.phone}
      />
      <TextField
        label={t('checkout.line')}
        autoComplete="street-address"
        maxLength={200}
        placeholder={t('checkout.linePlaceholder')}
        value={v.line}
        onChange={set('line')}
        error={errors.line}
      />
      <FormAlert message={formError} />
      <div className="row-actions">
        {onCancel && (
          <Button variant="ghost" className="btn-small" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
        <Button type="submit" variant="secondary" className="btn-small" busy={add.isPending}>
          {t('checkout.saveAddress')}
        </Button>
      </div>
    </form>
  );
}
