// 规则设置 (admins): every number of the product rules, its default and bounds; changed values
// are sent with one reason, cleared ones go back to the default.
import { useEffect, useState } from 'react';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorState, Loading } from '../../../ui/status.tsx';
import { type Setting, useSaveSettings, useSettings } from '../api.ts';
import { type AdminKey, useAdminT } from '../i18n.ts';
import { ReasonForm, useDescribe } from './shared.tsx';

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
      <div className="card admin-settings-grid">
        {q.data.items.map((s) => (
          <label key={s.key} className={invalid(s) ? 'admin-setting admin-setting-invalid' : 'admin-setting'} data-testid={`setting-${s.key}`}>
            <span className="admin-setting-name">{at(`settings.keys.${s.key}` as AdminKey)}</span>
            <input
              className="input"
              inputMode="numeric"
              value={draft[s.key] ?? ''}
              placeholder={String(s.defaultValue)}
              onChange={(e) => {
                setSaved(false);
                setDraft({ ...draft, [s.key]: e.target.value.trim() });
              }}
            />
            <span className="muted small">
              {at('settings.default', { value: s.defaultValue })} · {at('settings.range', { min: s.min, max: s.max })} · {s.env}
            </span>
          </label>
        ))}
      </div>
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
