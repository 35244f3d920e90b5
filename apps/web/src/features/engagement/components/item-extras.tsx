// What an item page adds for Xianyu members: views and 想要 counts, the note it came from,
// share and report, and 更多来自这位卖家.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ReportSheet, type ReportTarget } from '../../chat/components/report-sheet.tsx';
import { ItemCardTile } from '../../notes/components/item-card.tsx';
import type { ItemCard } from '../../notes/types.ts';
import type { Item } from '../../items/api.ts';
import { ChevronIcon } from '../../../ui/icons.tsx';
import { useMoreFromSeller } from '../api.ts';
import { ShareButton } from './share-button.tsx';

const asCard = (item: Item): ItemCard => ({
  ...item,
  coverUrl: item.images[0]?.url ?? null,
  coverThumbUrl: item.images[0]?.thumbUrl ?? null,
});

/** 浏览 · 想要, the note link, 分享 and (for others) 举报. */
export function ItemEngagement({ item, canReport }: { item: Item; canReport: boolean }) {
  const { t } = useTranslation();
  const [reporting, setReporting] = useState<ReportTarget | null>(null);
  return (
    <section className="card item-engage" data-testid="item-engage">
      <p className="item-engage-counts">
        <span data-testid="item-views">{t('engage.views', { count: item.viewCount ?? 0 })}</span>
        <span data-testid="item-wants">{t('engage.wants', { count: item.collectCount ?? 0 })}</span>
      </p>
      {item.noteId && (
        <Link to={`/notes/${item.noteId}`} className="item-note-link" data-testid="item-note-link">
          {t('engage.seeNote')}
          <ChevronIcon size={14} />
        </Link>
      )}
      <div className="item-engage-actions">
        <ShareButton path={`/items/${item.id}`} className="btn btn-secondary btn-small" label={t('engage.share')} />
        {canReport && (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            data-testid="item-report"
            onClick={() => setReporting({ targetType: 'item', targetId: item.id })}
          >
            {t('engage.report')}
          </button>
        )}
      </div>
      {canReport && <ReportSheet target={reporting} onClose={() => setReporting(null)} />}
    </section>
  );
}

export function MoreFromSeller({ item }: { item: Item }) {
  const { t } = useTranslation();
  const more = useMoreFromSeller(item.sellerId, item.id);
  if (!more.data?.length) return null;
  return (
    <section className="card more-from-seller" aria-labelledby="more-from-seller" data-testid="more-from-seller">
      <h2 className="card-title" id="more-from-seller">
        {t('engage.moreFromSeller')}
      </h2>
      <ul className="stall-grid">
        {more.data.map((i) => (
          <li key={i.id}>
            <ItemCardTile card={asCard(i)} />
          </li>
        ))}
      </ul>
      <Link to={`/u/${item.sellerId}`} className="more-from-seller-all">
        {t('engage.allFromSeller')}
        <ChevronIcon size={14} />
      </Link>
    </section>
  );
}
