// Tag chips: a read-only list, and an editor where Enter (or the add button) turns the typed
// text into a chip and × removes one.
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldId } from './form.tsx';
import { CloseIcon, PlusIcon } from './icons.tsx';

export function ChipList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="chips">
      {tags.map((tag) => (
        <li key={tag} className="chip">
          #{tag}
        </li>
      ))}
    </ul>
  );
}

type ChipsInputProps = {
  label: string;
  /** Inside a <Form>: the field's name, so the error summary can link to it. */
  name?: string;
  value: string[];
  onChange: (tags: string[]) => void;
  max: number;
  maxLength: number;
  placeholder?: string;
  hint?: string;
  fullHint?: string;
  error?: string | undefined;
};

export function ChipsInput({
  label,
  name,
  value,
  onChange,
  max,
  maxLength,
  placeholder,
  hint,
  fullHint,
  error,
}: ChipsInputProps) {
  const { t } = useTranslation();
  const id = useFieldId(name, label);
  const [draft, setDraft] = useState('');
  const full = value.length >= max;

  const add = () => {
    const tag = draft.trim().replace(/^#+/, '').slice(0, maxLength);
    if (!tag || full) return;
    if (!value.includes(tag)) onChange([...value, tag]);
    setDraft('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter also confirms an IME composition; only add once the composition is done.
    if ((e.key === 'Enter' || e.key === ',') && !e.nativeEvent.isComposing) {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  const note = error ?? (full ? fullHint : hint);
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <div className="field-top">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        <span className="field-counter">{t('profileEdit.counter', { count: value.length, max })}</span>
      </div>
      <div className="chips-input">
        <ul className="chips">
          {value.map((tag) => (
            <li key={tag} className="chip chip-editable">
              <span>#{tag}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('common.remove', { name: tag })}
                onClick={() => onChange(value.filter((v) => v !== tag))}
              >
                <CloseIcon size={14} />
              </button>
            </li>
          ))}
        </ul>
        <div className="chips-entry">
          <input
            id={id}
            className="input"
            value={draft}
            maxLength={maxLength + 1}
            disabled={full}
            placeholder={full ? '' : placeholder}
            aria-invalid={error ? true : undefined}
            aria-describedby={note ? `${id}-note` : undefined}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <button type="button" className="btn btn-secondary btn-small" onClick={add} disabled={full || !draft.trim()}>
            <PlusIcon size={16} />
            {t('common.add')}
          </button>
        </div>
      </div>
      {note && (
        <p className={error ? 'field-error' : 'field-hint'} id={`${id}-note`}>
          {note}
        </p>
      )}
    </div>
  );
}
