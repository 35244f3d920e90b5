// 规则设置 (admins): every number of the product rules by group, with its unit, default and bounds
// and whether it applies now or to what starts after the change (a deadline already written on
// an order or case keeps its value); changed values are sent with one reason, cleared ones go
// back to the default.
import { useEffect, useState } from 'react';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorState, Loading } from '../../../ui/status.tsx';
import { type Setting, useSaveSettings, useSettings } from '../api.ts';
import { type AdminKey, useAdminT } from '../i18n.ts';
import { ReasonForm, useDescribe } from './shared.tsx';

const GROUPS = ['quickSell', 'orders', 'deposit', 'afterSale', 'trust', 'wallet', 'accounts'];

/** The settings by group, in the console's order (a group the server adds later goes last). */
function groupsOf(items: Setting[]): [string, Setting[]][] {
  const by = new Map<string, Setting[]>();
  for (const s of items) by.set(s.group, [...(by.get(s.group) ?? []), s]);
  return [...by.entries()].sort(([a], [b]) => (GROUPS.indexOf(a) + 99) % 99 - (GROUPS.indexOf(b) + 99) % 99);
}

export function SettingsPage({ isAdmin }: { isAdmin: boolean }) {
  const at = useAdminT();
  const describe = useDescribe();
  const q = useSettings(isAdmin);
  const save = useSaveSettings();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (q.data) setDraft(Object.fromEntries(q.data.items.map((s) => [s.key, s.overridden ? String(s.value) : ''])));
  }, [q.data]);
  if (!isAdmin) return <p className="card admin-note">{at('settings.adminOnly')}</p>;
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState message={describe(q.error)} onRetry={() => void q.refetch()} />;

  const changed = (s: Setting) => draft[s.key] !== (s.overridden ? String(s.value) : '');
  const changes = Object.fromEntries(q.data.items.filter(changed).map((s) => [s.key, draft[s.key] === '' ? null : Number(draft[s.key])]));
  const invalid = (s: Setting) => {
    const v = draft[s.key] ?? '';
    if (v === '') return false;
    const n = Number(v);
    return !Number.isInteger(n) || n < s.min || n > s.max;
  };
  return (
    <section aria-label={at('nav.settings')} className="admin-settings">
      <p className="muted small">{at('settings.intro')}</p>
      {groupsOf(q.data.items).map(([group, items]) => (
        <fieldset key={group} className="card admin-settings-grid" data-testid={`settings-group-${group}`}>
          <legend className="admin-setting-group">{at(`settings.groups.${group}` as AdminKey)}</legend>
          {items.map((s) => {
            const unit = at(`settings.units.${s.unit}` as AdminKey);
            return (
              <label key={s.key} className={invalid(s) ? 'admin-setting admin-setting-invalid' : 'admin-setting'} data-testid={`setting-${s.key}`}>
                <span className="admin-setting-name">
                  {at(`settings.keys.${s.key}` as AdminKey)} <span className="muted small">({unit})</span>
                </span>
                <input
                  className="input"
                  inputMode="numeric"
                  aria-label={`${at(`settings.keys.${s.key}` as AdminKey)} (${unit})`}
                  value={draft[s.key] ?? ''}
                  placeholder={String(s.defaultValue)}
                  onChange={(e) => {
                    setSaved(false);
                    setDraft({ ...draft, [s.key]: e.target.value.trim() });
                  }}
                />
                <span className="muted small">
                  {at('settings.default', { value: s.defaultValue })} · {at('settings.range', { min: s.min, max: s.max })} {unit} · {s.env}
                </span>
                <span className="muted small admin-setting-help">{at(s.effect === 'new' ? 'settings.effectNew' : 'settings.effectNow')}</span>
              </label>
            );
          })}
        </fieldset>
      ))}
      {saved && <p className="admin-ok" role="status">{at('settings.saved')}</p>}
      {Object.keys(changes).length === 0 ? (
        <p className="muted small">{at('settings.nothing')}</p>
      ) : q.data.items.some(invalid) ? (
        <FormAlert message={at('errors.invalid_state')} />
      ) : (
        <ReasonForm confirm={at('settings.save')} busy={save.isPending} error={save.error} onSubmit={(reason) => save.mutate({ ...changes, reason }, { onSuccess: () => setSaved(true) })} />
      )}
      {Object.keys(changes).length > 0 && (
        <Button variant="ghost" onClick={() => setDraft(Object.fromEntries(q.data.items.map((s) => [s.key, s.overridden ? String(s.value) : ''])))}>
          {at('settings.reset')}
        </Button>
      )}
    </section>
  );
}
