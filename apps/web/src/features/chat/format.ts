// Chat in words: short times for the inbox and the history, and one-line previews of any
// message (cards summarised as [商品] title, [出价] ¥x, [订单] status, [图片]).
import { isAfterSaleEvent } from '../aftersale/order-events.ts';
import type { TFunction } from 'i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { priceLabel, yuan } from '../../lib/money.ts';
import type { Message } from './types.ts';

const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

const fmt = (opts: Intl.DateTimeFormatOptions, d: Date) => new Intl.DateTimeFormat(currentLanguage(), opts).format(d);

/** 14:05 today, 昨天 yesterday, 3月2日 this year, 2024/3/2 before. */
export function shortTime(t: TFunction, iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (sameDay(d, now)) return fmt({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, d);
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (sameDay(d, yesterday)) return t('chat.yesterday');
  if (d.getFullYear() === now.getFullYear()) return fmt({ month: 'short', day: 'numeric' }, d);
  return fmt({ year: 'numeric', month: 'numeric', day: 'numeric' }, d);
}

/** The time line between bubbles in a conversation: 今天 14:05 / 3月2日 14:05. */
export function dividerTime(t: TFunction, iso: string, now = new Date()): string {
  const d = new Date(iso);
  const clock = fmt({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, d);
  if (sameDay(d, now)) return clock;
  const day = shortTime(t, iso, now);
  return `${day} ${clock}`;
}

/** Order events and statuses in words. */
export function orderWords(t: TFunction, word: string | null | undefined): string {
  const known = [
    'placed',
    'paid',
    'shipped',
    'delivered',
    'completed',
    'auto_confirmed',
    'cancelled',
    'expired',
    'refunded',
    'pending_payment',
    'refunding',
  ];
  if (word && isAfterSaleEvent(word)) return t(`aftersale.orderEvents.${word}`);
  return word && known.includes(word) ? t(`chat.order.${word as 'paid'}`) : (word ?? '');
}

/** The one line an inbox row shows for the last message. */
export function previewOf(t: TFunction, m: Message | null): string {
  if (!m) return t('chat.inbox.noMessages');
  switch (m.kind) {
    case 'photo':
      return t('chat.preview.photo');
    case 'item':
      return t('chat.preview.item', { title: m.item?.title ?? t('chat.card.itemGone') });
    case 'offer':
      return t('chat.preview.offer', { price: m.offer ? yuan(m.offer.price) : '' });
    case 'order':
      return t('chat.preview.order', { status: orderWords(t, m.order?.event ?? m.order?.status) });
    default:
      return m.text ?? '';
  }
}

export const itemPrice = (t: TFunction, price: number) => priceLabel(price, t('chat.card.free'));
