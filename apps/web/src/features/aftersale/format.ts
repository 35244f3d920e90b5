// Case words: time left on a clock, and the case's error codes.
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { describeTradeError } from '../../lib/errors.ts';

/** "1 天 23 小时" / "5 小时 12 分" / "4 分 09 秒" until `iso`; null without a deadline. */
export function timeLeft(t: TFunction, iso: string | null, now: number): string | null {
  if (!iso) return null;
  const s = Math.floor((new Date(iso).getTime() - now) / 1000);
  if (s <= 0) return t('aftersale.left.over');
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return t('aftersale.left.days', { d, h });
  if (h > 0) return t('aftersale.left.hours', { h, m });
  return t('aftersale.left.minutes', { m, s: String(s % 60).padStart(2, '0') });
}

/** The current time, ticking every second while a deadline is shown. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

const CASE_CODES = ['case_open', 'case_closed', 'window_passed', 'invalid_amount', 'not_a_juror', 'already_voted', 'invalid_state', 'not_allowed'] as const;
type CaseCode = (typeof CASE_CODES)[number];
const isCaseCode = (c: string): c is CaseCode => (CASE_CODES as readonly string[]).includes(c);

export function describeCaseError(t: TFunction, err: unknown): string {
  if (err instanceof ApiError && isCaseCode(err.code)) return t(`aftersale.errors.${err.code}`);
  return describeTradeError(t, err);
}
