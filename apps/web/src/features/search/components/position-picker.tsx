// Choosing where "near" is: the browser's position (asked on a tap) or a district. A compact
// bar once chosen, a prompt before.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/index.ts';
import { PinIcon } from '../../../ui/icons.tsx';
import { DISTRICTS, type PositionState } from '../position.ts';

function DistrictSelect({ state, label }: { state: PositionState; label: string }) {
  const lang = currentLanguage();
  const value = state.position?.source === 'district' ? state.position.district : '';
  return (
    <select
      className="district-select"
      aria-label={label}
      value={value}
      onChange={(e) => state.chooseDistrict(e.target.value)}
      data-testid="district-select"
    >
      <option value="" disabled>
        {label}
      </option>
      {DISTRICTS.map((d) => (
        <option key={d.key} value={d.key}>
          {lang === 'en' ? d.en : d.zh}
        </option>
      ))}
    </select>
  );
}

export function PositionPrompt({ state }: { state: PositionState }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="position-prompt" aria-labelledby={id} data-testid="position-prompt">
      <PinIcon size={28} />
      <h2 id={id}>{t('nearby.ask')}</h2>
      <p className="muted small">{t('nearby.askHint')}</p>
      <button type="button" className="btn btn-primary btn-small" onClick={state.locate} disabled={state.status === 'locating'} data-testid="use-location">
        {state.status === 'locating' ? t('nearby.locating') : t('nearby.useLocation')}
      </button>
      {state.status === 'denied' && (
        <p className="field-error" role="alert">
          {t('nearby.denied')}
        </p>
      )}
      <p className="muted small">{t('nearby.orDistrict')}</p>
      <DistrictSelect state={state} label={t('nearby.chooseDistrict')} />
    </section>
  );
}

export function PositionBar({ state }: { state: PositionState }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const p = state.position;
  const name =
    p?.source === 'district'
      ? (DISTRICTS.find((d) => d.key === p.district)?.[lang === 'en' ? 'en' : 'zh'] ?? '')
      : p
        ? t('nearby.here')
        : '';
  return (
    <div className="position-bar" data-testid="position-bar">
      <PinIcon size={14} />
      <span className="position-name">{name}</span>
      {p?.source !== 'device' && (
        <button type="button" className="btn-link small" onClick={state.locate} disabled={state.status === 'locating'}>
          {state.status === 'locating' ? t('nearby.locating') : t('nearby.useLocation')}
        </button>
      )}
      <DistrictSelect state={state} label={t('nearby.district')} />
      {state.status === 'denied' && <span className="field-error small">{t('nearby.denied')}</span>}
    </div>
  );
}
