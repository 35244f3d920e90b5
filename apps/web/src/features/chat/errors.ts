// Chat failures in words. Chat codes first; trade codes (offers, photos) and the rest fall back
// to the shared helpers. Switches on the server's stable `code`, never on `detail`.
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api.ts';
import { formatTime, formatWait } from '../../lib/format.ts';
import { describeTradeError } from '../../lib/errors.ts';

const CHAT_CODES = [
  'cold_message_limit',
  'blocked',
  'you_blocked',
  'cannot_message_self',
  'no_item',
  'item_not_in_conversation',
  'invalid_media',
  'already_reported',
] as const;
type ChatCode = (typeof CHAT_CODES)[number];
const isChatCode = (c: string): c is ChatCode => (CHAT_CODES as readonly string[]).includes(c);

export function describeChatError(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError)) return describeTradeError(t, err);
  if (err.code === 'sending_limited') {
    const wait = err.retryAfter ?? 3600;
    return t('chat.errors.sending_limited', {
      when: formatWait(wait),
      time: formatTime(new Date(Date.now() + wait * 1000)),
    });
  }
  if (err.code === 'not_found') return t('chat.errors.not_found');
  return isChatCode(err.code) ? t(`chat.errors.${err.code}`) : describeTradeError(t, err);
}

/** Failures worth a Retry button: the same send may work a moment later. */
export const isRetryable = (err: unknown) =>
  err instanceof ApiError &&
  (err.code === 'network_error' || err.code === 'sending_limited' || err.code === 'rate_limited' || err.status >= 500);
