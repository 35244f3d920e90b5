// A labelled group of pills: one choice (native radios) or several (native checkboxes).
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

type Option = { key: string; label: string };

type Props = {
  label: string;
  options: readonly Option[];
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
  children?: ReactNode;
} & (
  | { multiple: true; value: string[]; onChange: (v: string[]) => void }
  | { multiple?: false; value: string; onChange: (v: string) => void }
);

export function ChoiceField(props: Props) {
  const { t } = useTranslation();
  const id = useId();
  const selected = (key: string) => (props.multiple ? props.value.includes(key) : props.value === key);
  const toggle = (key: string) => {
    if (props.multiple) {
      props.onChange(props.value.includes(key) ? props.value.filter((k) => k !== key) : [...props.value, key]);
    } else {
      props.onChange(key);
    }
  };
  return (
    <fieldset className={`field choice-field${props.error ? ' field-invalid' : ''}`}>
      <legend className="field-label">
        {props.label}
        {props.optional && <span className="field-optional">{t('common.optional')}</span>}
      </legend>
      <div className="choice-chips">
        {props.options.map((o) => {
          const on = selected(o.key);
          return (
            <label key={o.key} className={on ? 'choice choice-on' : 'choice'}>
              <input
                type={props.multiple ? 'checkbox' : 'radio'}
                name={id}
                className="choice-input"
                checked={on}
                aria-describedby={props.error || props.hint ? `${id}-note` : undefined}
                onChange={() => toggle(o.key)}
                // An optional single choice can be cleared by tapping it again (no change event).
                onClick={() => !props.multiple && on && props.optional && props.onChange('')}
              />
              {o.label}
            </label>
          );
        })}
      </div>
      {props.children}
      {props.error ? (
        <p className="field-error" id={`${id}-note`}>
          {props.error}
        </p>
      ) : (
        props.hint && (
          <p className="field-hint" id={`${id}-note`}>
            {props.hint}
          </p>
        )
      )}
    </fieldset>
  );
}
