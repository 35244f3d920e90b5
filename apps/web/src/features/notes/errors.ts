// The community codes in words, and the note form's field errors. Anything else falls back to
// the trade and app-wide messages. Pages switch on `code`, never on `detail`.
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api.ts';
import { formatTime, formatWait } from '../../lib/format.ts';
import { describeTradeError } from '../../lib/errors.ts';

const CODES = [
  'items_unavailable',
  'too_many_tags',
  'not_author',
  'cannot_follow_self',
  'comment_deleted',
  'invalid_parent',
  'collects_private',
  'unsupported_tab',
  'not_item_owner',
  'stall_closed',
  'stall_rule_broken',
  'too_many_pinned',
  'not_a_stall',
  'not_top_level',
] as const;
type Code = (typeof CODES)[number];
const isCode = (c: string): c is Code => (CODES as readonly string[]).includes(c);

export function describeCommunityError(t: TFunction, err: unknown): string {
  // Too many posts that looked like lures (the chat rule, counted across chat, notes and comments).
  if (err instanceof ApiError && err.code === 'sending_limited') {
    const wait = err.retryAfter ?? 3600;
    return t('communityErrors.sending_limited', { when: formatWait(wait), time: formatTime(new Date(Date.now() + wait * 1000)) });
  }
  if (err instanceof ApiError && isCode(err.code)) return t(`communityErrors.${err.code}`);
  return describeTradeError(t, err);
}

export const NOTE_FIELDS = ['imageIds', 'title', 'body', 'tags', 'location', 'itemIds', 'kind'] as const;
export type NoteField = (typeof NOTE_FIELDS)[number];
export type NoteFieldErrors = Partial<Record<NoteField, string>>;

/**
 * The API's refusal of a note, field by field (`errors[].path` such as `imageIds.2`), with a
 * form-level message when nothing lands on a field.
 */
export function noteFormErrors(t: TFunction, err: unknown): { fields: NoteFieldErrors; form: string | null } {
  if (!(err instanceof ApiError)) return { fields: {}, form: describeCommunityError(t, err) };
  const fields: NoteFieldErrors = {};
  for (const fe of err.fieldErrors) {
    const root = fe.path.split('.')[0] as NoteField;
    if (!NOTE_FIELDS.includes(root) || fields[root]) continue;
    if (err.code === 'too_many_tags' || err.code === 'items_unavailable' || err.code === 'invalid_media') {
      fields[root] = describeCommunityError(t, err);
    } else {
      fields[root] = t(`noteForm.errors.server.${root}`);
    }
  }
  if (Object.keys(fields).length > 0) return { fields, form: t('noteForm.errors.check') };
  if (err.status === 403 && err.code !== 'not_author') {
    // Attaching someone else's item: the only other 403 a note can meet.
    return { fields: { itemIds: t('noteForm.errors.server.itemIds') }, form: t('noteForm.errors.check') };
  }
  return { fields: {}, form: describeCommunityError(t, err) };
}
