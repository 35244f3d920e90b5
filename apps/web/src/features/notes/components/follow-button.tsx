// 关注 / 已关注. Visitors are sent to sign in and come back; your own profile has no button.
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { loginPath } from '../../../lib/next.ts';
import { PlusIcon } from '../../../ui/icons.tsx';
import { useFollow } from '../reactions.ts';

export function FollowButton({
  userId,
  followed,
  viewerId,
  large,
}: {
  userId: string;
  followed: boolean;
  viewerId: string | null;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const follow = useFollow(userId, viewerId);
  if (viewerId === userId) return null;
  const size = large ? '' : ' follow-btn-small';
  return (
    <button
      type="button"
      className={followed ? `follow-btn follow-btn-on${size}` : `follow-btn${size}`}
      aria-pressed={viewerId ? followed : undefined}
      data-testid="follow-button"
      onClick={() => {
        if (!viewerId) void navigate(loginPath(location.pathname + location.search));
        else follow.mutate(!followed);
      }}
    >
      {!followed && <PlusIcon size={14} strokeWidth={2.6} />}
      {followed ? t('follow.following') : t('follow.follow')}
    </button>
  );
}
