// A seller's record on their profile: items sold, response rate (answered within 24 h) and the
// median time to the first reply, over the last 90 days of chat (GET /users/:id/seller-stats).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSellerStats } from '../api.ts';

export function replyTime(t: TFunction, seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return t('engage.stats.underMinute');
  if (seconds < 3600) return t('engage.stats.minutes', { count: Math.round(seconds / 60) });
  if (seconds < 86_400) return t('engage.stats.hours', { count: Math.round(seconds / 3600) });
  return t('engage.stats.days', { count: Math.round(seconds / 86_400) });
}

export function SellerStatsCard({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const stats = useSellerStats(userId).data;
  if (!stats) return null;
  const rate = stats.responseRate === null ? '—' : `${Math.round(stats.responseRate * 100)}%`;
  return (
    <section className="card stats seller-stats" aria-label={t('engage.stats.title')} data-testid="seller-stats">
      <div className="stat">
        <span className="stat-value" data-testid="stat-sold">{stats.itemsSold}</span>
        <span className="stat-label">{t('engage.stats.sold')}</span>
      </div>
      <div className="stat">
        <span className="stat-value" data-testid="stat-rate">{rate}</span>
        <span className="stat-label">{t('engage.stats.rate')}</span>
      </div>
      <div className="stat">
        <span className="stat-value" data-testid="stat-time">{replyTime(t, stats.medianResponseSeconds)}</span>
        <span className="stat-label">{t('engage.stats.time')}</span>
      </div>
    </section>
  );
}
