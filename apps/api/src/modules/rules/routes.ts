// GET /rules: the product rules' numbers a member meets (the fee, the deposit cap, the minimum
// withdrawal, the quick-sell conditions, the timings of orders, offers, after-sale and reviews),
// live from the operator settings (admin/settings.ts), so the web shows the market's own rules
// instead of the defaults. Public and cacheable: nothing here is about a member, and the limits
// that guard against abuse (sign-in, registration, scam-shield, professional-seller thresholds)
// are left out.
import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Config } from '../../config.ts';
import { jsonContent, newRouter } from '../../lib/http.ts';

/** The settings a member sees, with what each means (the OpenAPI description). */
const PUBLIC_RULES = {
  feeBps: 'Service fee on a sale, in basis points of the order total (60 = 0.6%)',
  quickSellMinAccountDays: 'Account age in days before a member may quick-sell (or an operator vouches)',
  quickSellPriceCap: 'Highest quick-sell price, in fen',
  paymentExpiryMinutes: 'An unpaid order is cancelled after this many minutes',
  autoConfirmShippingDays: 'A shipped order confirms itself this many days after shipment',
  autoConfirmOnlineDays: 'An online delivery confirms itself this many days after delivery',
  offersPerDay: 'Offers a buyer may make on one item a day',
  offerValidHours: 'An accepted offer’s price holds this many hours',
  depositMaxPercent: 'Largest reservation deposit, in % of the order total',
  reservationHours: 'A paid reservation holds the item this many hours',
  noShowContestHours: 'The buyer’s time to contest a seller’s no-show claim, in hours',
  afterSaleDays: 'Days after completion an after-sale case may be opened',
  caseSellerAnswerHours: 'The seller’s time to answer an after-sale case, in hours',
  caseBuyerReturnDays: 'The buyer’s time to send an item back, in days',
  caseSellerReceiptDays: 'The seller’s time to confirm a return, in days',
  caseEscalationDays: 'The buyer’s time to take a rejected case to the jury, in days',
  jurySize: 'Jurors drawn for a case',
  juryVoteHours: 'A juror’s time to vote, in hours',
  reviewWindowDays: 'Days after completion a review may be written',
  minWithdrawal: 'Smallest withdrawal, in fen',
} as const satisfies Partial<Record<keyof Config, string>>;

export type PublicRuleKey = keyof typeof PUBLIC_RULES;
const KEYS = Object.keys(PUBLIC_RULES) as PublicRuleKey[];

export const Rules = z
  .object(Object.fromEntries(KEYS.map((k) => [k, z.number().int().openapi({ description: PUBLIC_RULES[k] })])) as Record<PublicRuleKey, z.ZodNumber>)
  .openapi('Rules');

/** The rules as the process runs them now (its Config is live over the settings table). */
export const publicRules = (config: Config): Record<PublicRuleKey, number> =>
  Object.fromEntries(KEYS.map((k) => [k, config[k]])) as Record<PublicRuleKey, number>;

/** Browsers and proxies may keep the rules a short while; an operator's change shows within it. */
const CACHE = 'public, max-age=30';

export function rulesRoutes() {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'get', path: '/rules', tags: ['rules'],
      summary: 'The market’s rules a member meets: fee, deposit cap, minimum withdrawal, timings (public, cacheable)',
      responses: { 200: jsonContent(Rules, 'The live values of the operator settings'), 304: { description: 'Unchanged since the ETag sent' } },
    }),
    (c) => {
      const rules = publicRules(c.get('deps').config);
      const etag = `"${createHash('sha1').update(JSON.stringify(rules)).digest('base64url').slice(0, 16)}"`;
      c.header('cache-control', CACHE);
      c.header('etag', etag);
      if (c.req.header('if-none-match') === etag) return c.body(null, 304);
      return c.json(rules, 200);
    },
  );
  return r;
}
