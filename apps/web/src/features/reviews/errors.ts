// Review codes in words; everything else falls back to the app-wide describeError.
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';

const CODES = ['already_reviewed', 'review_window_closed', 'already_replied', 'invalid_state'] as const;
type Code = (typeof CODES)[number];
const isCode = (c: string): c is Code => (CODES as readonly string[]).includes(c);

export function describeReviewError(t: TFunction, err: unknown): string {
  if (err instanceof ApiError && isCode(err.code)) return t(`reviews.errors.${err.code}`);
  return describeError(t, err);
}
