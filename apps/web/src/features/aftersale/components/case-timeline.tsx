// Every step of the case, newest first, with who took it.
import { useTranslation } from 'react-i18next';
import { dateTime as when } from '../../../lib/format.ts';
import type { AfterSaleCase } from '../api.ts';

const KNOWN = ['opened', 'accepted', 'rejected', 'return_shipped', 'received', 'escalated', 'referred', 'decided', 'withdrawn', 'lapsed', 'refunded', 'released', 'jurors_replaced'] as const;
type Known = (typeof KNOWN)[number];
const isKnown = (s: string): s is Known => (KNOWN as readonly string[]).includes(s);

export function CaseTimeline({ c }: { c: AfterSaleCase }) {
  const { t } = useTranslation();
  const events = [...c.events].reverse();
  return (
    <section className="card" aria-labelledby="case-timeline-title">
      <h2 className="card-title" id="case-timeline-title">
        {t('aftersale.timeline')}
      </h2>
      <ol className="timeline" data-testid="case-timeline">
        {events.map((e, i) => (
          <li key={`${e.type}-${e.at}`} className={i === 0 ? 'timeline-now' : ''} data-event={e.type}>
            <span className="timeline-dot" aria-hidden="true" />
            <span className="timeline-what">
              {isKnown(e.type) ? t(`aftersale.events.${e.type}`) : e.type}
              {e.verdict && ` · ${t(`jury.outcome.${e.verdict}`)}`}
              <span className="muted"> · {t(`aftersale.by.${e.by}`)}</span>
            </span>
            <time className="timeline-when" dateTime={e.at}>
              {when(e.at)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
