// 发笔记 (/publish/note): the note form; once published, the note's own page.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../features/accounts/api.ts';
import { useCreateNote } from '../../features/notes/api.ts';
import { NoteForm } from '../../features/notes/components/note-form.tsx';
import type { NoteInput } from '../../features/notes/types.ts';
import { PageHeader } from '../../ui/page-header.tsx';

export default function PublishNotePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const create = useCreateNote();
  if (!me) return null; // RequireMember guarantees a member

  const save = async (input: NoteInput) => {
    const note = await create.mutateAsync(input);
    await navigate(`/notes/${note.id}`, { replace: true, state: { published: true } });
  };

  return (
    <>
      <PageHeader title={t('noteForm.pageTitle')} back="/publish" />
      <NoteForm me={me} onSave={save} />
    </>
  );
}
