// A card of dated steps, newest first, each with who took it: an order's events, an after-sale
// case's steps. The caller says each step in words; this draws the list.
import type { ReactNode } from 'react';
import { dateTime } from '../lib/format.ts';

export type TimelineStep = { type: string; at: string; what: ReactNode; by: string };

/** `steps` oldest first, as the API lists them; shown newest first. */
export function TimelineCard({ title, id, testId, steps }: { title: string; id: string; testId: string; steps: TimelineStep[] }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 className="card-title" id={id}>
        {title}
      </h2>
      <ol className="timeline" data-testid={testId}>
        {[...steps].reverse().map((s, i) => (
          <li key={`${s.type}-${s.at}`} className={i === 0 ? 'timeline-now' : ''} data-event={s.type}>
            <span className="timeline-dot" aria-hidden="true" />
            <span className="timeline-what">
              {s.what}
              <span className="muted"> · {s.by}</span>
            </span>
            <time className="timeline-when" dateTime={s.at}>
              {dateTime(s.at)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
