// How the note will look in the feed: its card, from the first photo and the title.
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../ui/avatar.tsx';
import { HeartIcon } from '../../../ui/icons.tsx';
import type { Me } from '../../accounts/api.ts';
import { KindBadge } from '../../feed/components/note-card.tsx';
import type { NoteKind } from '../types.ts';

export function NotePreview({
  me,
  photo,
  title,
  kind,
}: {
  me: Me;
  photo: string | null;
  title: string;
  kind: NoteKind;
}) {
  const { t } = useTranslation();
  const shown = title || t('noteForm.previewTitle');
  return (
    <section className="card note-preview" aria-labelledby="preview-title" data-testid="note-preview">
      <div>
        <h2 className="card-title" id="preview-title">
          {t('noteForm.preview')}
        </h2>
        <p className="muted small">{t('noteForm.previewHint')}</p>
      </div>
      <div className="note-card note-card-static" aria-hidden="true">
        {photo ? (
          <span className="note-card-cover note-card-cover-square">
            <img src={photo} alt="" />
            <KindBadge kind={kind} />
          </span>
        ) : (
          <span className={`note-card-cover note-card-text kind-bg-${kind}`}>
            <span className="note-card-quote">{shown}</span>
            <KindBadge kind={kind} />
          </span>
        )}
        <span className="note-card-title">{shown}</span>
        <span className="note-card-foot">
          <span className="note-card-author">
            <Avatar url={me.avatarUrl} name={me.displayName} size={20} />
            <span>{me.displayName}</span>
          </span>
          <span className="card-like">
            <HeartIcon size={15} />
            <span>0</span>
          </span>
        </span>
      </div>
    </section>
  );
}
