// The top of "我" and of a public profile: avatar, names, badge, city, bio and tags.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { Avatar } from '../../../ui/avatar.tsx';
import { ChipList } from '../../../ui/chips.tsx';
import { PinIcon } from '../../../ui/icons.tsx';
import type { Me, PublicUser } from '../api.ts';
import { VerifiedBadge } from './verified-badge.tsx';

/** The signed-in member or any member's public profile: both carry what the header shows. */
type ProfileLike = Me | PublicUser;

export function ProfileHeader({ user, self, children }: { user: ProfileLike; self?: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="profile-hero">
      <div className="profile-id">
        <Avatar url={user.avatarUrl} name={user.displayName} size={76} />
        <div className="profile-names">
          <h1 className="profile-name">
            <span>{user.displayName}</span>
            {user.verified && <VerifiedBadge />}
          </h1>
          <p className="profile-username">@{user.username}</p>
          <p className="profile-meta">
            <span className={user.city ? 'profile-city' : 'profile-city muted'}>
              <PinIcon size={14} />
              {user.city || t('me.noCity')}
            </span>
            <span className="dot" aria-hidden="true">
              ·
            </span>
            <span>{t('user.joined', { date: formatDate(user.createdAt) })}</span>
          </p>
        </div>
      </div>
      {user.bio ? (
        <p className="profile-bio">{user.bio}</p>
      ) : (
        self && <p className="profile-bio muted">{t('me.noBio')}</p>
      )}
      <ChipList tags={user.interestTags} />
      {children}
    </section>
  );
}
