// The stall's keeper (电子地摊帖): the host's rules in words above the comments, a closed stall
// said plainly, and for the host the rules sheet and 收摊 / 重新开摊.
import { CATEGORIES, type CategoryKey, parseYuan } from '@jishi/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/index.ts';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/field.tsx';
import { Sheet } from '../../../ui/sheet.tsx';
import { describeCommunityError } from '../errors.ts';
import { useSetStallRules, useStallOpen } from '../stall-api.ts';
import type { Note, StallRules } from '../types.ts';

const RADII = [1, 3, 5, 10] as const;

function RulesForm({ note, onDone }: { note: Note; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const save = useSetStallRules(note.id);
  const r = note.stall?.rules;
  const place = note.location?.lat != null && note.location.lng != null ? note.location : null;
  const [pickupOnly, setPickupOnly] = useState(r?.pickupOnly ?? false);
  const [radius, setRadius] = useState<number | null>(r?.area?.radiusKm ?? null);
  const [cats, setCats] = useState<CategoryKey[]>(r?.categories ?? []);
  const [cap, setCap] = useState(r?.maxPrice != null ? String(r.maxPrice / 100) : '');
  const [capError, setCapError] = useState<string | undefined>();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const maxPrice = cap.trim() ? parseYuan(cap) : null;
    if (cap.trim() && maxPrice === null) return setCapError(t('stallHost.form.capInvalid'));
    setCapError(undefined);
    const rules: StallRules = {
      pickupOnly,
      area: place && radius ? { label: place.label || t('stallHost.form.here'), lat: place.lat as number, lng: place.lng as number, radiusKm: radius } : null,
      categories: cats.length ? cats : null,
      maxPrice,
    };
    save.mutate(rules, { onSuccess: onDone });
  };
  return (
    <form className="form stall-rules-form" onSubmit={onSubmit} noValidate data-testid="stall-rules-form">
      <label className="filter-toggle">
        <input type="checkbox" checked={pickupOnly} onChange={(e) => setPickupOnly(e.target.checked)} />
        {t('stallHost.form.pickupOnly')}
      </label>
      <fieldset className="filter-group" disabled={!place}>
        <legend className="filter-legend">{t('stallHost.form.area')}</legend>
        {!place && <p className="muted small">{t('stallHost.form.areaNeedsPlace')}</p>}
        <div className="filter-chips">
          {[null, ...RADII].map((km) => (
            <button key={km ?? 0} type="button" className={radius === km ? 'filter-chip filter-chip-on' : 'filter-chip'} aria-pressed={radius === km} onClick={() => setRadius(km)}>
              {km === null ? t('stallHost.form.anywhere') : t('stallHost.form.within', { km, place: place?.label || t('stallHost.form.here') })}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset className="filter-group">
        <legend className="filter-legend">{t('stallHost.form.categories')}</legend>
        <div className="filter-chips">
          {CATEGORIES.map((c) => {
            const on = cats.includes(c.key);
            return (
              <button key={c.key} type="button" className={on ? 'filter-chip filter-chip-on' : 'filter-chip'} aria-pressed={on} onClick={() => setCats((x) => (on ? x.filter((k) => k !== c.key) : [...x, c.key]))}>
                {c.labels[lang]}
              </button>
            );
          })}
        </div>
      </fieldset>
      <TextField label={t('stallHost.form.cap')} optional inputMode="decimal" value={cap} placeholder={t('stallHost.form.capPlaceholder')} error={capError} onChange={(e) => setCap(e.target.value)} />
      <FormAlert message={save.isError ? describeCommunityError(t, save.error) : null} />
      <Button type="submit" block busy={save.isPending}>
        {t('stallHost.form.save')}
      </Button>
    </form>
  );
}

/** Above the comments of a stall: the rules, the closing, and the host's controls. */
export function StallKeeper({ note, isHost }: { note: Note; isHost: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [editing, setEditing] = useState(false);
  const openClose = useStallOpen(note.id);
  const stall = note.stall;
  if (note.kind !== 'stall' || !stall) return null;
  const closed = stall.closedAt !== null;
  if (!isHost && !closed && stall.ruleTexts.length === 0) return null;
  return (
    <section className="card stall-keeper" aria-labelledby="stall-rules-title" data-testid="stall-rules">
      <h2 className="card-title" id="stall-rules-title">
        {t('stallHost.title')}
      </h2>
      {closed && (
        <p className="stall-closed" role="status" data-testid="stall-closed">
          {t('stallHost.closed')}
        </p>
      )}
      {stall.ruleTexts.length > 0 ? (
        <ul className="stall-rule-list">
          {stall.ruleTexts.map((r) => (
            <li key={r.rule}>{r[lang]}</li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('stallHost.noRules')}</p>
      )}
      {isHost && (
        <div className="stall-host-actions">
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setEditing(true)}>
            {t('stallHost.editRules')}
          </button>
          <button type="button" className="btn btn-secondary btn-small" disabled={openClose.isPending} onClick={() => openClose.mutate(closed)}>
            {closed ? t('stallHost.reopen') : t('stallHost.close')}
          </button>
        </div>
      )}
      {openClose.isError && <p className="field-error">{describeCommunityError(t, openClose.error)}</p>}
      {isHost && (
        <Sheet open={editing} title={t('stallHost.editRules')} onClose={() => setEditing(false)}>
          {editing && <RulesForm note={note} onDone={() => setEditing(false)} />}
        </Sheet>
      )}
    </section>
  );
}

/** The rule an item broke, in the reader's language, from the note's own rule texts. */
export function brokenRuleText(note: Note | undefined, rule: string | null): string | null {
  const hit = note?.stall?.ruleTexts.find((r) => r.rule === rule);
  return hit ? hit[currentLanguage()] : null;
}
