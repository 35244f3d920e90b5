// One way to build a form. `useForm` keeps the values and the errors (a required check before
// the server is asked, the server's field errors after — ApiError.fieldError via formErrors);
// `<Form>` (or `<FieldGroup>` inside a bigger form) gives its fields stable ids and puts an
// error summary at the top, one link per field in error, so a long form's problems can be found
// and reached from one place. The fields themselves (TextField, TextAreaField, ChipsInput) tie
// their error to the control with aria-invalid and aria-describedby.
import {
  type ChangeEvent,
  createContext,
  type FormEvent,
  type FormHTMLAttributes,
  type ReactNode,
  useContext,
  useId,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { type FormErrors, formErrors, hasErrors, noErrors, requiredErrors } from '../lib/errors.ts';

export type { FormErrors } from '../lib/errors.ts';

type Scope = { prefix: string; labels: Map<string, string> };

const ScopeContext = createContext<Scope | null>(null);

/**
 * The id and label registration of a named field inside a Form: the summary links to the id and
 * names the field by its label. Outside a Form (or without a name) the id is React's own.
 */
export function useFieldId(name: string | undefined, label: string): string {
  const scope = useContext(ScopeContext);
  const own = useId();
  if (!scope || !name) return own;
  // Written during render on purpose: the summary only shows after a submit, by which time every
  // field has rendered once; the map holds display text only, so a repeated render is harmless.
  scope.labels.set(name, label);
  return `${scope.prefix}-${name}`;
}

/** Fields and an error summary, without a <form> element (for a part of a bigger form). */
export function FieldGroup({ errors, children }: { errors: FormErrors; children: ReactNode }) {
  const prefix = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const labels = useRef(new Map<string, string>()).current;
  return (
    <ScopeContext.Provider value={{ prefix: `f${prefix}`, labels }}>
      <ErrorSummary fields={errors.fields} />
      {children}
    </ScopeContext.Provider>
  );
}

type FormProps = Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & {
  errors: FormErrors;
  onSubmit: () => void;
  children: ReactNode;
};

/** A <form> (browser validation off: our messages are the ones shown) with its error summary. */
export function Form({ errors, onSubmit, children, className = 'form', ...rest }: FormProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className={className} onSubmit={submit} noValidate {...rest}>
      <FieldGroup errors={errors}>{children}</FieldGroup>
    </form>
  );
}

function ErrorSummary({ fields }: { fields: Record<string, string> }) {
  const { t } = useTranslation();
  const scope = useContext(ScopeContext);
  const names = Object.keys(fields);
  if (!scope || names.length === 0) return null;
  const focus = (id: string) => (e: { preventDefault: () => void }) => {
    // The link's target is an input; focusing it scrolls it into view and reads its error.
    e.preventDefault();
    document.getElementById(id)?.focus();
  };
  return (
    <div className="error-summary" role="alert" data-testid="error-summary">
      <p className="error-summary-title">{t('common.errorSummary', { count: names.length })}</p>
      <ul className="error-summary-list">
        {names.map((name) => {
          const id = `${scope.prefix}-${name}`;
          const label = scope.labels.get(name);
          const message = fields[name] ?? '';
          return (
            <li key={name}>
              <a href={`#${id}`} onClick={focus(id)}>
                {label ? t('common.fieldError', { label, message }) : message}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

type TextChange = ChangeEvent<HTMLInputElement | HTMLTextAreaElement>;

/**
 * Values and errors of a form of text fields. `bind(name)` gives a field its value, onChange and
 * error; `required([...])` checks before the server is asked; `fail(err)` puts the server's answer
 * next to the fields (the form's own names plus `extraFields`, e.g. a chips field), or above.
 */
export function useForm<V extends Record<string, string>>(initial: V, extraFields: readonly string[] = []) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const names = [...Object.keys(initial), ...extraFields];
  return {
    values,
    errors,
    setErrors,
    bind: (name: keyof V & string) => ({
      name,
      value: values[name],
      onChange: (e: TextChange) => setValues((v) => ({ ...v, [name]: e.target.value })),
      error: errors.fields[name],
    }),
    /** True when every named field has something in it; otherwise the errors say which do not. */
    required: (required: readonly (keyof V & string)[]) => {
      const missing = requiredErrors(t, values, required);
      setErrors(missing);
      return !hasErrors(missing);
    },
    fail: (err: unknown) => setErrors(formErrors(t, err, names)),
  };
}
