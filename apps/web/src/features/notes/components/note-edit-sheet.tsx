// The author edits a note in place: title, body, tags and photos (add, remove, reorder; the
// first is the cover). Items and kind stay.
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { ChipsInput } from '../../../ui/chips.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { Sheet } from '../../../ui/sheet.tsx';
import { type Photo, PhotoPicker } from '../../items/components/photo-picker.tsx';
import { useEditNote } from '../api.ts';
import { type NoteFieldErrors, noteFormErrors } from '../errors.ts';
import { NOTE_LIMITS, type Note } from '../types.ts';

export function checkWords(t: TFunction, title: string, body: string) {
  const e: NoteFieldErrors = {};
  const n = [...title.trim()].length;
  if (n === 0) e.title = t('noteForm.errors.titleRequired');
  else if (n > NOTE_LIMITS.titleMax) e.title = t('noteForm.errors.titleLong', { max: NOTE_LIMITS.titleMax });
  if ([...body.trim()].length > NOTE_LIMITS.bodyMax)
    e.body = t('noteForm.errors.bodyLong', { max: NOTE_LIMITS.bodyMax });
  return e;
}

function EditForm({ note, onDone }: { note: Note; onDone: () => void }) {
  const { t } = useTranslation();
  const edit = useEditNote(note.id);
  const [title, setTitle] = useState(note.title);
  const [body, setBody] = useState(note.body);
  const [tags, setTags] = useState(note.tags);
  const [photos, setPhotos] = useState<Photo[]>(() =>
    note.images.map((i) => ({ key: i.id, previewUrl: i.urls.thumb, mediaId: i.id, progress: 1, error: null, local: false })),
  );
  const [errors, setErrors] = useState<NoteFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local = checkWords(t, title, body);
    if (photos.some((p) => !p.mediaId && !p.error)) local.imageIds = t('noteForm.errors.uploading');
    if (photos.some((p) => p.error)) local.imageIds = t('noteForm.errors.photoFailed');
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return;
    edit.mutate(
      { title: title.trim(), body: body.trim(), tags, imageIds: photos.flatMap((p) => (p.mediaId ? [p.mediaId] : [])) },
      {
        onSuccess: onDone,
        onError: (err) => {
          const r = noteFormErrors(t, err);
          setErrors(r.fields);
          setFormError(r.form);
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <PhotoPicker photos={photos} onChange={setPhotos} error={errors.imageIds} hint={t('engage.note.photosHint')} />
      <TextField
        label={t('noteForm.title')}
        value={title}
        maxLength={NOTE_LIMITS.titleMax + 10}
        maxChars={NOTE_LIMITS.titleMax}
        error={errors.title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextAreaField
        label={t('noteForm.body')}
        value={body}
        rows={6}
        maxChars={NOTE_LIMITS.bodyMax}
        hint={t('noteForm.bodyHint')}
        error={errors.body}
        onChange={(e) => setBody(e.target.value)}
      />
      <ChipsInput
        label={t('noteForm.tags')}
        value={tags}
        onChange={setTags}
        max={NOTE_LIMITS.tagsMax}
        maxLength={NOTE_LIMITS.tagMax}
        placeholder={t('noteForm.tagsPlaceholder')}
        hint={t('noteForm.tagsHint')}
        fullHint={t('noteForm.tagsFull')}
        error={errors.tags}
      />
      <FormAlert message={formError} />
      <Button type="submit" block busy={edit.isPending}>
        {edit.isPending ? t('common.saving') : t('common.save')}
      </Button>
    </form>
  );
}

export function NoteEditSheet({ note, open, onClose }: { note: Note; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Sheet open={open} title={t('note.editTitle')} onClose={onClose}>
      {open && <EditForm note={note} onDone={onClose} />}
    </Sheet>
  );
}
