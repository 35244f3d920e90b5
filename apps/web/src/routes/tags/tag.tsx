// /tags/:tag — a #话题: its notes (masonry, newest first) and the items on sale in them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { tagNotesList, useTagItems } from '../../features/engagement/api.ts';
import { CardFeed } from '../../features/feed/components/card-feed.tsx';
import { itemCard } from '../../features/items/api.ts';
import { describeTradeError } from '../../lib/errors.ts';
import { ItemGrid } from '../../features/items/components/item-grid.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';
import { Tabs } from '../../ui/tabs.tsx';

type Tab = 'notes' | 'items';

export default function TagPage() {
  const { t } = useTranslation();
  const { tag = '' } = useParams();
  const [tab, setTab] = useState<Tab>('notes');
  return (
    <div className="tag-page">
      <PageHeader title={`#${tag}`} />
      <Tabs
        label={t('engage.tag.tabs')}
        value={tab}
        onChange={setTab}
        options={[
          { key: 'notes', label: t('engage.tag.notes') },
          { key: 'items', label: t('engage.tag.items') },
        ]}
      />
      {tab === 'notes' ? (
        <CardFeed list={tagNotesList(tag)} label={`#${tag}`} empty={<p>{t('engage.tag.noNotes')}</p>} />
      ) : (
        <TagItems tag={tag} />
      )}
    </div>
  );
}

function TagItems({ tag }: { tag: string }) {
  const { t } = useTranslation();
  const items = useTagItems(tag);
  if (items.isPending) return <Loading />;
  if (items.isError) return <ErrorState message={describeTradeError(t, items.error)} onRetry={() => void items.refetch()} />;
  const list = items.data.pages.flatMap((p) => p.items);
  if (list.length === 0) return <div className="empty"><p>{t('engage.tag.noItems')}</p></div>;
  return (
    <ItemGrid cards={list.map(itemCard)} pager={items} className="tag-items" testId="tag-items" />
  );
}
