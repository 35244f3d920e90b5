// Item vocabulary in words (labels from the shared taxonomy in the current UI language), and
// the money helpers of money.ts for the pages that need both.
import { CATEGORIES, CONDITIONS, DELIVERY_METHODS } from '@jishi/shared';
import { currentLanguage } from '../../i18n/index.ts';

export { priceLabel, signedYuan, yuan } from './money.ts';

const label = (list: readonly { key: string; labels: { 'zh-CN': string; en: string } }[], key: string | null) =>
  key ? (list.find((x) => x.key === key)?.labels[currentLanguage()] ?? key) : '';

export const categoryName = (key: string) => label(CATEGORIES, key);
export const conditionName = (key: string | null) => label(CONDITIONS, key);
export const deliveryName = (key: string) => label(DELIVERY_METHODS, key);

/** What a member types ("49", "49.5", "¥49") → fen, or null. */
export { parseYuan, fenToYuanInput } from '@jishi/shared';

/** "11月21日 21:09" / "Nov 21, 09:09 PM" in the UI language. */
export const dateTime = (iso: string) =>
  new Intl.DateTimeFormat(currentLanguage(), {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
