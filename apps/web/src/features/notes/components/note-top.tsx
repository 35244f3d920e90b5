// The top bar of a note: back, the author (to their profile), and 关注 — or, for the author,
// a menu with 编辑 and 删除.
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Avatar } from '../../../ui/avatar.tsx';
import { BackIcon, MoreIcon } from '../../../ui/icons.tsx';
import type { Note } from '../types.ts';
import { FollowButton } from './follow-button.tsx';
import { ShareButton } from '../../engagement/components/share-button.tsx';

export function NoteTop({ note, viewerId, onMenu, onReport }: { note: Note; viewerId: string | null; onMenu: () => void; onReport?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const goBack = () => {
    if (window.history.state?.idx > 0) void navigate(-1);
    else void navigate('/');
  };
  const mine = viewerId === note.author.id;
  return (
    <header className="page-header note-top">
      <button type="button" className="icon-btn" onClick={goBack} aria-label={t('common.back')}>
        <BackIcon size={24} />
      </button>
      <Link to={`/u/${note.author.id}`} className="note-author" data-testid="note-author">
        <Avatar url={note.author.avatarUrl} name={note.author.displayName} size={32} />
        <span className="note-author-name">{note.author.displayName}</span>
      </Link>
      <div className="note-top-right">
        <ShareButton path={`/notes/${note.id}`} />
        {mine ? (
          <button type="button" className="icon-btn" aria-label={t('note.menu')} onClick={onMenu}>
            <MoreIcon size={24} />
          </button>
        ) : (
          <>
            <FollowButton userId={note.author.id} followed={note.author.followedByMe} viewerId={viewerId} />
            {viewerId && onReport && (
              <button type="button" className="icon-btn" aria-label={t('note.report')} onClick={onReport}>
                <MoreIcon size={24} />
              </button>
            )}
          </>
        )}
      </div>
    </header>
  );
}
