// A note: photos, words, where and when, its live item cards, and the comments. A stall thread
// (电子地摊帖) opens with the grid of everything offered in its comments. The author may edit
// the words or delete the note.
import { WantedMatches } from '../../features/discovery/components/wanted-matches.tsx';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useMe } from '../../features/accounts/api.ts';
import { removeNote, useDeleteNote, useNote } from '../../features/notes/api.ts';
import { ReportSheet, type ReportTarget } from '../../features/chat/components/report-sheet.tsx';
import { CommentComposer } from '../../features/notes/components/comment-composer.tsx';
import type { ReplyTarget } from '../../features/notes/components/comment-item.tsx';
import { CommentList } from '../../features/notes/components/comment-list.tsx';
import { ItemCardRow } from '../../features/notes/components/item-card.tsx';
import { NoteBar } from '../../features/notes/components/note-bar.tsx';
import { NoteBody } from '../../features/notes/components/note-body.tsx';
import { NoteEditSheet } from '../../features/notes/components/note-edit-sheet.tsx';
import { NoteTop } from '../../features/notes/components/note-top.tsx';
import { StallGrid } from '../../features/notes/components/stall-grid.tsx';
import { StallKeeper } from '../../features/notes/components/stall-host.tsx';
import { describeCommunityError } from '../../features/notes/errors.ts';
import type { Note, Reply } from '../../features/notes/types.ts';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { CheckIcon, PinIcon } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PhotoCarousel } from '../../ui/photo-carousel.tsx';
import { ConfirmSheet, Sheet } from '../../ui/sheet.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';

function OwnerMenu({ note, open, onClose }: { note: Note; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteNote(note.id);
  const qc = useQueryClient();
  const [sheet, setSheet] = useState<'menu' | 'edit' | 'delete'>('menu');
  const close = () => {
    setSheet('menu');
    remove.reset();
    onClose();
  };
  return (
    <>
      <Sheet open={open && sheet === 'menu'} title={t('note.menu')} onClose={close}>
        <div className="menu-list">
          <button type="button" className="btn btn-secondary btn-block" onClick={() => setSheet('edit')}>
            {t('note.edit')}
          </button>
          <button type="button" className="btn btn-danger btn-block" onClick={() => setSheet('delete')}>
            {t('note.delete')}
          </button>
        </div>
      </Sheet>
      <NoteEditSheet note={note} open={open && sheet === 'edit'} onClose={close} />
      <ConfirmSheet
        open={open && sheet === 'delete'}
        title={t('note.deleteTitle')}
        body={t('note.deleteBody')}
        confirmLabel={t('note.delete')}
        busy={remove.isPending}
        error={remove.isError ? describeCommunityError(t, remove.error) : null}
        onClose={close}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: async () => {
              await navigate('/', { replace: true });
              removeNote(qc, note.id);
            },
          })
        }
      />
    </>
  );
}

function NoteView({ note }: { note: Note }) {
  const { t } = useTranslation();
  const viewerId = useMe().data?.id ?? null;
  const location = useLocation();
  const [menu, setMenu] = useState(false);
  const [reporting, setReporting] = useState<ReportTarget | null>(null);
  // The comment just sent: the list shows it where it belongs and brings it into view.
  const [posted, setPosted] = useState<Reply | null>(null);
  const [composer, setComposer] = useState<{ open: boolean; replyTo: ReplyTarget | null }>({
    open: false,
    replyTo: null,
  });
  const [published, setPublished] = useState(!!(location.state as { published?: boolean } | null)?.published);
  useEffect(() => {
    if (!published) return;
    const timer = setTimeout(() => setPublished(false), 4000);
    return () => clearTimeout(timer);
  }, [published]);

  return (
    <div className={note.images.length ? 'note-page' : 'note-page note-page-plain'}>
      <NoteTop note={note} viewerId={viewerId} onMenu={() => setMenu(true)} onReport={() => setReporting({ targetType: 'note', targetId: note.id })} />
      {published && (
        <p className="toast" role="status">
          <CheckIcon size={16} /> {t('note.published')}
        </p>
      )}
      {/* Two columns on desktop (photos | words and comments); invisible wrappers on a phone. */}
      <div className="note-media">
        <PhotoCarousel photos={note.images} title={note.title} variant="note" />
      </div>
      <div className="note-side">
        <article className={note.images.length ? 'note-main' : 'note-main note-main-plain'}>
          {note.kind !== 'note' && (
            <span className={`kind-badge kind-${note.kind} kind-inline`}>{t(`feed.kind.${note.kind}`)}</span>
          )}
          <h1 className="note-title">{note.title}</h1>
          <NoteBody body={note.body} tags={note.tags} />
          <p className="note-meta">
            {note.location?.label && (
              <span className="note-place">
                <PinIcon size={13} />
                {note.location.label}
              </span>
            )}
            <time dateTime={note.createdAt}>{formatDate(note.createdAt)}</time>
            {note.updatedAt !== note.createdAt && <span>{t('note.edited')}</span>}
          </p>
        </article>
        {note.items.length > 0 && (
          <section className="card note-items" aria-labelledby="note-items-title" data-testid="note-items">
            <h2 className="card-title" id="note-items-title">
              {t('note.items', { count: note.items.length })}
            </h2>
            <div className="item-cards">
              {note.items.map((card) => (
                <ItemCardRow key={card.id} card={card} />
              ))}
            </div>
          </section>
        )}
        {note.kind === 'stall' && <StallGrid noteId={note.id} />}
        <WantedMatches noteId={note.id} isWanted={note.kind === 'wanted'} />
        <StallKeeper note={note} isHost={viewerId === note.author.id} />
        <CommentList
          canPin={note.kind === 'stall' && viewerId === note.author.id}
          noteId={note.id}
          noteAuthorId={note.author.id}
          count={note.commentCount}
          signedIn={!!viewerId}
          onReply={(replyTo) => setComposer({ open: true, replyTo })}
          posted={posted}
        />
        <NoteBar note={note} viewerId={viewerId} onComment={() => setComposer({ open: true, replyTo: null })} />
      </div>
      {viewerId && (
        <CommentComposer
          noteId={note.id}
          open={composer.open}
          replyTo={composer.replyTo}
          onClose={() => setComposer((c) => ({ ...c, open: false }))}
          onPosted={setPosted}
        />
      )}
      {viewerId === note.author.id && <OwnerMenu note={note} open={menu} onClose={() => setMenu(false)} />}
      {viewerId && viewerId !== note.author.id && <ReportSheet target={reporting} onClose={() => setReporting(null)} />}
    </div>
  );
}

export default function NotePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const note = useNote(id);
  if (note.isPending) {
    return (
      <>
        <PageHeader title="" />
        <Loading />
      </>
    );
  }
  if (note.isError) {
    const missing = note.error instanceof ApiError && note.error.status === 404;
    return (
      <>
        <PageHeader title="" />
        <ErrorState
          message={missing ? t('note.notFound') : describeCommunityError(t, note.error)}
          onRetry={missing ? undefined : () => void note.refetch()}
        />
      </>
    );
  }
  return <NoteView note={note.data} />;
}
