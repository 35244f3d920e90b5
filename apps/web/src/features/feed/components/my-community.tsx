// The community on 我: my following / followers / notes counts, and links to my notes and my
// (private) collects on my profile page.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChevronIcon } from '../../../ui/icons.tsx';
import { useCommunityUser } from '../api.ts';
import { ProfileCounts } from './profile-counts.tsx';

export function MyCounts({ userId }: { userId: string }) {
  const user = useCommunityUser(userId);
  if (!user.data) return null;
  return (
    <Link to={`/u/${userId}`} className="my-counts">
      <ProfileCounts user={user.data} />
    </Link>
  );
}

export function MyNotesLinks({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const rows = [
    { to: `/u/${userId}`, label: t('profileNotes.myNotes') },
    { to: `/u/${userId}?tab=collects`, label: t('profileNotes.myCollects') },
    { to: '/publish/note', label: t('feed.firstNote') },
  ];
  return (
    <section className="card list-card" aria-label={t('profileNotes.label')} data-testid="my-notes-links">
      {rows.map((r) => (
        <Link key={r.to} to={r.to} className="list-row">
          <span>{r.label}</span>
          <ChevronIcon size={16} className="list-chevron" />
        </Link>
      ))}
    </section>
  );
}
