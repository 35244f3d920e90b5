// What an online order delivered (issue 15), on the order page of its buyer and its seller:
// the code (copyable), the link, the message and the file images. Nobody else ever gets it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../lib/format.ts';
import type { Order } from '../api.ts';

export function DeliveredContent({ order }: { order: Order }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const c = order.deliveryContent;
  if (order.delivery !== 'online' || !['delivered', 'completed', 'refunding', 'refunded'].includes(order.status)) return null;
  const copy = (text: string) =>
    navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => undefined,
    );
  return (
    <section className="card delivered" aria-labelledby="delivered-title" data-testid="delivered-content">
      <h2 className="card-title" id="delivered-title">
        {t('fulfil.contentTitle')}
      </h2>
      {!c ? (
        <p className="muted small">{t('fulfil.none')}</p>
      ) : (
        <>
          {c.code && (
            <div className="delivered-code">
              <span className="muted small">{t('fulfil.code')}</span>
              <strong className="mono" data-testid="delivered-code">
                {c.code}
              </strong>
              <button type="button" className="btn btn-secondary btn-small" onClick={() => void copy(c.code ?? '')}>
                {copied ? t('fulfil.copied') : t('fulfil.copy')}
              </button>
            </div>
          )}
          {c.link && (
            <p className="delivered-link">
              <span className="muted small">{t('fulfil.link')}</span>{' '}
              <a href={c.link} target="_blank" rel="noopener noreferrer nofollow">
                {c.link}
              </a>
            </p>
          )}
          {c.message && <p className="delivered-message">{c.message}</p>}
          {c.photos.length > 0 && (
            <div className="delivered-photos">
              {c.photos.map((p, i) => (
                <a key={p.id} href={p.urls.detail} target="_blank" rel="noopener noreferrer">
                  <img src={p.urls.card} alt={t('fulfil.photoAlt', { n: i + 1 })} loading="lazy" />
                </a>
              ))}
            </div>
          )}
          <p className="muted small">
            {t('fulfil.deliveredAt', { time: formatTime(new Date(c.at)) })} ·{' '}
            {order.role === 'buyer' ? t('fulfil.onlyBuyer') : t('fulfil.onlySeller')}
          </p>
        </>
      )}
    </section>
  );
}
