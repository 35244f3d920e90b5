// The only reader of process.env. Every operator setting is parsed and checked here once;
// a bad value stops start-up with one line naming the variable and what it accepts.
import { resolve } from 'node:path';
import { z } from 'zod';
import { ENV_RULES, type RuleConfig, ruleValues } from './modules/admin/rules.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `an integer from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const envSchema = z.object({
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  QUICKSELL_MIN_ACCOUNT_DAYS: int(0, 3650).default(180),
  QUICKSELL_PRICE_CAP: int(0, 100_000_000).default(1_000_000),
  FEE_BPS: int(0, 10_000).default(60),
  SEED_DEMO: bool.optional(),
  ID_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, '64 hex characters (a 256-bit key)')
    .optional(),
  TRUST_PROXY: bool.default(false),
  REGISTER_PER_IP_PER_HOUR: int(1, 1_000_000).default(500),
  LOGIN_MAX_FAILURES: int(1, 1000).default(5),
  LOGIN_LOCK_MINUTES: int(1, 1440).default(15),
  // Browsers cap a cookie's lifetime at 400 days (Hono refuses to set a longer one: sign-in 500).
  SESSION_DAYS: int(1, 400).default(30),
  // How long a process reuses a session it looked up (ms; 0: every request reads it). Sign-out,
  // bans, deletions and role changes reach every process's cache at once through the hub's signal
  // (accounts/session-cache.ts); the TTL only bounds what no signal covers — a row changed by hand
  // in the database, a listening connection lost without the client noticing yet. 5 s: a member's
  // burst (a page's requests, a chat exchange) shares one read, and no stale case lasts longer.
  SESSION_CACHE_MS: int(0, 10_000).default(5000),
  SEARCH_CANDIDATES: int(1, 100_000).default(500),
  SEARCH_RECENT_ITEMS: int(0, 100_000_000).default(25_000),
  WEB_DIST: z.string().optional(),
  AFTER_SALE_DAYS: int(0, 365).default(7),
  JURY_SIZE: int(1, 99).default(7),
  JURY_MIN_CREDIT: int(0, 1000).default(700),
  RESERVATION_HOURS: int(1, 720).default(48),
  PRO_SELLER_GUARD: bool.default(true),
  PRO_SELLER_SALES_PER_YEAR: int(1, 100_000).default(30),
  PRO_SELLER_SALES_TOTAL_PER_YEAR: int(1, 1_000_000_000).default(1_500_000),
  METRICS_TOKEN: z.string().regex(/^\S{16,200}$/, '16 to 200 characters without spaces').optional(),
  ASSIST_PROVIDER: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'an assistant name such as builtin').default('builtin'),
  // Photo storage (lib/storage.ts): local disk, or an S3-compatible bucket. Combinations: storageOf().
  STORAGE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.string().regex(/^https?:\/\/[^\s/]+/, 'an http:// or https:// URL such as http://minio:9000').optional(),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name (3–63 lower-case letters, digits, dots, hyphens)').optional(),
  S3_REGION: z.string().regex(/^[a-z0-9-]{1,40}$/, 'a region name such as us-east-1').default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().regex(/^\S{1,256}$/, 'an access key id without spaces').optional(),
  S3_SECRET_ACCESS_KEY: z.string().regex(/^\S{1,256}$/, 'a secret key without spaces').optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  S3_PREFIX: z.string().regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/?$/, 'a key prefix such as jishi/media').optional(),
  // The other product rules' numbers (defaults of the operator settings): modules/admin/rules.ts.
  ...Object.fromEntries(Object.values(ENV_RULES).map((r) => [r.env, int(r.min, r.max).default(r.default)])),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  nodeEnv: z.infer<typeof envSchema>['NODE_ENV'];
  quickSellMinAccountDays: number;
  quickSellPriceCap: number;
  feeBps: number;
  seedDemo: boolean | undefined;
  idEncryptionKey: string | undefined;
  trustProxy: boolean;
  registerPerIpPerHour: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  sessionDays: number;
  sessionCacheMs: number;
  /** Search relevance: how many of the newest matches are ranked; the recent window they are looked for in first (items on sale; 0: none). */
  searchCandidates: number;
  searchRecentItems: number;
  webDist: string | undefined;
  /** After-sale: days after completion a buyer may still open a case; the jury's size and bar. */
  afterSaleDays: number;
  jurySize: number;
  juryMinCredit: number;
  /** Reservation deposit (定金托管): how long a reserved item is held, hours. */
  reservationHours: number;
  /** Professional-seller guard: completed sales, or their total in fen, a year that flag a seller. */
  proSellerGuard: boolean;
  proSellerSalesPerYear: number;
  proSellerSalesTotalPerYear: number;
  /** Smart publish and hosting: which registered assistant answers (modules/assist/provider.ts). */
  assistProvider: string;
  /** Bearer token for GET /metrics; unset: metrics are served to loopback clients only. */
  metricsToken: string | undefined;
  /** Where photo bytes live (lib/storage.ts). */
  storage: { kind: 'local' } | S3Settings;
} & RuleConfig;

