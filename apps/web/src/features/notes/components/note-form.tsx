// 发笔记: photos (uploaded one by one as they are chosen), kind, title, body with #话题, tags,
// place, and — for members who may sell — cards of their items on sale. Checked here first;
// the API's field errors land on the same fields.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { ChipsInput } from '../../../ui/chips.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import type { Me } from '../../accounts/api.ts';
import { PlaceField } from '../../places/components/place-field.tsx';
import { type Place, placeInput, placeTooLong } from '../../places/place.ts';
import { ChoiceField } from '../../items/components/choice-field.tsx';
import { type Photo, PhotoPicker } from '../../items/components/photo-picker.tsx';
import { type NoteFieldErrors, noteFormErrors } from '../errors.ts';
import { NOTE_KINDS, NOTE_LIMITS, type NoteInput, type NoteKind } from '../types.ts';
import { MyItemsPicker } from './my-items-picker.tsx';
import { checkWords } from './note-edit-sheet.tsx';
import { NotePreview } from './note-preview.tsx';

const MAX_ITEMS = 9;

export function NoteForm({ me, onSave }: { me: Me; onSave: (input: NoteInput) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [kind, setKind] = useState<NoteKind>('note');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [place, setPlace] = useState<Place>({ coords: null, label: me.city });
  const [itemIds, setItemIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<NoteFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // A field being fixed stops showing its old error, and the form-level nudge goes with it.
  const clear = (f: keyof NoteFieldErrors) => {
    setErrors((e) => (e[f] ? { ...e, [f]: undefined } : e));
    setFormError(null);
  };
  const toggleItem = (id: string) => {
    clear('itemIds');
    setItemIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : ids.length < MAX_ITEMS ? [...ids, id] : ids));
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const local = checkWords(t, title, body);
    if (photos.some((p) => !p.mediaId && !p.error)) local.imageIds = t('noteForm.errors.uploading');
    if (photos.some((p) => p.error)) local.imageIds = t('noteForm.errors.photoFailed');
    if (placeTooLong(place)) local.location = t('noteForm.errors.place');
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setFormError(t('noteForm.errors.check'));
      return;
    }
    const input: NoteInput = {
      title: title.trim(),
      body: body.trim(),
      tags,
      imageIds: photos.flatMap((p) => (p.mediaId ? [p.mediaId] : [])),
      itemIds,
      location: placeInput(place),
      kind,
    };
    setBusy(true);
    try {
      await onSave(input);
    } catch (err) {
      const r = noteFormErrors(t, err);
      setErrors(r.fields);
      setFormError(r.form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form sell-form note-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <section className="card form">
        <PhotoPicker
          photos={photos}
          onChange={(update) => {
            setPhotos(update);
            clear('imageIds');
          }}
          error={errors.imageIds}
        />
      </section>
      <section className="card form">
        <ChoiceField
          label={t('noteForm.kind')}
          options={NOTE_KINDS.map((k) => ({ key: k, label: t(`noteForm.kinds.${k}`) }))}
          value={kind}
          onChange={(k) => setKind(k as NoteKind)}
          hint={t(`noteForm.kindHints.${kind}`)}
          error={errors.kind}
        />
        <TextField
          label={t('noteForm.title')}
          value={title}
          maxLength={NOTE_LIMITS.titleMax + 10}
          placeholder={t(`noteForm.titlePlaceholders.${kind}`)}
          maxChars={NOTE_LIMITS.titleMax}
          error={errors.title}
          onChange={(e) => {
            setTitle(e.target.value);
            clear('title');
          }}
        />
        <TextAreaField
          label={t('noteForm.body')}
          value={body}
          rows={6}
          maxChars={NOTE_LIMITS.bodyMax}
          optional
          placeholder={t('noteForm.bodyPlaceholder')}
          hint={t('noteForm.bodyHint')}
          error={errors.body}
          onChange={(e) => {
            setBody(e.target.value);
            clear('body');
          }}
        />
        <ChipsInput
          label={t('noteForm.tags')}
          value={tags}
          onChange={(v) => {
            setTags(v);
            clear('tags');
          }}
          max={NOTE_LIMITS.tagsMax}
          maxLength={NOTE_LIMITS.tagMax}
          placeholder={t('noteForm.tagsPlaceholder')}
          hint={t('noteForm.tagsHint')}
          fullHint={t('noteForm.tagsFull')}
          error={errors.tags}
        />
        <PlaceField
          value={place}
          onChange={(p) => {
            setPlace(p);
            clear('location');
          }}
          hint={t('place.hintNote')}
          error={errors.location}
        />
      </section>
      {me.quickSell.eligible && (
        <section className={`card field${errors.itemIds ? ' field-invalid' : ''}`}>
          <div className="field-top">
            <span className="field-label">
              {t('noteForm.items')}
              <span className="field-optional">{t('common.optional')}</span>
            </span>
            <span className="field-counter">{t('profileEdit.counter', { count: itemIds.length, max: MAX_ITEMS })}</span>
          </div>
          <p className="field-hint picker-hint">{t('noteForm.itemsHint')}</p>
          <MyItemsPicker label={t('noteForm.items')} selected={itemIds} onToggle={toggleItem} />
          {errors.itemIds && <p className="field-error">{errors.itemIds}</p>}
        </section>
      )}
      <NotePreview me={me} photo={photos[0]?.previewUrl ?? null} title={title.trim()} kind={kind} />
      <FormAlert message={formError} />
      <Button type="submit" block busy={busy}>
        {busy ? t('noteForm.submitting') : t('noteForm.submit')}
      </Button>
    </form>
  );
}
