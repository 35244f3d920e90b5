// The seller's deliver sheet for an online order (issue 15): what is delivered — a message, a
// code, a link, file images (private uploads only the buyer and the seller can open) — at least
// one of them; sent with the step, so the order is never 已交付 with nothing in it.
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { Sheet } from '../../../ui/sheet.tsx';
import { describeTradeError } from '../../../lib/errors.ts';
import { useRules } from '../../../lib/rules.ts';
import { PHOTO_TYPES, type UploadedPhoto, uploadPhoto } from '../../items/upload.ts';
import { type DeliverBody, type Order, useOrderAction } from '../api.ts';

const MAX_PHOTOS = 9;

export function DeliverSheet({ open, order, onClose }: { open: boolean; order: Order; onClose: () => void }) {
  const { t } = useTranslation();
  // The auto-confirm delay of an online delivery is the operator's (autoConfirmOnlineDays).
  const days = useRules().data?.autoConfirmOnlineDays;
  const act = useOrderAction(order.id);
  const [v, setV] = useState({ message: '', code: '', link: '' });
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [uploading, setUploading] = useState(false);
  const [linkError, setLinkError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);

  const addPhotos = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])].slice(0, MAX_PHOTOS - photos.length);
    e.target.value = '';
    if (!files.length) return;
    setError(null);
    setUploading(true);
    try {
      for (const f of files) {
        const p = await uploadPhoto(f, () => undefined);
        setPhotos((xs) => [...xs, p]);
      }
    } catch (err) {
      setError(describeTradeError(t, err));
    } finally {
      setUploading(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body: DeliverBody = {};
    if (v.message.trim()) body.message = v.message.trim();
    if (v.code.trim()) body.code = v.code.trim();
    if (v.link.trim()) body.link = v.link.trim();
    if (photos.length) body.mediaIds = photos.map((p) => p.id);
    const badLink = body.link !== undefined && !/^https?:\/\/\S+$/i.test(body.link);
    setLinkError(badLink ? t('fulfil.linkInvalid') : undefined);
    if (badLink) return;
    if (!Object.keys(body).length) {
      setError(t('fulfil.needSomething'));
      return;
    }
    act.mutate({ action: 'deliver', body }, { onSuccess: onClose, onError: (err) => setError(describeTradeError(t, err)) });
  };

  return (
    <Sheet open={open} title={t('fulfil.deliverTitle')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate data-testid="deliver-form">
        <p className="sheet-text">{days === undefined ? t('fulfil.deliverIntroShort') : t('fulfil.deliverIntro', { days })}</p>
        <TextField
          label={t('fulfil.code')}
          optional
          maxLength={200}
          className="input mono"
          value={v.code}
          onChange={(e) => setV((x) => ({ ...x, code: e.target.value }))}
        />
        <TextField
          label={t('fulfil.link')}
          optional
          type="url"
          inputMode="url"
          maxLength={500}
          placeholder={t('fulfil.linkPlaceholder')}
          value={v.link}
          error={linkError}
          onChange={(e) => {
            setLinkError(undefined);
            setV((x) => ({ ...x, link: e.target.value }));
          }}
        />
        <TextAreaField
          label={t('fulfil.message')}
          optional
          rows={3}
          maxChars={2000}
          maxLength={2000}
          placeholder={t('fulfil.messagePlaceholder')}
          value={v.message}
          onChange={(e) => setV((x) => ({ ...x, message: e.target.value }))}
        />
        <div className="deliver-photos">
          <span className="field-label">{t('fulfil.photos')}</span>
          <div className="deliver-photo-row">
            {photos.map((p, i) => (
              <button
                key={p.id}
                type="button"
                className="deliver-photo"
                aria-label={t('fulfil.removePhoto', { n: i + 1 })}
                onClick={() => setPhotos((xs) => xs.filter((x) => x.id !== p.id))}
              >
                <img src={p.urls.thumb} alt="" />
              </button>
            ))}
            {photos.length < MAX_PHOTOS && (
              <label className="deliver-photo deliver-photo-add">
                {uploading ? t('fulfil.uploading') : `+ ${t('fulfil.addPhoto')}`}
                <input
                  type="file"
                  accept={PHOTO_TYPES.join(',')}
                  multiple
                  className="sr-only"
                  data-testid="deliver-photo-input"
                  disabled={uploading}
                  onChange={(e) => void addPhotos(e)}
                />
              </label>
            )}
          </div>
        </div>
        <FormAlert message={error} />
        <Button type="submit" block busy={act.isPending} disabled={uploading}>
          {t('fulfil.send')}
        </Button>
      </form>
    </Sheet>
  );
}
