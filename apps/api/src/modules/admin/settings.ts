// The product rules' numbers as operator settings (SPEC: "every rule that has a number is an
// operator setting"): the environment gives the defaults (config.ts), the `settings` table
// overrides them, and the console edits the table.
//
// How a change takes effect without a restart, in every process: `liveConfig(config, db)` is
// the Config the process runs on; each setting on it is a getter over a small cache of the
// table. Every API request first makes sure the cache is at most TTL_MS old (one indexed read
// of a tiny table, at most once per TTL_MS per process: `freshSettings` in app.ts); sweeps
// and other readers outside a request refresh it in the background when it is older. The
// process that writes a change reloads at once. Readers keep reading `deps.config.feeBps`
// and need no change.
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import type { Db, Executor } from '../../db/index.ts';
import { ENV_RULES, type EnvRuleKey, type RuleUnit } from './rules.ts';

export const TTL_MS = 2000;

type Group = 'quickSell' | 'orders' | 'deposit' | 'afterSale' | 'trust' | 'wallet' | 'accounts';
/**
 * `effect`: `now` — every check from now on uses the new value; `new` — the value is written on
 * what starts after the change (an order's fee, payment deadline and auto-confirm date, a case's
 * or a juror's deadline, an accepted offer's validity) and what is already running keeps its own.
 */
type Rule = { min: number; max: number; unit: RuleUnit; env: string; group: Group; effect: 'now' | 'new' };

const fromEnv = <K extends EnvRuleKey>(key: K, group: Group, effect: 'now' | 'new' = 'now') => {
  const r = ENV_RULES[key];
  return { min: r.min, max: r.max, unit: r.unit, env: r.env, group, effect } as const;
};

/** Every setting: its bounds (those of the environment, config.ts, or tighter where a larger value breaks something), unit and group. */
export const SETTING_RULES = {
  quickSellMinAccountDays: { min: 0, max: 3650, unit: 'days', env: 'QUICKSELL_MIN_ACCOUNT_DAYS', group: 'quickSell', effect: 'now' },
  quickSellPriceCap: { min: 0, max: 100_000_000, unit: 'fen', env: 'QUICKSELL_PRICE_CAP', group: 'quickSell', effect: 'now' },
  feeBps: { min: 0, max: 10_000, unit: 'bps', env: 'FEE_BPS', group: 'orders', effect: 'new' },
  paymentExpiryMinutes: fromEnv('paymentExpiryMinutes', 'orders', 'new'),
  autoConfirmShippingDays: fromEnv('autoConfirmShippingDays', 'orders', 'new'),
  autoConfirmOnlineDays: fromEnv('autoConfirmOnlineDays', 'orders', 'new'),
  pickupCodeTries: fromEnv('pickupCodeTries', 'orders'),
  pickupCodeLockMinutes: fromEnv('pickupCodeLockMinutes', 'orders'),
  offersPerDay: fromEnv('offersPerDay', 'orders'),
  offerValidHours: fromEnv('offerValidHours', 'orders', 'new'),
  reservationHours: { min: 1, max: 720, unit: 'hours', env: 'RESERVATION_HOURS', group: 'deposit', effect: 'new' },
  depositMaxPercent: fromEnv('depositMaxPercent', 'deposit'),
  noShowContestHours: fromEnv('noShowContestHours', 'deposit', 'new'),
  afterSaleDays: { min: 0, max: 365, unit: 'days', env: 'AFTER_SALE_DAYS', group: 'afterSale', effect: 'now' },
  caseSellerAnswerHours: fromEnv('caseSellerAnswerHours', 'afterSale', 'new'),
  caseBuyerReturnDays: fromEnv('caseBuyerReturnDays', 'afterSale', 'new'),
  caseSellerReceiptDays: fromEnv('caseSellerReceiptDays', 'afterSale', 'new'),
  caseEscalationDays: fromEnv('caseEscalationDays', 'afterSale', 'new'),
  jurySize: { min: 1, max: 99, unit: 'count', env: 'JURY_SIZE', group: 'afterSale', effect: 'new' },
  juryMinCredit: { min: 0, max: 1000, unit: 'points', env: 'JURY_MIN_CREDIT', group: 'afterSale', effect: 'now' },
  juryVoteHours: fromEnv('juryVoteHours', 'afterSale', 'new'),
  reviewWindowDays: fromEnv('reviewWindowDays', 'trust'),
  repeatOffenderFlagsPerDay: fromEnv('repeatOffenderFlagsPerDay', 'trust'),
  proSellerSalesPerYear: { min: 1, max: 100_000, unit: 'count', env: 'PRO_SELLER_SALES_PER_YEAR', group: 'trust', effect: 'now' },
  proSellerSalesTotalPerYear: { min: 1, max: 1_000_000_000, unit: 'fen', env: 'PRO_SELLER_SALES_TOTAL_PER_YEAR', group: 'trust', effect: 'now' },
  proSellerListingsPerDay: fromEnv('proSellerListingsPerDay', 'trust'),
  coldMessages: fromEnv('coldMessages', 'trust'),
  minWithdrawal: fromEnv('minWithdrawal', 'wallet'),
  registerPerIpPerHour: { min: 1, max: 1_000_000, unit: 'per_hour', env: 'REGISTER_PER_IP_PER_HOUR', group: 'accounts', effect: 'now' },
  loginMaxFailures: { min: 1, max: 1000, unit: 'count', env: 'LOGIN_MAX_FAILURES', group: 'accounts', effect: 'now' },
  loginLockMinutes: { min: 1, max: 1440, unit: 'minutes', env: 'LOGIN_LOCK_MINUTES', group: 'accounts', effect: 'now' },
  // Browsers cap a cookie's lifetime at 400 days (and Hono refuses to set a longer one).
  sessionDays: { min: 1, max: 400, unit: 'days', env: 'SESSION_DAYS', group: 'accounts', effect: 'new' },
} as const satisfies Record<string, Rule>;

