import { z } from '@hono/zod-openapi';
import { CASE_ACTIONS } from '@jishi/shared';

const Id = z.string().regex(/^[0-9a-f]{16}$/, 'an id');
const MediaIds = z.array(Id).max(9).refine((a) => new Set(a).size === a.length, 'each photo once');

export const CaseReason = z.enum(['not_received', 'not_as_described', 'damaged', 'counterfeit']);
export const CaseStatusEnum = z.enum(['open', 'awaiting_return', 'returning', 'rejected', 'in_jury', 'with_operator', 'refunded', 'released', 'withdrawn']);
export const VerdictEnum = z.enum(['refund', 'release']);

export const OpenCaseBody = z
  .object({
    reason: CaseReason,
    description: z.string().trim().min(1).max(1000),
    mediaIds: MediaIds.optional(),
    returnItem: z.boolean().optional(),
    amount: z.number().int().min(0).optional().openapi({ description: 'Fen; defaults to the order total. Less asks a partial refund.' }),
  })
  .openapi('OpenCaseBody');

export const RejectBody = z
  .object({ description: z.string().trim().min(1).max(1000), mediaIds: MediaIds.optional() })
  .openapi('RejectCaseBody');

export const ReturnBody = z
  .object({
    carrier: z.string().trim().min(1).max(30),
    trackingNumber: z.string().trim().regex(/^[A-Za-z0-9-]{4,40}$/, '4–40 letters, digits or -'),
  })
  .openapi('ReturnBody');

export const VoteBody = z.object({ verdict: VerdictEnum, reason: z.string().trim().min(1).max(500) }).openapi('VoteBody');

const Photo = z.object({ id: z.string(), width: z.number(), height: z.number(), urls: z.object({ thumb: z.string(), card: z.string(), detail: z.string() }) });
const Actor = z.enum(['buyer', 'seller', 'system', 'jury', 'operator']);

export const Case = z
  .object({
    id: z.string(),
    orderId: z.string(),
    status: CaseStatusEnum,
    reason: CaseReason,
    description: z.string(),
    amount: z.number().int(),
    returnItem: z.boolean(),
    deadlineAt: z.string().nullable().openapi({ description: 'When the current step runs out (for a jury: its last juror’s deadline; for a juror: theirs)' }),
    verdict: VerdictEnum.nullable(),
    decidedBy: z.enum(['seller', 'jury', 'operator', 'system']).nullable(),
    decisionReason: z.string().nullable(),
    viewer: z.enum(['buyer', 'seller', 'juror', 'operator']),
    actions: z.array(z.enum(CASE_ACTIONS)).openapi({ description: 'What the viewer may do now (a juror: vote)' }),
    order: z.object({ title: z.string(), coverUrl: z.string().nullable(), total: z.number().int(), delivery: z.string(), category: z.string().nullable() }),
    evidence: z.object({ buyer: z.array(Photo), seller: z.array(Photo) }),
    sellerResponse: z.string().nullable(),
    returnCarrier: z.string().nullable(),
    returnTrackingNumber: z.string().nullable(),
    refund: z.object({ status: z.enum(['processing', 'paid']), feeReturned: z.number().int(), advanced: z.number().int() }).nullable(),
    jury: z.object({ seats: z.number().int(), voted: z.number().int() }).nullable(),
    myVote: z
      .object({ status: z.enum(['pending', 'voted', 'missed', 'dismissed']), dueAt: z.string(), verdict: VerdictEnum.nullable(), reason: z.string().nullable() })
      .nullable()
      .openapi({ description: 'A juror’s own duty; null for everyone else' }),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
    events: z.array(z.object({ type: z.string(), at: z.string(), by: Actor, verdict: VerdictEnum.optional(), carrier: z.string().optional(), trackingNumber: z.string().optional(), amount: z.number().optional() })),
  })
  .openapi('AfterSaleCase');

export const CaseList = z.object({ items: z.array(Case), nextCursor: z.string().nullable() }).openapi('AfterSaleCaseList');

export const OrderCases = z
  .object({
    // A union, not .nullable(): on a registered schema that makes the ref itself nullable.
    case: z.union([Case, z.null()]).openapi({ description: 'The latest case on the order, if any' }),
    canOpen: z.boolean(),
    openUntil: z.string().nullable().openapi({ description: 'A completed order: the end of its after-sale window' }),
  })
  .openapi('OrderAfterSale');

export const JuryLogEntry = z
  .object({
    id: z.string(),
    reason: CaseReason,
    title: z.string(),
    category: z.string().nullable(),
    amount: z.number().int(),
    status: CaseStatusEnum,
    verdict: VerdictEnum,
    decidedBy: z.enum(['jury', 'operator']),
    votes: z.object({ refund: z.number().int(), release: z.number().int() }),
    decidedAt: z.string(),
  })
  .openapi('JuryLogEntry');

export const JuryLog = z.object({ items: z.array(JuryLogEntry), nextCursor: z.string().nullable() }).openapi('JuryLog');
