// On the order page: the order's case (status, link), or 申请售后 while the buyer may open one.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format.ts';
import { ButtonLink } from '../../../ui/button.tsx';
import { ChevronIcon } from '../../../ui/icons.tsx';
import { useOrderAfterSale } from '../api.ts';

export function AfterSaleEntry({ orderId, status }: { orderId: string; status: string }) {
  const { t } = useTranslation();
  // 'reserved': a reservation's buyer contests the seller's no-show claim (定金托管).
  const relevant = ['reserved', 'shipped', 'delivered', 'completed', 'refunding', 'refunded'].includes(status);
  const info = useOrderAfterSale(orderId, relevant);
  if (!relevant || !info.data) return null;
  const { case: c, canOpen, openUntil } = info.data;
  return (
    <>
      {c && (
        <Link to={`/after-sales/${c.id}`} className="card list-row case-entry" data-testid="after-sale-link">
          <span>{t('aftersale.entryStatus', { status: t(`aftersale.status.${c.status}`) })}</span>
          <span className="list-value">{t('aftersale.view')}</span>
          <ChevronIcon size={16} className="list-chevron" />
        </Link>
      )}
      {canOpen && (
        <section className="card case-entry" data-testid="after-sale-entry">
          <p className="muted small">{openUntil ? t('aftersale.entryUntil', { date: formatDate(openUntil) }) : t('aftersale.entryHint')}</p>
          <ButtonLink to={`/orders/${orderId}/after-sale`} variant="secondary" block>
            {t('aftersale.apply')}
          </ButtonLink>
        </section>
      )}
    </>
  );
}
