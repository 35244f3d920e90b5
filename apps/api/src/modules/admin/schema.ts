// Request and response shapes of the operator console (API.md "Operator").
import { z } from '@hono/zod-openapi';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../lib/pagination.ts';
import { ACTIONS } from './moderation.ts';
import { SETTING_KEYS, SETTING_RULES, type SettingKey } from './settings.ts';

const Id = z.string().regex(/^[0-9a-f]{16}$/, 'an id');
const Reason = z.string().trim().min(1, 'say why').max(1000);
const Page = { cursor: z.string().max(512).optional(), limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT) };
const NextCursor = z.string().nullable();

export const TARGET_TYPES = ['note', 'comment', 'item', 'user', 'message', 'conversation'] as const;
export const REPORT_REASONS = ['scam', 'off_platform', 'harassment', 'spam', 'prohibited', 'counterfeit', 'other', 'pro_seller'] as const;

export const QueueQuery = z.object({
  status: z.enum(['open', 'resolved', 'dismissed']).default('open'),
  reason: z.enum(REPORT_REASONS).optional(),
  targetType: z.enum(TARGET_TYPES).optional(),
  ...Page,
});

const Target = z.object({
  exists: z.boolean(),
  hidden: z.boolean(),
  authorId: z.string().nullable(),
  title: z.string().nullable(),
  text: z.string().nullable(),
  price: z.number().int().nullable(),
  state: z.string().nullable(),
  warnings: z.array(z.string()),
  link: z.string().nullable(),
  createdAt: z.string().nullable(),
});

const Subject = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  status: z.string(),
  role: z.string(),
  createdAt: z.string(),
  reports: z.record(z.string(), z.number()).openapi({ description: 'Reports against the member or anything they wrote, by reason' }),
  flaggedWrites30d: z.number().int().openapi({ description: 'Messages, notes and comments the scam shield flagged in 30 days' }),
  sellerFlag: z.string().nullable(),
  limits: z.array(z.object({ kind: z.string(), until: z.string(), reason: z.string() })),
  actions: z.array(z.object({ action: z.string(), reason: z.string(), by: z.string(), at: z.string() })),
});

export const QueueEntry = z
  .object({
    targetType: z.enum(TARGET_TYPES),
    targetId: z.string(),
    count: z.number().int(),
    reasons: z.array(z.string()),
    system: z.boolean().openapi({ description: 'Raised by the system (scam shield, professional-seller guard)' }),
    firstAt: z.string(),
    lastAt: z.string(),
    reports: z.array(
      z.object({
        id: z.string(),
        reason: z.string(),
        detail: z.string(),
        evidence: z.unknown(),
        reporter: z.object({ id: z.string(), username: z.string() }).nullable(),
        status: z.string(),
        resolution: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    target: Target,
    context: z.array(
      z.object({
        id: z.string(),
        senderId: z.string().nullable(),
        kind: z.string(),
        text: z.string().nullable(),
        warnings: z.array(z.string()),
        hidden: z.boolean(),
        reported: z.boolean(),
        createdAt: z.string(),
      }),
    ),
    subject: Subject.nullable(),
  })
  .openapi('ModerationQueueEntry');

export const QueuePage = z.object({ items: z.array(QueueEntry), nextCursor: NextCursor });

export const ResolveBody = z
  .object({
    action: z.enum(ACTIONS),
    reason: Reason,
    limit: z.object({ kind: z.enum(['listing', 'messaging']), days: z.number().int().min(1).max(365) }).optional(),
  })
  .refine((b) => b.action !== 'limit' || b.limit, { path: ['limit'], message: 'say what to limit and for how many days' })
  .openapi('ResolveReportBody');

export const ResolveResult = z.object({
  auditId: z.string(),
  reportIds: z.array(z.string()),
  status: z.enum(['resolved', 'dismissed']),
  subjectId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
});

export const AuditQuery = z.object({
  action: z.string().max(40).optional(),
  targetType: z.string().max(20).optional(),
  targetId: Id.optional(),
  actorId: Id.optional(),
  ...Page,
});

export const AuditPage = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      actor: z.object({ id: z.string().nullable(), username: z.string(), role: z.string() }),
      action: z.string(),
      targetType: z.string(),
      targetId: z.string(),
      reason: z.string(),
      before: z.unknown(),
      after: z.unknown(),
      reportId: z.string().nullable(),
    }),
  ),
  nextCursor: NextCursor,
});

