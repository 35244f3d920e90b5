// Following / followers / notes on a profile and on 我.
import { useTranslation } from 'react-i18next';
import type { CommunityUser } from '../api.ts';

export function ProfileCounts({ user }: { user: CommunityUser }) {
  const { t } = useTranslation();
  const counts = [
    { key: 'following', value: user.followingCount },
    { key: 'followers', value: user.followerCount },
    { key: 'notes', value: user.noteCount },
  ] as const;
  return (
    <ul className="profile-counts" data-testid="profile-counts">
      {counts.map((c) => (
        <li key={c.key} data-testid={`count-${c.key}`}>
          <span className="profile-count-value">{c.value}</span>
          <span className="profile-count-label">{t(`follow.counts.${c.key}`)}</span>
        </li>
      ))}
    </ul>
  );
}
