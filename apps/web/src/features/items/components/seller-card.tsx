import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../../ui/avatar.tsx';
import { ChevronIcon } from '../../../ui/icons.tsx';
import type { Item } from '../api.ts';

/** Who sells it: avatar, name, credit score and reviews; taps through to the public profile. */
export function SellerCard({ seller }: { seller: Item['seller'] }) {
  const { t } = useTranslation();
  return (
    <Link to={`/u/${seller.id}`} className="card seller-card" data-testid="seller-card">
      <Avatar url={seller.avatarUrl} name={seller.displayName} size={44} />
      <span className="seller-names">
        <span className="seller-name">{seller.displayName}</span>
        <span className="muted small">
          {t('item.creditScore', { score: seller.creditScore })}
          {seller.ratingAverage !== null && seller.ratingCount > 0 && (
            <> · {t('reviews.summary', { avg: seller.ratingAverage.toFixed(1), count: seller.ratingCount })}</>
          )}
        </span>
      </span>
      <span className="seller-go">
        {t('item.seeSeller')}
        <ChevronIcon size={14} />
      </span>
    </Link>
  );
}
