// The community half of a profile: following / followers / notes counts, and the 笔记 / 收藏
// tabs as masonry. Collects are private to their owner: anyone else sees a lock.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api.ts';
import { ButtonLink } from '../../../ui/button.tsx';
import { LockIcon } from '../../../ui/icons.tsx';
import { Tabs } from '../../../ui/tabs.tsx';
import { type CommunityUser, userCollectsList, userNotesList } from '../api.ts';
import { CardFeed } from './card-feed.tsx';

type Tab = 'notes' | 'collects';

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

function PrivateCollects() {
  const { t } = useTranslation();
  return (
    <div className="empty" data-testid="collects-private">
      <LockIcon size={28} />
      <p>{t('profileNotes.collectsPrivate')}</p>
    </div>
  );
}

export function ProfileNotes({ userId, self }: { userId: string; self: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'collects' ? 'collects' : 'notes';
  return (
    <section className="profile-notes">
      <Tabs
        label={t('profileNotes.label')}
        options={[
          { key: 'notes', label: t('profileNotes.notes') },
          { key: 'collects', label: t('profileNotes.collects') },
        ]}
        value={tab}
        onChange={(k) => setParams(k === 'notes' ? {} : { tab: k }, { replace: true })}
      />
      {tab === 'notes' ? (
        <CardFeed
          key="notes"
          list={userNotesList(userId)}
          label={t('profileNotes.notes')}
          empty={
            self ? (
              <>
                <p>{t('profileNotes.emptyMine')}</p>
                <ButtonLink to="/publish/note" className="btn-small">
                  {t('feed.firstNote')}
                </ButtonLink>
              </>
            ) : (
              <p>{t('profileNotes.empty')}</p>
            )
          }
        />
      ) : !self ? (
        <PrivateCollects />
      ) : (
        <CardFeed
          key="collects"
          list={userCollectsList(userId)}
          label={t('profileNotes.collects')}
          empty={<p>{t('profileNotes.emptyCollects')}</p>}
          onError={(err) => (err instanceof ApiError && err.code === 'collects_private' ? <PrivateCollects /> : null)}
        />
      )}
    </section>
  );
}
