// Every step of the case, newest first, with who took it.
import { useTranslation } from 'react-i18next';
import { TimelineCard } from '../../../ui/timeline.tsx';
import type { AfterSaleCase } from '../api.ts';

const KNOWN = ['opened', 'accepted', 'rejected', 'return_shipped', 'received', 'escalated', 'referred', 'decided', 'withdrawn', 'lapsed', 'refunded', 'released', 'jurors_replaced'] as const;
type Known = (typeof KNOWN)[number];
const isKnown = (s: string): s is Known => (KNOWN as readonly string[]).includes(s);

export function CaseTimeline({ c }: { c: AfterSaleCase }) {
  const { t } = useTranslation();
  const steps = c.events.map((e) => ({
    type: e.type,
    at: e.at,
    what: `${isKnown(e.type) ? t(`aftersale.events.${e.type}`) : e.type}${e.verdict ? ` · ${t(`jury.outcome.${e.verdict}`)}` : ''}`,
    by: t(`aftersale.by.${e.by}`),
  }));
  return <TimelineCard title={t('aftersale.timeline')} id="case-timeline-title" testId="case-timeline" steps={steps} />;
}
