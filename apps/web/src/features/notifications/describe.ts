// An entry in words and where it leads: who (the first actor, "小王 等 3 人" for a group, or
// 集市 for the system), what happened (a text per kind, some by the status in `data`), a
// second line (the comment, the item, the reason) and the page of its subject.
import type { TFunction } from 'i18next';
import { formatTime } from '../../lib/format.ts';
import { yuan } from '../../lib/money.ts';
import type { Notification } from './api.ts';

export type Described = { who: string | null; what: string; detail: string | null; to: string | null };

/** Kinds whose text reads "<who> <what>"; the others are sentences of their own. */
const BY_SOMEONE = new Set(['comment', 'reply', 'like', 'collect', 'follow', 'offer_received', 'offer_answered']);

const pick = <T extends string>(value: unknown, known: readonly T[], fallback: T): T =>
  known.includes(value as T) ? (value as T) : fallback;

const priceOf = (n: Notification) => (typeof n.data.price === 'number' ? yuan(n.data.price) : '');
const moneyOf = (value: unknown) => (typeof value === 'number' ? yuan(value) : '');
const timeOf = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? formatTime(new Date(value)) : '');
const sideOf = (n: Notification) => (n.data.role === 'seller' ? 'seller' : 'buyer');

function what(t: TFunction, n: Notification): string {
  const status = n.data.status;
  switch (n.type) {
    case 'comment':
    case 'reply':
    case 'like':
    case 'collect':
    case 'follow':
    case 'order_paid':
    case 'order_shipped':
    case 'order_delivered':
    case 'aftersale_opened':
    case 'jury_duty':
    case 'wanted_match':
    case 'price_drop':
    case 'report_outcome':
    case 'hosting_handover':
      return t(`notifications.types.${n.type}`);
    case 'saved_search':
      // The alert job sums up what the saved search met since its last alert.
      return typeof n.data.count === 'number' && n.data.count > 1
        ? t('notifications.types.saved_search_many', { count: n.data.count, query: String(n.data.query ?? '') })
        : t('notifications.types.saved_search');
    case 'offer_received':
      return t('notifications.types.offer_received', { price: priceOf(n) });
    case 'offer_answered':
      return t(`notifications.types.offer_answered.${pick(status, ['accepted', 'declined', 'countered', 'withdrawn'] as const, 'other')}`, { price: priceOf(n) });
    case 'order_completed':
      return t(`notifications.types.order_completed.${n.data.auto ? 'auto' : n.data.role === 'seller' ? 'seller' : 'buyer'}`);
    case 'order_cancelled':
      return t(n.data.reason === 'expired' ? 'notifications.types.order_expired' : 'notifications.types.order_cancelled');
    case 'order_reserved':
      return t('notifications.types.order_reserved', { deposit: moneyOf(n.data.deposit), until: timeOf(n.data.reservedUntil) });
    case 'order_no_show':
      return t('notifications.types.order_no_show', { deadline: timeOf(n.data.contestUntil) });
    case 'order_reservation_expired':
      return t(`notifications.types.order_reservation_expired.${sideOf(n)}`);
    case 'order_deposit_settled':
      return t(`notifications.types.order_deposit_settled.${sideOf(n)}`, { amount: moneyOf(n.data.amount) });
    case 'aftersale_answered':
      return t(`notifications.types.aftersale_answered.${pick(status, ['awaiting_return', 'refunded', 'rejected', 'returning', 'withdrawn'] as const, 'other')}`);
    case 'aftersale_escalated':
      return t(`notifications.types.aftersale_escalated.${pick(status, ['in_jury', 'with_operator'] as const, 'other')}`);
    case 'moderation_notice': {
      const action = pick(n.data.action, ['hide', 'restore', 'warn', 'limit'] as const, 'other');
      const kind = t(`notifications.types.moderation_notice.${pick(n.data.kind, ['listing', 'messaging'] as const, 'listing')}`);
      const until = typeof n.data.until === 'string' ? n.data.until.slice(0, 10) : '';
      return t(`notifications.types.moderation_notice.${action}`, { kind, until });
    }
    case 'aftersale_decided':
      return t(`notifications.types.aftersale_decided.${pick(n.data.verdict, ['refund', 'release'] as const, 'other')}`);
    default:
      return t('notifications.types.unknown');
  }
}

function detail(t: TFunction, n: Notification): string | null {
  if (n.comment) return n.comment.excerpt ?? t('notifications.deletedComment');
  if ((n.type === 'order_cancelled' || n.type === 'moderation_notice') && typeof n.data.reason === 'string' && n.data.reason !== 'expired') {
    return t('notifications.reason', { reason: n.data.reason });
  }
  return n.item?.title ?? n.note?.title ?? null;
}

function linkOf(n: Notification): string | null {
  const first = n.actors[0];
  if (n.type === 'follow') return first ? `/u/${first.id}` : null;
  if (n.note) return `/notes/${n.note.id}`;
  if (n.type.startsWith('offer_')) return '/offers';
  if (n.caseId) return n.type === 'jury_duty' ? `/jury/${n.caseId}` : `/after-sales/${n.caseId}`;
  if (n.orderId) return `/orders/${n.orderId}`;
  if (n.type === 'hosting_handover' && typeof n.data.conversationId === 'string') return `/messages/${n.data.conversationId}`;
  if (n.item) return `/items/${n.item.id}`;
  return null;
}

export function describe(t: TFunction, n: Notification): Described {
  const first = n.actors[0];
  let who: string | null = null;
  if (BY_SOMEONE.has(n.type)) {
    const name = first?.displayName ?? t('notifications.system');
    who = n.count > 1 ? t('notifications.many', { name, count: n.count, others: n.count - 1 }) : name;
  }
  return { who, what: what(t, n), detail: detail(t, n), to: linkOf(n) };
}