export type S3Settings = {
  kind: 's3';
  /** Unset: AWS S3 itself (by region). */
  endpoint: string | undefined;
  bucket: string;
  region: string;
  /** Both or neither; neither: the AWS SDK's default credential chain. */
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
  /** '' or a prefix ending in '/'. */
  prefix: string;
};

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape).flatMap((k) => (env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]])),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`Invalid ${name}=${JSON.stringify(present[name])}: expected ${describe(issue)}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    quickSellMinAccountDays: e.QUICKSELL_MIN_ACCOUNT_DAYS,
    quickSellPriceCap: e.QUICKSELL_PRICE_CAP,
    feeBps: e.FEE_BPS,
    seedDemo: e.SEED_DEMO,
    idEncryptionKey: e.ID_ENCRYPTION_KEY,
    trustProxy: e.TRUST_PROXY,
    registerPerIpPerHour: e.REGISTER_PER_IP_PER_HOUR,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    sessionDays: e.SESSION_DAYS,
    sessionCacheMs: e.SESSION_CACHE_MS,
    searchCandidates: e.SEARCH_CANDIDATES,
    searchRecentItems: e.SEARCH_RECENT_ITEMS,
    webDist: e.WEB_DIST,
    afterSaleDays: e.AFTER_SALE_DAYS,
    jurySize: e.JURY_SIZE,
    juryMinCredit: e.JURY_MIN_CREDIT,
    reservationHours: e.RESERVATION_HOURS,
    proSellerGuard: e.PRO_SELLER_GUARD,
    proSellerSalesPerYear: e.PRO_SELLER_SALES_PER_YEAR,
    proSellerSalesTotalPerYear: e.PRO_SELLER_SALES_TOTAL_PER_YEAR,
    assistProvider: e.ASSIST_PROVIDER,
    metricsToken: e.METRICS_TOKEN,
    storage: storageOf(e),
    ...ruleValues(e),
  };
}

/** The storage variables that only make sense together; a bad combination is one ConfigError line. */
function storageOf(e: z.infer<typeof envSchema>): Config['storage'] {
  const s3Vars = (['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PREFIX'] as const).filter((k) => e[k] !== undefined);
  if (e.STORAGE === 'local') {
    if (s3Vars.length) throw new ConfigError(`Invalid ${s3Vars[0]}: set only with STORAGE=s3 (STORAGE is local, photos go to DATA_DIR/media)`);
    return { kind: 'local' };
  }
  if (!e.S3_BUCKET) throw new ConfigError('Invalid STORAGE="s3": expected S3_BUCKET to be set as well');
  if (!e.S3_ACCESS_KEY_ID !== !e.S3_SECRET_ACCESS_KEY)
    throw new ConfigError(`Invalid ${e.S3_ACCESS_KEY_ID ? 'S3_ACCESS_KEY_ID' : 'S3_SECRET_ACCESS_KEY'}: expected S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together (or neither, for the AWS default credentials)`);
  const prefix = e.S3_PREFIX ? (e.S3_PREFIX.endsWith('/') ? e.S3_PREFIX : `${e.S3_PREFIX}/`) : '';
  return {
    kind: 's3',
    endpoint: e.S3_ENDPOINT?.replace(/\/+$/, ''),
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    prefix,
  };
}

function describe(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'a valid value';
  if (issue.code === 'invalid_value') return `one of ${issue.values.map(String).join(', ')}`;
  return issue.message;
}
