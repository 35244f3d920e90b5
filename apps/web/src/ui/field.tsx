// Labelled inputs whose hint and error are tied to the control (aria-describedby), so the
// error for a field is both shown next to it and read out with it. Inside a <Form> a named
// field gets a stable id the form's error summary links to.
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldId } from './form.tsx';

type Common = { label: string; error?: string | undefined; hint?: ReactNode; optional?: boolean };

function FieldShell({
  id,
  label,
  error,
  hint,
  optional,
  counter,
  children,
}: Common & { id: string; counter?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <div className="field-top">
        <label className="field-label" htmlFor={id}>
          {label}
          {optional && <span className="field-optional">{t('common.optional')}</span>}
        </label>
        {counter && <span className="field-counter">{counter}</span>}
      </div>
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : (
        hint && (
          <p className="field-hint" id={`${id}-hint`}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}

const describedBy = (id: string, error?: string, hint?: ReactNode) =>
  error ? `${id}-error` : hint ? `${id}-hint` : undefined;

export function TextField({
  label,
  error,
  hint,
  optional,
  maxChars,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement> & { maxChars?: number }) {
  const id = useFieldId(input.name, label);
  const { t } = useTranslation();
  // A counter like the text area's, for inputs with a character limit (a note's title).
  const counter =
    maxChars !== undefined
      ? t('profileEdit.counter', { count: [...String(input.value ?? '')].length, max: maxChars })
      : undefined;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} optional={optional} counter={counter}>
      <input
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...input}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  optional,
  maxChars,
  value,
  ...input
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement> & { maxChars?: number; value: string }) {
  const id = useFieldId(input.name, label);
  const { t } = useTranslation();
  const counter = maxChars ? t('profileEdit.counter', { count: [...value].length, max: maxChars }) : undefined;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} optional={optional} counter={counter}>
      <textarea
        id={id}
        className="input textarea"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...input}
      />
    </FieldShell>
  );
}
