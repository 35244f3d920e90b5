// Page-level tabs (我买到的 / 我卖出的) and a row of filter chips (待付款, 待发货, …).
type Option<K extends string> = { key: K; label: string };

export function Tabs<K extends string>({
  options,
  value,
  onChange,
  label,
}: {
  options: readonly Option<K>[];
  value: K;
  onChange: (k: K) => void;
  label: string;
}) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.key}
          type="button"
          role="tab"
          aria-selected={o.key === value}
          className={o.key === value ? 'tabs-tab tabs-on' : 'tabs-tab'}
          onClick={() => onChange(o.key)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

export function FilterChips<K extends string>({
  options,
  value,
  onChange,
  label,
}: {
  options: readonly Option<K>[];
  value: K;
  onChange: (k: K) => void;
  label: string;
}) {
  return (
    <fieldset className="filter-chips" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.key}
          type="button"
          aria-pressed={o.key === value}
          className={o.key === value ? 'filter-chip filter-on' : 'filter-chip'}
          onClick={() => onChange(o.key)}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  );
}
