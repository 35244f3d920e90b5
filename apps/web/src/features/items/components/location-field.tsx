// Optional location: "use my location" (coarse, ≈100 m, as the server stores it) plus a label
// such as 上海·徐汇. Without geolocation the item simply has no location.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui/field.tsx';
import { PinIcon } from '../../../ui/icons.tsx';

type Coords = { lat: number; lng: number } | null;

const coarse = (v: number) => Math.round(v * 1000) / 1000;

export function LocationField({
  coords,
  label,
  onCoords,
  onLabel,
  error,
}: {
  coords: Coords;
  label: string;
  onCoords: (c: Coords) => void;
  onLabel: (l: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'locating' | 'denied'>('idle');
  const supported = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  const locate = () => {
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setState('idle');
        onCoords({ lat: coarse(pos.coords.latitude), lng: coarse(pos.coords.longitude) });
      },
      () => setState('denied'),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 600_000 },
    );
  };

  return (
    <div className="field location-field">
      <div className="field-top">
        <span className="field-label">
          {t('sell.location')}
          <span className="field-optional">{t('common.optional')}</span>
        </span>
      </div>
      {coords ? (
        <div className="location-set">
          <span className="location-pin">
            <PinIcon size={16} />
            {t('sell.locationSet')}
          </span>
          <button type="button" className="link-btn" onClick={() => onCoords(null)}>
            {t('sell.locationClear')}
          </button>
        </div>
      ) : supported ? (
        <button type="button" className="btn btn-secondary btn-small" onClick={locate} disabled={state === 'locating'}>
          <PinIcon size={16} />
          {state === 'locating' ? t('sell.locating') : t('sell.useLocation')}
        </button>
      ) : null}
      {coords && (
        <TextField
          label={t('sell.locationLabel')}
          value={label}
          maxLength={51}
          placeholder={t('sell.locationLabelPlaceholder')}
          onChange={(e) => onLabel(e.target.value)}
          error={error}
        />
      )}
      <p className="field-hint">
        {state === 'denied'
          ? t('sell.locationDenied')
          : supported
            ? t('sell.locationHint')
            : t('sell.locationUnsupported')}
      </p>
    </div>
  );
}
