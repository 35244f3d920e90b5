// One choice among a few, as large tappable radio buttons (the reason of a case, a juror's verdict).
import { useId } from 'react';

export function Choices<T extends string>({
  label,
  options,
  value,
  onChange,
  error,
  name,
}: {
  label: string;
  options: { value: T; label: string }[];
  value: T | null;
  onChange: (v: T) => void;
  error?: string | undefined;
  name: string;
}) {
  const id = useId();
  return (
    <fieldset className={`field choices${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field-label">{label}</legend>
      <div className="choice-grid">
        {options.map((o) => (
          <label key={o.value} className={value === o.value ? 'choice choice-on' : 'choice'}>
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
