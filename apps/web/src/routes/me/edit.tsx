// Edit profile: display name, bio, city, interest tags (chips).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Me, useMe, useUpdateProfile } from '../../features/accounts/api.ts';
import { FormAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ChipsInput } from '../../ui/chips.tsx';
import { TextAreaField, TextField } from '../../ui/field.tsx';
import { Form, useForm } from '../../ui/form.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { AvatarEditor } from '../../features/engagement/components/avatar-editor.tsx';

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
  const form = useForm({ displayName: me.displayName, bio: me.bio, city: me.city }, ['interestTags']);
  const [tags, setTags] = useState(me.interestTags);

  const onSubmit = () => {
    if (!form.required(['displayName'])) return;
    const { values } = form;
    update.mutate(
      { displayName: values.displayName.trim(), bio: values.bio.trim(), city: values.city.trim(), interestTags: tags },
      {
        onSuccess: () => navigate('/me', { replace: true }),
        onError: form.fail,
      },
    );
  };

  return (
    <Form className="form card" errors={form.errors} onSubmit={onSubmit}>
      <AvatarEditor me={me} />
      <TextField label={t('profileEdit.displayName')} maxLength={30} {...form.bind('displayName')} />
      <TextAreaField
        label={t('profileEdit.bio')}
        rows={4}
        maxChars={200}
        maxLength={200}
        placeholder={t('profileEdit.bioPlaceholder')}
        {...form.bind('bio')}
      />
      <TextField
        label={t('profileEdit.city')}
        maxLength={30}
        placeholder={t('profileEdit.cityPlaceholder')}
        {...form.bind('city')}
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
        name="interestTags"
        error={form.errors.fields.interestTags}
      />
      <FormAlert message={form.errors.form} />
      <Button type="submit" block busy={update.isPending}>
        {update.isPending ? t('common.saving') : t('common.save')}
      </Button>
    </Form>
  );
}