export type SettingKey = keyof typeof SETTING_RULES;
export const SETTING_KEYS = Object.keys(SETTING_RULES) as SettingKey[];
export type SettingValues = Partial<Record<SettingKey, number>>;

type Store = {
  base: Config;
  db: Db;
  values: SettingValues;
  loadedAt: number;
  loading: Promise<void> | null;
  ttlMs: number;
};

const stores = new WeakMap<Config, Store>();

const isKey = (k: string): k is SettingKey => Object.hasOwn(SETTING_RULES, k);

/** A stored value still inside its bounds (a row written by hand is ignored when it is not). */
function acceptable(key: SettingKey, v: unknown): v is number {
  const r = SETTING_RULES[key];
  return typeof v === 'number' && Number.isInteger(v) && v >= r.min && v <= r.max;
}

export async function readStoredSettings(db: Executor): Promise<SettingValues> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const out: SettingValues = {};
  for (const r of rows) if (isKey(r.key) && acceptable(r.key, r.value)) out[r.key] = r.value;
  return out;
}

function load(store: Store): Promise<void> {
  store.loading ??= readStoredSettings(store.db)
    .then((values) => {
      store.values = values;
      store.loadedAt = Date.now();
    })
    // The database is unreachable (or the pool closed): keep the last values, try again later.
    .catch(() => {})
    .finally(() => {
      store.loading = null;
    });
  return store.loading;
}

const stale = (s: Store) => Date.now() - s.loadedAt > s.ttlMs;

/** The Config this process runs on: the environment's values, overridden live by the table. */
export function liveConfig(base: Config, db: Db, { ttlMs = TTL_MS } = {}): Config {
  const store: Store = { base, db, values: {}, loadedAt: 0, loading: null, ttlMs };
  const live = { ...base };
  for (const key of SETTING_KEYS) {
    Object.defineProperty(live, key, {
      enumerable: true,
      get() {
        if (stale(store) && !store.loading) void load(store);
        return store.values[key] ?? base[key];
      },
    });
  }
  stores.set(live, store);
  return live;
}

/** Makes sure the settings are at most TTL_MS old (a no-op for a plain, static Config). */
export async function freshSettings(config: Config): Promise<void> {
  const store = stores.get(config);
  if (store && stale(store)) await load(store);
}

/** After a change: reload now (waiting for a load already running would read the old rows). */
export async function reloadSettings(config: Config): Promise<void> {
  const store = stores.get(config);
  if (!store) return;
  if (store.loading) await store.loading;
  store.loadedAt = 0;
  await load(store);
}

/** The environment's value of a setting (what "reset to default" goes back to). */
export function defaultOf(config: Config, key: SettingKey): number {
  return stores.get(config)?.base[key] ?? config[key];
}

export type SettingView = {
  key: SettingKey;
  value: number;
  defaultValue: number;
  min: number;
  max: number;
  unit: string;
  env: string;
  group: string;
  effect: 'now' | 'new';
  overridden: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
};

export async function listSettings(db: Executor, config: Config): Promise<SettingView[]> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return SETTING_KEYS.map((key) => {
    const r = SETTING_RULES[key];
    const row = byKey.get(key);
    const stored = row && acceptable(key, row.value) ? row.value : undefined;
    return {
      key,
      value: stored ?? defaultOf(config, key),
      defaultValue: defaultOf(config, key),
      min: r.min,
      max: r.max,
      unit: r.unit,
      env: r.env,
      group: r.group,
      effect: r.effect,
      overridden: stored !== undefined,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      updatedBy: row?.updatedBy ?? null,
    };
  });
}

/** Writes the changes (null: back to the environment's default) in the caller's transaction. */
export async function writeSettings(tx: Executor, changes: Record<SettingKey, number | null>, by: string, now: Date) {
  for (const [key, value] of Object.entries(changes) as [SettingKey, number | null][]) {
    if (value === null) {
      await tx.deleteFrom('settings').where('key', '=', key).execute();
    } else {
      await tx
        .insertInto('settings')
        .values({ key, value: sql`${JSON.stringify(value)}::jsonb`, updatedAt: now, updatedBy: by })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql`excluded.value`, updatedAt: now, updatedBy: by }))
        .execute();
    }
  }
}
