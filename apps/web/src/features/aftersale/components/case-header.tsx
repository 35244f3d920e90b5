// The head of a case page: where it stands, what happens next for this viewer, and the clock.
import { useTranslation } from 'react-i18next';
import type { AfterSaleCase } from '../api.ts';
import { timeLeft, useNow } from '../format.ts';

const CLOCKED = ['open', 'awaiting_return', 'returning', 'rejected', 'in_jury'] as const;
type Clocked = (typeof CLOCKED)[number];
const isClocked = (s: string): s is Clocked => (CLOCKED as readonly string[]).includes(s);

function subKey(c: AfterSaleCase) {
  const side = c.viewer === 'seller' ? 'seller' : 'buyer';
  switch (c.status) {
    case 'open':
    case 'awaiting_return':
    case 'returning':
    case 'rejected':
      return `aftersale.sub.${c.status}_${side}` as const;
    default:
      return `aftersale.sub.${c.status}` as const;
  }
}

export function CaseHeader({ c }: { c: AfterSaleCase }) {
  const { t } = useTranslation();
  const clocked = isClocked(c.status) && c.deadlineAt !== null;
  const now = useNow(clocked);
  const left = timeLeft(t, c.deadlineAt, now);
  return (
    <section className={`order-status case-status case-status-${c.status}`} data-testid="case-status" data-status={c.status}>
      <h1 className="order-status-title">{t(`aftersale.status.${c.status}`)}</h1>
      <p className="order-status-body">{t(subKey(c))}</p>
      {clocked && isClocked(c.status) && left && (
        <p className="case-countdown" role="timer" data-testid="case-countdown">
          {t(`aftersale.deadline.${c.status}`, { left })}
        </p>
      )}
    </section>
  );
}
