// Edit profile: display name, bio, city, interest tags (chips).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Me, useMe, useUpdateProfile } from '../../features/accounts/api.ts';
import { type FormErrors, formErrors, hasErrors, noErrors, requiredErrors } from '../../lib/errors.ts';
import { FormAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ChipsInput } from '../../ui/chips.tsx';
import { TextAreaField, TextField } from '../../ui/field.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { AvatarEditor } from '../../features/engagement/components/avatar-editor.tsx';

const FIELDS = ['displayName', 'bio', 'city', 'interestTags'] as const;

export default function EditProfilePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <>
      <PageHeader title={t('profileEdit.title')} back="/me" />
      {me && <EditProfileForm me={me} />}
    </>
  );
}

function EditProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateProfile();
  const [values, setValues] = useState({ displayName: me.displayName, bio: me.bio, city: me.city });
  const [tags, setTags] = useState(me.interestTags);
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing = requiredErrors(t, values, ['displayName']);
    setErrors(missing);
    if (hasErrors(missing)) return;
    update.mutate(
      { displayName: values.displayName.trim(), bio: values.bio.trim(), city: values.city.trim(), interestTags: tags },
      {
        onSuccess: () => navigate('/me', { replace: true }),
        onError: (err) => setErrors(formErrors(t, err, FIELDS)),
      },
    );
  };
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  return (
    <form className="form card" onSubmit={onSubmit} noValidate>
      <AvatarEditor me={me} />
      <TextField
        label={t('profileEdit.displayName')}
        name="displayName"
        maxLength={30}
        value={values.displayName}
        onChange={set('displayName')}
        error={errors.fields.displayName}
      />
      <TextAreaField
        label={t('profileEdit.bio')}
        name="bio"
        rows={4}
        maxChars={200}
        maxLength={200}
        placeholder={t('profileEdit.bioPlaceholder')}
        value={values.bio}
        onChange={set('bio')}
        error={errors.fields.bio}
      />
      <TextField
        label={t('profileEdit.city')}
        name="city"
        maxLength={30}
        placeholder={t('profileEdit.cityPlaceholder')}
        value={values.city}
        onChange={set('city')}
        error={errors.fields.city}
      />
      <ChipsInput
        label={t('profileEdit.tags')}
        value={tags}
        onChange={setTags}
        max={10}
        maxLength={20}
        placeholder={t('profileEdit.tagsPlaceholder')}
        hint={t('profileEdit.tagsHint')}
        fullHint={t('profileEdit.tagsFull')}
        error={errors.fields.interestTags}
      />
      <FormAlert message={errors.form} />
      <Button type="submit" block busy={update.isPending}>
        {update.isPending ? t('common.saving') : t('common.save')}
      </Button>
    </form>
  );
}
