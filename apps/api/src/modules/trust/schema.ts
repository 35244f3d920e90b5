import { z } from '@hono/zod-openapi';

const Id = z.string().regex(/^[0-9a-f]{16}$/, 'an id');

export const ReportBody = z
  .object({
    targetType: z.enum(['user', 'message', 'conversation', 'note', 'comment', 'item']),
    targetId: Id,
    reason: z.enum(['scam', 'off_platform', 'harassment', 'spam', 'prohibited', 'counterfeit', 'other']),
    detail: z.string().trim().max(500).optional(),
  })
  .openapi('ReportBody');
