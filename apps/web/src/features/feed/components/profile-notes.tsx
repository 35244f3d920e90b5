// A profile's 笔记 / 在售 / 收藏 tabs. Collects are private to their owner: anyone else sees a
// lock.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api.ts';
import { ButtonLink } from '../../../ui/button.tsx';
import { LockIcon } from '../../../ui/icons.tsx';
import { ProfileItems } from '../../items/components/profile-items.tsx';
import { Tabs } from '../../../ui/tabs.tsx';
import { userCollectsList, userNotesList } from '../api.ts';
import { CardFeed } from './card-feed.tsx';

type Tab = 'notes' | 'items' | 'collects';

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
  const raw = params.get('tab');
  const tab: Tab = raw === 'collects' || raw === 'items' ? raw : 'notes';
  return (
    <section className="profile-notes">
      <Tabs
        label={t('profileNotes.label')}
        options={[
          { key: 'notes', label: t('profileNotes.notes') },
          { key: 'items', label: t('profileNotes.items') },
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
      ) : tab === 'items' ? (
        <ProfileItems userId={userId} self={self} />
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