export const DecideBody = z.object({ verdict: z.enum(['refund', 'release']), reason: Reason }).openapi('DecideCaseBody');

export const CasesQuery = z.object({
  status: z.enum(['open', 'awaiting_return', 'returning', 'rejected', 'in_jury', 'with_operator', 'refunded', 'released', 'withdrawn']).optional(),
  ...Page,
});

export const WithdrawalsQuery = z.object({ status: z.enum(['processing', 'paid', 'failed']).optional(), ...Page });
export const RetryBody = z.object({ reason: Reason });

export const StatsQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).or(z.iso.date()),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()),
    bucket: z.enum(['day', 'week', 'month']).default('day'),
    tz: z.string().regex(/^[A-Za-z_]+(\/[A-Za-z_+-]+){0,2}$|^UTC$/, 'an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
  })
  .refine((q) => Date.parse(q.from) <= Date.parse(q.to), { path: ['to'], message: 'not before from' });

const Point = z.object({
  at: z.string(),
  gmv: z.number().int(),
  orders: z.number().int(),
  ordersPaid: z.number().int(),
  ordersCompleted: z.number().int(),
  ordersCancelled: z.number().int(),
  fees: z.number().int(),
  activeMembers: z.number().int(),
  newMembers: z.number().int(),
  listings: z.number().int(),
  cases: z.number().int(),
  casesRefunded: z.number().int(),
  casesReleased: z.number().int(),
  casesWithdrawn: z.number().int(),
  scamHits: z.number().int(),
});
export const StatsResult = z.object({ bucket: z.string(), tz: z.string(), series: z.array(Point) }).openapi('MarketStats');

export const SettingView = z.object({
  key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]),
  value: z.number().int(),
  defaultValue: z.number().int(),
  min: z.number().int(),
  max: z.number().int(),
  unit: z.string(),
  env: z.string(),
  group: z.string().openapi({ description: 'Where the console shows it: quickSell, orders, deposit, afterSale, trust, wallet, accounts' }),
  effect: z.enum(['now', 'new']).openapi({ description: 'now: every check from now on; new: written on what starts after the change, what runs keeps its value' }),
  overridden: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export const SettingsResult = z.object({ items: z.array(SettingView) }).openapi('Settings');

/**
 * Any of the settings (null: back to the environment's default), and why. The shape is checked
 * here (400); a value outside its bounds, or not a whole number, is 422 `invalid_setting` (service.ts).
 */
export const SettingsPatch = z
  .object({
    reason: Reason,
    ...(Object.fromEntries(
      SETTING_KEYS.map((k) => [k, z.number().nullable().optional().openapi({ description: `integer ${SETTING_RULES[k].min} … ${SETTING_RULES[k].max} (${SETTING_RULES[k].unit})` })]),
    ) as Record<SettingKey, z.ZodOptional<z.ZodNullable<z.ZodNumber>>>),
  })
  .strict()
  .refine((b) => SETTING_KEYS.some((k) => b[k] !== undefined), { path: ['(body)'], message: 'change at least one setting' })
  .openapi('SettingsPatch');

export const MembersQuery = z.object({
  q: z.string().trim().max(20).optional(),
  role: z.enum(['member', 'moderator', 'admin']).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
});
export const VouchBody = z.object({ reason: Reason }).openapi('VouchBody');
export const RoleBody = z.object({ role: z.enum(['member', 'moderator', 'admin']), reason: Reason }).openapi('RoleBody');
