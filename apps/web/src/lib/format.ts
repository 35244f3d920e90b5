// Locale-aware formatting for dates and waits, following the current UI language.
import { currentLanguage } from '../i18n/index.ts';

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
