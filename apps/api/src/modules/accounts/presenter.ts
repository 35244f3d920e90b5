import type { Config } from '../../config.ts';
import type { Clock } from '../../lib/clock.ts';
import { DAY_MS } from '../../lib/clock.ts';
import type { Secrets } from '../../lib/secrets.ts';
import { mediaUrl } from '../media/presenter.ts';
import { maskName } from './id-number.ts';
import type { UserRow } from './repo.ts';

export type QuickSellUnmet = 'account_age' | 'verification';

/**
 * SPEC C3: account age ≥ N days and real-name verified. No deposit, no review. An operator may
 * vouch for a member (issue 15 item 10: a campus or neighbourhood group that knows its members):
 * the vouch stands in for the account age, never for the verification. `path` says what made an
 * eligible member eligible: their account's age, or — while it is not yet met — the vouch.
 */
export function quickSellEligibility(u: Pick<UserRow, 'createdAt' | 'verifiedAt'> & { vouchedAt?: Date | null }, config: Config, clock: Clock) {
  const eligibleAt = new Date(u.createdAt.getTime() + config.quickSellMinAccountDays * DAY_MS);
  const ageMet = eligibleAt <= clock.now();
  const vouched = u.vouchedAt != null;
  const unmet: QuickSellUnmet[] = [];
  if (!ageMet && !vouched) unmet.push('account_age');
  if (!u.verifiedAt) unmet.push('verification');
  const eligible = unmet.length === 0;
  const path: 'account_age' | 'vouched' | null = !eligible ? null : ageMet ? 'account_age' : 'vouched';
  return { eligible, unmet, eligibleAt: eligibleAt.toISOString(), vouched, path };
}

export function presentMe(u: UserRow, deps: { config: Config; clock: Clock; secrets: Secrets }) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    avatarUrl: u.avatarId ? mediaUrl(u.avatarId, 'avatar') : null,
    bio: u.bio,
    city: u.city,
    interestTags: u.interestTags,
    role: u.role as 'member' | 'moderator' | 'admin',
    createdAt: u.createdAt.toISOString(),
    verified: u.verifiedAt !== null,
    verification:
      u.verifiedAt && u.idNumberMasked && u.realNameEnc
        ? { realName: maskName(deps.secrets.decrypt(u.realNameEnc)), idNumber: u.idNumberMasked }
        : null,
    quickSell: quickSellEligibility(u, deps.config, deps.clock),
  };
}

export function presentPublicUser<E extends { creditScore: number; ratingAverage: number | null; ratingCount: number }>(
  u: UserRow,
  extra: E,
) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    avatarUrl: u.avatarId ? mediaUrl(u.avatarId, 'avatar') : null,
    bio: u.bio,
    city: u.city,
    interestTags: u.interestTags,
    createdAt: u.createdAt.toISOString(),
    verified: u.verifiedAt !== null,
    ...extra,
  };
}

/** A member as lists show them (note authors, chat peers, offer buyers, notification actors). */
export function presentUserCard(a: { id: string; displayName: string; avatarId: string | null }) {
  return { id: a.id, displayName: a.displayName, avatarUrl: a.avatarId ? mediaUrl(a.avatarId, 'avatar') : null };
}
