// Locale-aware formatting, following the current UI language: dates and waits, the item
// vocabulary in words (labels from the shared taxonomy), and the money helpers of money.ts.
import { CATEGORIES, CONDITIONS, DELIVERY_METHODS } from '@jishi/shared';
import { currentLanguage } from '../i18n/index.ts';

export { priceLabel, shortYuan, signedYuan, yuan } from './money.ts';
/** What a member types ("49", "49.5", "¥49") → fen, or null. */
export { parseYuan, fenToYuanInput } from '@jishi/shared';

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(currentLanguage(), { year: 'numeric', month: 'long', day: 'numeric' }).format(
    new Date(iso),
  );
}

/** "06:04" today; "11月23日 06:04" on another day, so a deadline tomorrow never reads as today. */
export function formatTime(date: Date): string {
  const today = new Date().toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(currentLanguage(), {
    ...(today ? {} : { month: 'short', day: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** "15 分钟后" / "in 15 minutes" for a wait in seconds. */
export function formatWait(seconds: number): string {
  const rtf = new Intl.RelativeTimeFormat(currentLanguage(), { numeric: 'auto' });
  if (seconds < 60) return rtf.format(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return rtf.format(Math.ceil(seconds / 60), 'minute');
  return rtf.format(Math.ceil(seconds / 3600), 'hour');
}

/** "11月21日 21:09" / "Nov 21, 09:09 PM" in the UI language. */
export const dateTime = (iso: string) =>
  new Intl.DateTimeFormat(currentLanguage(), {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

const label = (list: readonly { key: string; labels: { 'zh-CN': string; en: string } }[], key: string | null) =>
  key ? (list.find((x) => x.key === key)?.labels[currentLanguage()] ?? key) : '';

export const categoryName = (key: string) => label(CATEGORIES, key);
export const conditionName = (key: string | null) => label(CONDITIONS, key);
export const deliveryName = (key: string) => label(DELIVERY_METHODS, key);
