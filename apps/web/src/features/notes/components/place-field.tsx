// Where a note was written (optional): "use my location" takes a coarse position (the server
// keeps ≈100 m) and the member names the place — a city or an area such as 上海·徐汇.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui/field.tsx';
import { PinIcon } from '../../../ui/icons.tsx';

export type Coords = { lat: number; lng: number } | null;

const coarse = (v: number) => Math.round(v * 1000) / 1000;

export function PlaceField({
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
    <div className={`field place-field${error ? ' field-invalid' : ''}`}>
      <div className="field-top">
        <span className="field-label">
          {t('noteForm.place')}
          <span className="field-optional">{t('common.optional')}</span>
        </span>
        {coords && (
          <button type="button" className="link-btn" onClick={() => onCoords(null)}>
            {t('noteForm.placeClear')}
          </button>
        )}
      </div>
      {coords ? (
        <>
          <p className="place-set">
            <PinIcon size={15} />
            {t('noteForm.placeSet')}
          </p>
          <TextField
            label={t('noteForm.placeLabel')}
            value={label}
            maxLength={51}
            placeholder={t('noteForm.placeLabelPlaceholder')}
            onChange={(e) => onLabel(e.target.value)}
            error={error}
          />
        </>
      ) : supported ? (
        <button type="button" className="btn btn-secondary btn-small" onClick={locate} disabled={state === 'locating'}>
          <PinIcon size={16} />
          {state === 'locating' ? t('noteForm.locating') : t('noteForm.useLocation')}
        </button>
      ) : null}
      {!coords && (
        <p className="field-hint">
          {state === 'denied'
            ? t('noteForm.placeDenied')
            : supported
              ? t('noteForm.placeHint')
              : t('noteForm.placeUnsupported')}
        </p>
      )}
    </div>
  );
}
