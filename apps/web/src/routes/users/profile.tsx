// A member's public profile: /u/:id — who they are, 私信 and 关注, their counts, credit, their
// notes, items on sale and (for the owner) collects.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../features/accounts/api.ts';
import { ProfileHeader } from '../../features/accounts/components/profile-header.tsx';
import { MessageButton } from '../../features/chat/components/message-button.tsx';
import { useCommunityUser } from '../../features/feed/api.ts';
import { ProfileCounts } from '../../features/feed/components/profile-counts.tsx';
import { ProfileNotes } from '../../features/feed/components/profile-notes.tsx';
import { FollowButton } from '../../features/notes/components/follow-button.tsx';
import { UserReviews } from '../../features/reviews/components/user-reviews.tsx';
import { SellerStatsCard } from '../../features/engagement/components/seller-stats.tsx';
import { ApiError } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';

export default function PublicProfilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCommunityUser(id);
  const viewerId = useMe().data?.id ?? null;

  if (user.isPending)
    return (
      <>
        <PageHeader title="" />
        <Loading />
      </>
    );
  if (user.isError) {
    const missing = user.error instanceof ApiError && user.error.status === 404;
    return (
      <>
        <PageHeader title="" />
        <ErrorState
          message={missing ? t('user.notFound') : describeError(t, user.error)}
          onRetry={missing ? undefined : () => void user.refetch()}
        />
      </>
    );
  }
  const u = user.data;
  return (
    <>
      <PageHeader title="" />
      <ProfileHeader user={u}>
        <div className="profile-social">
          <ProfileCounts user={u} />
          <span className="profile-actions">
            <MessageButton userId={u.id} viewerId={viewerId} />
            <FollowButton userId={u.id} followed={u.followedByMe} viewerId={viewerId} large />
          </span>
        </div>
      </ProfileHeader>
      <section className="card stats" aria-label={t('user.credit')}>
        <Link to={`/u/${u.id}/credit`} className="stat" data-testid="public-credit">
          <span className="stat-value">{u.creditScore}</span>
          <span className="stat-label">{t('user.credit')}</span>
        </Link>
        <div className="stat">
          <span className="stat-value">{u.ratingAverage === null ? '—' : u.ratingAverage.toFixed(1)}</span>
          <span className="stat-label">
            {u.ratingCount > 0
              ? t('user.ratingValue', { avg: u.ratingAverage?.toFixed(1) ?? '—', count: u.ratingCount })
              : t('user.noRatings')}
          </span>
        </div>
      </section>
      <SellerStatsCard userId={u.id} />
      <UserReviews userId={u.id} viewerId={viewerId} />
      <ProfileNotes userId={u.id} self={viewerId === u.id} />
    </>
  );
}
