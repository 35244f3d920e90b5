// What the case is about, as every viewer sees it (a juror sees the same, with no names): the
// item, the request, both sides' words and evidence, the return, the jury, the decision.
import { useTranslation } from 'react-i18next';
import { yuan } from '../../../lib/format.ts';
import type { AfterSaleCase } from '../api.ts';
import { Evidence } from './evidence.tsx';

export function CaseFacts({ c }: { c: AfterSaleCase }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="card case-item">
        {c.order.coverUrl ? <img src={c.order.coverUrl} alt="" className="order-cover" /> : <span className="order-cover" />}
        <span className="order-item-text">
          <span className="order-item-title">{c.order.title}</span>
          <span className="muted small">{t(`aftersale.reasons.${c.reason}`)}</span>
          <span className="order-item-price">{yuan(c.order.total)}</span>
        </span>
      </section>

      <section className="card" data-testid="case-facts">
        <dl className="case-facts">
          <div>
            <dt>{t('aftersale.facts.reason')}</dt>
            <dd>{t(`aftersale.reasons.${c.reason}`)}</dd>
          </div>
          <div>
            <dt>{t('aftersale.facts.amount')}</dt>
            <dd data-testid="case-amount">{yuan(c.amount)}</dd>
          </div>
          <div>
            <dt>{t('aftersale.facts.returnItem')}</dt>
            <dd>{c.returnItem ? t('aftersale.facts.yes') : t('aftersale.facts.no')}</dd>
          </div>
        </dl>
        <h3 className="case-subtitle">{t('aftersale.buyerSays')}</h3>
        <p className="case-text" data-testid="case-description">
          {c.description}
        </p>
        <Evidence title={t('aftersale.buyerEvidence')} photos={c.evidence.buyer} testId="buyer-evidence" />
        {c.sellerResponse && (
          <>
            <h3 className="case-subtitle">{t('aftersale.sellerSays')}</h3>
            <p className="case-text" data-testid="seller-response">
              {c.sellerResponse}
            </p>
          </>
        )}
        <Evidence title={t('aftersale.sellerEvidence')} photos={c.evidence.seller} testId="seller-evidence" />
        {c.returnCarrier && (
          <p className="tracking">{t('aftersale.returnTracking', { carrier: c.returnCarrier, number: c.returnTrackingNumber ?? '' })}</p>
        )}
      </section>

      {(c.jury || c.verdict || c.refund) && (
        <section className="card case-outcome" data-testid="case-outcome">
          {c.jury && c.status === 'in_jury' && <p>{t('aftersale.juryProgress', c.jury)}</p>}
          {c.verdict && (c.decidedBy === 'jury' || c.decidedBy === 'operator') && (
            <>
              <p className="case-verdict" data-testid="case-verdict">
                {t(`aftersale.verdict.${c.verdict}`)}
              </p>
              <p className="muted small">{t(`aftersale.decidedBy.${c.decidedBy}`)}</p>
              {c.decisionReason && <p className="muted small">{t('aftersale.decisionReason', { reason: c.decisionReason })}</p>}
            </>
          )}
          {c.refund && (
            <p data-testid="case-refund">
              {t(`aftersale.refund.${c.refund.status}`, { amount: yuan(c.amount) })}
              {c.refund.advanced > 0 && <span className="muted small"> {t('aftersale.refund.advanced', { amount: yuan(c.refund.advanced) })}</span>}
            </p>
          )}
        </section>
      )}
    </>
  );
}
