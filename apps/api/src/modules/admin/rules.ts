// The product rules' numbers that config.ts reads from the environment as defaults for the
// operator settings (settings.ts), declared once: the variable, its default and its bounds.
// Every one is live — code reads it from `deps.config` at the moment it applies the rule.
//
// A timing that is written on a row when it starts (an order's payment deadline and
// auto-confirm date, a case's step deadline, a juror's vote deadline, an accepted offer's
// validity) keeps the value it was created with: a change applies to what starts afterwards.
// This module imports nothing at run time, so config.ts may import it.

export type RuleUnit = 'days' | 'hours' | 'minutes' | 'fen' | 'bps' | 'percent' | 'count' | 'points' | 'per_hour' | 'per_day';
export type RuleDef = { env: string; default: number; min: number; max: number; unit: RuleUnit };

export const ENV_RULES = {
  // Orders
  paymentExpiryMinutes: { env: 'PAYMENT_EXPIRY_MINUTES', default: 15, min: 1, max: 1440, unit: 'minutes' },
  autoConfirmShippingDays: { env: 'AUTO_CONFIRM_SHIPPING_DAYS', default: 10, min: 1, max: 90, unit: 'days' },
  autoConfirmOnlineDays: { env: 'AUTO_CONFIRM_ONLINE_DAYS', default: 3, min: 1, max: 90, unit: 'days' },
  pickupCodeTries: { env: 'PICKUP_CODE_TRIES', default: 5, min: 1, max: 100, unit: 'count' },
  pickupCodeLockMinutes: { env: 'PICKUP_CODE_LOCK_MINUTES', default: 15, min: 1, max: 1440, unit: 'minutes' },
  offersPerDay: { env: 'OFFERS_PER_DAY', default: 3, min: 1, max: 100, unit: 'per_day' },
  offerValidHours: { env: 'OFFER_VALID_HOURS', default: 24, min: 1, max: 720, unit: 'hours' },
  // Reservation deposit (定金托管)
  depositMaxPercent: { env: 'DEPOSIT_MAX_PERCENT', default: 30, min: 1, max: 100, unit: 'percent' },
  // The buyer's time to contest a seller's no-show claim (written on the order as contest_until).
  noShowContestHours: { env: 'NO_SHOW_CONTEST_HOURS', default: 24, min: 1, max: 720, unit: 'hours' },
  // After-sale and jury
  caseSellerAnswerHours: { env: 'CASE_SELLER_ANSWER_HOURS', default: 48, min: 1, max: 720, unit: 'hours' },
  caseBuyerReturnDays: { env: 'CASE_BUYER_RETURN_DAYS', default: 7, min: 1, max: 60, unit: 'days' },
  caseSellerReceiptDays: { env: 'CASE_SELLER_RECEIPT_DAYS', default: 10, min: 1, max: 60, unit: 'days' },
  caseEscalationDays: { env: 'CASE_ESCALATION_DAYS', default: 3, min: 1, max: 60, unit: 'days' },
  juryVoteHours: { env: 'JURY_VOTE_HOURS', default: 48, min: 1, max: 720, unit: 'hours' },
  // Trust and safety
  reviewWindowDays: { env: 'REVIEW_WINDOW_DAYS', default: 15, min: 1, max: 365, unit: 'days' },
  repeatOffenderFlagsPerDay: { env: 'REPEAT_OFFENDER_FLAGS_PER_DAY', default: 5, min: 0, max: 1000, unit: 'per_day' },
  proSellerListingsPerDay: { env: 'PRO_SELLER_LISTINGS_PER_DAY', default: 3, min: 0, max: 1000, unit: 'per_day' },
  coldMessages: { env: 'COLD_MESSAGES', default: 1, min: 0, max: 100, unit: 'count' },
  // Wallet
  minWithdrawal: { env: 'MIN_WITHDRAWAL', default: 100, min: 1, max: 10_000_000, unit: 'fen' },
} as const satisfies Record<string, RuleDef>;

export type EnvRuleKey = keyof typeof ENV_RULES;
export const ENV_RULE_KEYS = Object.keys(ENV_RULES) as EnvRuleKey[];
export type RuleConfig = Record<EnvRuleKey, number>;

/** The environment's values (already parsed and checked by config.ts), or the defaults. */
export function ruleValues(env: Record<string, unknown>): RuleConfig {
  return Object.fromEntries(
    ENV_RULE_KEYS.map((k) => {
      const v = env[ENV_RULES[k].env];
      return [k, typeof v === 'number' ? v : ENV_RULES[k].default];
    }),
  ) as RuleConfig;
}
