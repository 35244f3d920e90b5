// Up to 9 photos: each uploads on its own as soon as it is chosen (with a progress ring),
// can be moved or removed, and the first is the cover.
import { ITEM_LIMITS } from '@jishi/shared';
import { type ChangeEvent, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.ts';
import { BackIcon, ChevronIcon, CloseIcon, PlusIcon } from '../../../ui/icons.tsx';
import { describeTradeError } from '../../../lib/errors.ts';
import { PHOTO_TYPES, isPhotoCode, uploadPhoto } from '../upload.ts';

export type Photo = {
  key: string;
  previewUrl: string;
  /** Set once uploaded. */
  mediaId: string | null;
  progress: number;
  /** Why the upload failed: a word or two on the tile, the whole reason under the grid. */
  error: { label: string; message: string } | null;
  local: boolean;
};

type Props = {
  photos: Photo[];
  onChange: (update: (photos: Photo[]) => Photo[]) => void;
  error?: string | undefined;
  /** Other uses than an item's photos (after-sale evidence): their own hint, and no cover. */
  hint?: string;
  cover?: boolean;
};

let seq = 0;

export function PhotoPicker({ photos, onChange, error, hint, cover = true }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const room = ITEM_LIMITS.imagesMax - photos.length;
  const failed = photos.flatMap((p, i) => (p.error ? [{ p, n: i + 1 }] : []));

  // Object URLs of local previews are released when the picker goes away.
  const latest = useRef(photos);
  latest.current = photos;
  useEffect(
    () => () => {
      for (const p of latest.current) if (p.local) URL.revokeObjectURL(p.previewUrl);
    },
    [],
  );

  const patch = (key: string, p: Partial<Photo>) =>
    onChange((list) => list.map((x) => (x.key === key ? { ...x, ...p } : x)));

  const start = (file: File, key: string) => {
    uploadPhoto(file, (progress) => patch(key, { progress }))
      .then((m) => patch(key, { mediaId: m.id, progress: 1 }))
      .catch((err: unknown) => {
        const code = err instanceof ApiError && isPhotoCode(err.code) ? err.code : 'other';
        patch(key, {
          error: { label: t(`sell.photoFailed.${code}`), message: describeTradeError(t, err) },
          progress: 0,
        });
      });
  };

  const onFiles = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])].slice(0, room);
    e.target.value = '';
    const added = files.map((file) => {
      const photo: Photo = {
        key: `p${++seq}`,
        previewUrl: URL.createObjectURL(file),
        mediaId: null,
        progress: 0,
        error: null,
        local: true,
      };
      start(file, photo.key);
      return photo;
    });
    onChange((list) => [...list, ...added]);
  };

  const move = (i: number, by: number) =>
    onChange((list) => {
      const next = [...list];
      const [p] = next.splice(i, 1);
      if (p) next.splice(Math.max(0, Math.min(next.length, i + by)), 0, p);
      return next;
    });
  const remove = (p: Photo) => {
    if (p.local) URL.revokeObjectURL(p.previewUrl);
    onChange((list) => list.filter((x) => x.key !== p.key));
  };

  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <div className="field-top">
        <span className="field-label" id={`${id}-label`}>
          {t('sell.photos')}
        </span>
        <span className="field-counter">
          {t('profileEdit.counter', { count: photos.length, max: ITEM_LIMITS.imagesMax })}
        </span>
      </div>
      <ul className="photo-grid" aria-labelledby={`${id}-label`} data-testid="photo-grid">
        {photos.map((p, i) => (
          <li key={p.key} className={`photo-tile${p.error ? ' photo-failed' : ''}`}>
            <img
              src={p.previewUrl}
              alt={t('sell.photoN', { n: i + 1 })}
              // A file the browser cannot show either (not an image): no broken-image icon.
              onError={(e) => e.currentTarget.setAttribute('data-broken', '')}
            />
            {cover && i === 0 && <span className="photo-cover">{t('sell.cover')}</span>}
            {!p.mediaId && !p.error && (
              <span className="photo-progress" role="progressbar" aria-valuenow={Math.round(p.progress * 100)}>
                {Math.round(p.progress * 100)}%
              </span>
            )}
            {p.error && (
              <span className="photo-error" title={p.error.message}>
                {p.error.label}
              </span>
            )}
            <button
              type="button"
              className="photo-remove"
              aria-label={t('sell.removePhoto', { n: i + 1 })}
              onClick={() => remove(p)}
            >
              <CloseIcon size={14} />
            </button>
            {photos.length > 1 && (
              <span className="photo-moves">
                <button
                  type="button"
                  disabled={i === 0}
                  aria-label={t('sell.movePhotoLeft', { n: i + 1 })}
                  onClick={() => move(i, -1)}
                >
                  <BackIcon size={14} />
                </button>
                <button
                  type="button"
                  disabled={i === photos.length - 1}
                  aria-label={t('sell.movePhotoRight', { n: i + 1 })}
                  onClick={() => move(i, 1)}
                >
                  <ChevronIcon size={14} />
                </button>
              </span>
            )}
          </li>
        ))}
        {room > 0 && (
          <li>
            <button type="button" className="photo-add" onClick={() => input.current?.click()}>
              <PlusIcon size={26} />
              <span>{photos.length === 0 ? t('sell.addPhotos') : t('sell.addMore')}</span>
            </button>
          </li>
        )}
      </ul>
      <input
        ref={input}
        id={id}
        type="file"
        accept={PHOTO_TYPES.join(',')}
        multiple
        hidden
        aria-label={t('sell.addPhotos')}
        onChange={onFiles}
      />
      {failed.length > 0 && (
        <ul className="photo-problems" role="alert" data-testid="photo-problems">
          {failed.map(({ p, n }) => (
            <li key={p.key}>{t('sell.photoProblem', { n, reason: p.error?.message })}</li>
          ))}
        </ul>
      )}
      {error ? <p className="field-error">{error}</p> : <p className="field-hint">{hint ?? t('sell.photosHint')}</p>}
    </div>
  );
}

export const photosFromItem = (images: { id: string; thumbUrl: string }[]): Photo[] =>
  images.map((img) => ({
    key: img.id,
    previewUrl: img.thumbUrl,
    mediaId: img.id,
    progress: 1,
    error: null,
    local: false,
  }));
