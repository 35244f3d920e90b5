// 地点 on the sell form and the note form: the member types a city or an area (no permission
// needed), and may add their position from the browser so people nearby see how far it is.
// Either one is enough; the point is coarse (≈100 m), as the server stores it.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PinIcon } from '../../../ui/icons.tsx';
import { PLACE_LABEL_MAX, type Place, coarse } from '../place.ts';

type Props = {
  value: Place;
  onChange: (place: Place) => void;
  /** What the place is good for here (an item's buyers, a note's readers). */
  hint: string;
  error?: string | undefined;
};

export function PlaceField({ value, onChange, hint, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [state, setState] = useState<'idle' | 'locating' | 'denied'>('idle');
  const supported = typeof navigator !== 'undefined' && 'geolocation' in navigator;
  // The position arrives later; by then the member may have typed a name. Keep what they typed.
  const latest = useRef(value);
  latest.current = value;

  const locate = () => {
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setState('idle');
        onChange({
          ...latest.current,
          coords: { lat: coarse(pos.coords.latitude), lng: coarse(pos.coords.longitude) },
        });
      },
      () => setState('denied'),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 600_000 },
    );
  };

  const note = state === 'denied' ? t('place.denied') : supported ? hint : t('place.unsupported');
  return (
    <div className={`field place-field${error ? ' field-invalid' : ''}`}>
      <div className="field-top">
        <label className="field-label" htmlFor={id}>
          {t('place.label')}
          <span className="field-optional">{t('common.optional')}</span>
        </label>
      </div>
      <input
        id={id}
        className="input"
        value={value.label}
        maxLength={PLACE_LABEL_MAX + 1}
        placeholder={t('place.placeholder')}
        autoComplete="address-level2"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-note`}
        onChange={(e) => onChange({ ...value, label: e.target.value })}
      />
      {value.coords ? (
        <p className="place-point" data-testid="place-point">
          <PinIcon size={15} />
          <span>{t('place.located')}</span>
          <button type="button" className="link-btn" onClick={() => onChange({ ...value, coords: null })}>
            {t('place.removeLocation')}
          </button>
        </p>
      ) : (
        supported && (
          <button
            type="button"
            className="btn btn-secondary btn-small place-locate"
            onClick={locate}
            disabled={state === 'locating'}
          >
            <PinIcon size={16} />
            {state === 'locating' ? t('place.locating') : t('place.useLocation')}
          </button>
        )
      )}
      <p className={error ? 'field-error' : 'field-hint'} id={`${id}-note`}>
        {error ?? note}
      </p>
    </div>
  );
}
