// Quick-sell gate (SPEC C3): account age ≥ QUICKSELL_MIN_ACCOUNT_DAYS and real-name verified.
// No deposit, no shop, no listing review. Route middleware, so a member learns that they
// cannot sell (and exactly why) before being told how to fix a form.
import { createMiddleware } from 'hono/factory';
import { forbidden, notFound, unauthorized } from '../../lib/errors.ts';
import type { AppEnv, Deps } from '../../lib/http.ts';
import { quickSellEligibility } from '../accounts/presenter.ts';
import { findUserById } from '../accounts/index.ts';
import { assertNotRestricted } from '../admin/restrictions.ts';

export async function assertQuickSellEligible(deps: Deps, userId: string) {
  const u = await findUserById(deps.db, userId);
  if (!u) throw notFound('user');
  const e = quickSellEligibility(u, deps.config, deps.clock);
  if (e.eligible) return;
  const why = e.unmet
    .map((k) =>
      k === 'account_age'
        ? `your account must be ${deps.config.quickSellMinAccountDays} days old (on ${e.eligibleAt.slice(0, 10)})`
        : 'you must pass real-name verification',
    )
    .join(' and ');
  throw forbidden('quicksell_not_eligible', `To sell, ${why}.`, { unmet: e.unmet, eligibleAt: e.eligibleAt });
}

/** 401 before anything else on write routes: validation errors are for members. */
export const requireMember = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('user')) throw unauthorized();
  await next();
});

export const requireQuickSell = createMiddleware<AppEnv>(async (c, next) => {
  const u = c.get('user');
  if (!u) throw unauthorized();
  await assertQuickSellEligible(c.get('deps'), u.id);
  await assertNotRestricted(c.get('deps'), u.id, 'listing'); // 403 listing_restricted while a moderator's limit runs
  await next();
});
