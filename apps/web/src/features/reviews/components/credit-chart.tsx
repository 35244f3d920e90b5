// The credit score's history as a small line chart: plain SVG, no chart library in the member
// pages' bundle. Steps rather than slopes: the score holds until the next change.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';

const W = 320;
const H = 120;
const PAD = 8;

type Point = { score: number; at: string };

export function CreditChart({ history }: { history: Point[] }) {
  const { t } = useTranslation();
  const first = history[0];
  const last = history[history.length - 1];
  if (!first || !last) return <p className="muted small">{t('credit.historyEmpty')}</p>;
  // One change so far: draw it as a level line up to today.
  const points: Point[] = history.length === 1 ? [first, { score: first.score, at: new Date().toISOString() }] : history;
  const at = (p: Point) => new Date(p.at).getTime();
  const t0 = Math.min(...points.map(at));
  const t1 = Math.max(...points.map(at), t0 + 1);
  const scores = points.map((p) => p.score);
  const lo = Math.max(0, Math.min(...scores) - 50);
  const hi = Math.min(1000, Math.max(...scores) + 50);
  const x = (ms: number) => PAD + ((ms - t0) / (t1 - t0)) * (W - 2 * PAD);
  const y = (s: number) => H - PAD - ((s - lo) / Math.max(1, hi - lo)) * (H - 2 * PAD);
  const d = points.map((p, i) => (i === 0 ? `M${x(at(p))},${y(p.score)}` : `H${x(at(p))} V${y(p.score)}`)).join(' ');
  return (
    <figure className="credit-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('credit.chartLabel', { score: last.score })} data-testid="credit-chart">
        {lo <= 700 && hi >= 700 && <line x1={PAD} x2={W - PAD} y1={y(700)} y2={y(700)} className="credit-chart-threshold" />}
        <path d={d} className="credit-chart-line" />
        {history.map((p) => (
          <circle key={p.at} cx={x(at(p))} cy={y(p.score)} r={3} className="credit-chart-dot" />
        ))}
      </svg>
      <figcaption className="muted small credit-chart-axis">
        <span>{formatDate(first.at)}</span>
        <span>{formatDate(last.at)}</span>
      </figcaption>
    </figure>
  );
}
