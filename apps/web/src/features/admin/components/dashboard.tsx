// 数据看板: the market over time — GMV and fees, orders by step, members and listings, cases
// and scam-shield hits — from GET /admin/stats (computed in SQL), drawn with uPlot.
import { useMemo, useState } from 'react';
import { yuan } from '../../../lib/format.ts';
import { type StatsPoint, useStats } from '../api.ts';
import { useAdminT } from '../i18n.ts';
import { type Line, TimeChart } from './chart.tsx';
import { useDescribe } from './shared.tsx';
import { ErrorState, Loading } from '../../../ui/status.tsx';

const RANGES = {
  days30: { bucket: 'day', days: 29 },
  weeks12: { bucket: 'week', days: 7 * 11 },
  months12: { bucket: 'month', days: 334 },
} as const;
type Range = keyof typeof RANGES;

const COLORS = { red: '#ff2442', green: '#12a150', blue: '#3b82f6', amber: '#f59e0b', grey: '#8b8b8b' };

export function DashboardPage() {
  const at = useAdminT();
  const describe = useDescribe();
  const [range, setRange] = useState<Range>('days30');
  const query = useMemo(() => {
    const r = RANGES[range];
    const to = new Date();
    return { from: new Date(to.getTime() - r.days * 86_400_000).toISOString(), to: to.toISOString(), bucket: r.bucket };
  }, [range]);
  const q = useStats(query);
  const charts = useMemo(() => {
    const s: StatsPoint[] = q.data?.series ?? [];
    const col = (k: keyof Omit<StatsPoint, 'at'>) => s.map((p) => p[k]);
    const money = (k: 'gmv' | 'fees') => s.map((p) => p[k] / 100);
    const line = (label: string, values: number[], color: string, fill = false): Line => ({ label, values, color, fill });
    return {
      times: s.map((p) => Date.parse(p.at) / 1000),
      gmv: [line(at('dashboard.gmv'), money('gmv'), COLORS.red, true)],
      fees: [line(at('dashboard.fees'), money('fees'), COLORS.green, true)],
      orders: [line(at('dashboard.ordersPlaced'), col('orders'), COLORS.blue), line(at('dashboard.ordersCompleted'), col('ordersCompleted'), COLORS.green), line(at('dashboard.ordersCancelled'), col('ordersCancelled'), COLORS.grey)],
      members: [line(at('dashboard.activeMembers'), col('activeMembers'), COLORS.red), line(at('dashboard.newMembers'), col('newMembers'), COLORS.blue), line(at('dashboard.listings'), col('listings'), COLORS.amber)],
      cases: [line(at('dashboard.casesOpened'), col('cases'), COLORS.amber), line(at('dashboard.casesRefunded'), col('casesRefunded'), COLORS.red), line(at('dashboard.casesReleased'), col('casesReleased'), COLORS.green), line(at('dashboard.scamHits'), col('scamHits'), COLORS.grey)],
      totals: {
        gmv: s.reduce((a, p) => a + p.gmv, 0),
        fees: s.reduce((a, p) => a + p.fees, 0),
        orders: s.reduce((a, p) => a + p.orders, 0),
        newMembers: s.reduce((a, p) => a + p.newMembers, 0),
      },
    };
  }, [q.data, at]);
  return (
    <section aria-label={at('nav.dashboard')}>
      <div className="admin-toolbar admin-segment" role="tablist" aria-label={at('dashboard.range')}>
        {(Object.keys(RANGES) as Range[]).map((r) => (
          <button key={r} type="button" role="tab" aria-selected={r === range} className={r === range ? 'admin-chip admin-chip-on' : 'admin-chip'} onClick={() => setRange(r)}>
            {at(`dashboard.${r}`)}
          </button>
        ))}
      </div>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState message={describe(q.error)} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <div className="admin-tiles" data-testid="stat-tiles">
            <div className="card admin-tile"><span>{at('dashboard.gmv')}</span><strong>{yuan(charts.totals.gmv)}</strong></div>
            <div className="card admin-tile"><span>{at('dashboard.fees')}</span><strong>{yuan(charts.totals.fees)}</strong></div>
            <div className="card admin-tile"><span>{at('dashboard.orders')}</span><strong>{charts.totals.orders}</strong></div>
            <div className="card admin-tile"><span>{at('dashboard.newMembers')}</span><strong>{charts.totals.newMembers}</strong></div>
          </div>
          <div className="admin-charts">
            <TimeChart timeLabel={at('dashboard.time')} testId="chart-gmv" title={at('dashboard.gmv')} times={charts.times} lines={charts.gmv} />
            <TimeChart timeLabel={at('dashboard.time')} testId="chart-fees" title={at('dashboard.fees')} times={charts.times} lines={charts.fees} />
            <TimeChart timeLabel={at('dashboard.time')} testId="chart-orders" title={at('dashboard.orders')} times={charts.times} lines={charts.orders} />
            <TimeChart timeLabel={at('dashboard.time')} testId="chart-members" title={at('dashboard.members')} times={charts.times} lines={charts.members} />
            <TimeChart timeLabel={at('dashboard.time')} testId="chart-cases" title={at('dashboard.cases')} times={charts.times} lines={charts.cases} />
          </div>
        </>
      )}
    </section>
  );
}
