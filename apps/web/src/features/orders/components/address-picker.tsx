// Where to ship: a saved address (the last used one preselected, or the newest) or a new one
// typed in place. 提交订单 ships to what is chosen or filled in — the new address is checked
// there and, with 保存到地址簿 ticked, saved to the address book first. No separate save step.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui/field.tsx';
import { FieldGroup } from '../../../ui/form.tsx';
import { PlusIcon } from '../../../ui/icons.tsx';
import { Loading } from '../../../ui/status.tsx';
import { describeTradeError } from '../../../lib/errors.ts';
import { type Address, type SavedAddress, useAddAddress, useAddresses } from '../api.ts';

const NEW = 'new';
const EMPTY: Address = { name: '', phone: '', line: '' };
/** The new address's field errors by field name (only fields in error are present). */
type FieldErrors = Record<string, string>;

/** The address an order last shipped to; without one, the newest saved. */
export function defaultAddressId(items: SavedAddress[]): string | null {
  const used = items.filter((a) => a.lastUsedAt).sort((a, b) => (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? ''));
  return used[0]?.id ?? items[0]?.id ?? null;
}

/** The checkout's side: what the picker shows, and `resolve()` at submit. */
export function useShipTo() {
  const { t } = useTranslation();
  const list = useAddresses();
  const add = useAddAddress();
  const items = list.data?.items ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const [draft, setDraft] = useState<Address>(EMPTY);
  const [save, setSave] = useState(true);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | undefined>();
  const fallback = list.isPending ? null : items.length > 0 ? defaultAddressId(items) : NEW;
  const selected = picked === NEW || items.some((a) => a.id === picked) ? picked : fallback;

  /** The address to ship to, or null with the reason shown (a field, or the book's refusal). */
  async function resolve(): Promise<Address | null> {
    setError(undefined);
    if (selected !== NEW) {
      const saved = items.find((a) => a.id === selected);
      if (!saved) setError(t('checkout.errors.address'));
      return saved ? { name: saved.name, phone: saved.phone, line: saved.line } : null;
    }
    const v = { name: draft.name.trim(), phone: draft.phone.trim(), line: draft.line.trim() };
    const errs: FieldErrors = {};
    if (!v.name) errs.name = t('checkout.errors.name');
    if (!/^[0-9+\- ]{5,20}$/.test(v.phone)) errs.phone = t('checkout.errors.phone');
    if (!v.line) errs.line = t('checkout.errors.line');
    setFieldErrors(errs);
    if (Object.keys(errs).length > 0) return null;
    if (save) {
      try {
        const row = await add.mutateAsync(v);
        setPicked(row.id);
        setDraft(EMPTY);
      } catch (err) {
        setError(describeTradeError(t, err));
        return null;
      }
    }
    return v;
  }

  const picker: PickerProps = {
    items,
    loading: list.isPending,
    selected,
    onSelect: (id) => {
      setPicked(id);
      setError(undefined);
    },
    draft,
    onDraft: (d) => setDraft(d),
    save,
    onSave: setSave,
    fieldErrors,
    error,
  };
  return { picker, resolve, saving: add.isPending };
}

type PickerProps = {
  items: SavedAddress[];
  loading: boolean;
  selected: string | null;
  onSelect: (id: string) => void;
  draft: Address;
  onDraft: (d: Address) => void;
  save: boolean;
  onSave: (v: boolean) => void;
  fieldErrors: FieldErrors;
  error?: string | undefined;
};

export function AddressPicker(p: PickerProps) {
  const { t } = useTranslation();
  const set = (k: keyof Address) => (e: { target: { value: string } }) =>
    p.onDraft({ ...p.draft, [k]: e.target.value });
  const adding = p.selected === NEW;
  return (
    <section className={`card${p.error ? ' card-invalid' : ''}`} aria-labelledby="address-title" data-testid="address">
      <h2 className="card-title" id="address-title">
        {t('checkout.address')}
      </h2>
      {p.loading && <Loading />}
      {p.items.length > 0 && (
        <fieldset className="address-list" aria-labelledby="address-title">
          {p.items.map((a) => (
            <label key={a.id} className={p.selected === a.id ? 'address-card address-on' : 'address-card'}>
              <input
                type="radio"
                name="address"
                className="address-radio"
                checked={p.selected === a.id}
                onChange={() => p.onSelect(a.id)}
              />
              <span className="address-who">
                {a.name} <span className="muted">{a.phone}</span>
              </span>
              <span className="address-line">{a.line}</span>
            </label>
          ))}
        </fieldset>
      )}
      {adding ? (
        <div className="form address-form" data-testid="new-address">
          <FieldGroup errors={{ form: null, fields: p.fieldErrors }}>
            <TextField
              name="name"
              label={t('checkout.name')}
              autoComplete="name"
              maxLength={30}
              value={p.draft.name}
              onChange={set('name')}
              error={p.fieldErrors.name}
            />
            <TextField
              name="phone"
              label={t('checkout.phone')}
              autoComplete="tel"
              inputMode="tel"
              maxLength={20}
              value={p.draft.phone}
              onChange={set('phone')}
              error={p.fieldErrors.phone}
            />
            <TextField
              name="line"
              label={t('checkout.line')}
              autoComplete="street-address"
              maxLength={200}
              placeholder={t('checkout.linePlaceholder')}
              value={p.draft.line}
              onChange={set('line')}
              error={p.fieldErrors.line}
            />
          </FieldGroup>
          <label className="reserve-toggle address-save">
            <input type="checkbox" checked={p.save} onChange={(e) => p.onSave(e.target.checked)} />
            <span>{t('checkout.saveToBook')}</span>
          </label>
          {p.items.length > 0 && (
            <button type="button" className="link-btn" onClick={() => p.onSelect(defaultAddressId(p.items) ?? NEW)}>
              {t('checkout.useSaved')}
            </button>
          )}
        </div>
      ) : (
        !p.loading && (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => p.onSelect(NEW)}>
            <PlusIcon size={16} />
            {t('checkout.addAddress')}
          </button>
        )
      )}
      {p.error && (
        <p className="field-error" role="alert">
          {p.error}
        </p>
      )}
    </section>
  );
}
