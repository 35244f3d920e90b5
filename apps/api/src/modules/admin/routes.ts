// The operator console's API (API.md "Operator"): moderation queue, actions, audit log, roles.
// Every handler checks the role first: 401 visitors, 403 `forbidden` members, and 403 to
// moderators where only an admin may act. Stats, settings, cases, withdrawals: routes-ops.ts.
import { createRoute, z } from '@hono/zod-openapi';
import { IdParam, jsonBody, jsonContent, newRouter, problemResponses } from '../../lib/http.ts';
import { listAudit } from './audit.ts';
import { adminOnly, operatorOnly, requireAdmin, requireOperator } from './guard.ts';
import { resolveReport } from './moderation.ts';
import { findMembers, setRole } from './operations.ts';
import { moderationQueue } from './queue.ts';
import { AuditPage, AuditQuery, MembersQuery, QueuePage, QueueQuery, ResolveBody, ResolveResult, RoleBody, VouchBody } from './schema.ts';
import { setVouched } from './vouch.ts';

const tags = ['admin'];
const security = [{ Bearer: [] }];
const Member = z.object({
  id: z.string(), username: z.string(), displayName: z.string(), role: z.string(), status: z.string(), createdAt: z.string(),
  verified: z.boolean(), vouchedAt: z.string().nullable().openapi({ description: 'An operator vouched for the member (quick sell before the account age)' }),
});
const Vouched = z.object({
  id: z.string(), username: z.string(), vouched: z.boolean(), vouchedAt: z.string().nullable(),
  quickSell: z.object({ eligible: z.boolean(), unmet: z.array(z.string()), eligibleAt: z.string().nullable(), vouched: z.boolean(), path: z.string().nullable() }),
});

export function adminRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/admin/reports', tags, security, middleware: [operatorOnly] as const, summary: 'The moderation queue, grouped by target (moderators, admins)',
      request: { query: QueueQuery }, responses: { 200: jsonContent(QueuePage), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      requireOperator(c);
      return c.json(await moderationQueue(c.get('deps'), c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/admin/reports/{id}/resolve', tags, security, middleware: [operatorOnly] as const,
      summary: 'Act on a report: hide, restore, warn, limit, ban, unban or dismiss, with a reason (one audit entry)',
      request: { params: IdParam, body: jsonBody(ResolveBody) },
      responses: { 200: jsonContent(ResolveResult), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const actor = requireOperator(c);
      const out = await resolveReport(c.get('deps'), actor, c.req.valid('param').id, c.req.valid('json'));
      return c.json({ auditId: out.auditId, reportIds: out.reportIds, status: out.status, subjectId: out.subjectId, before: out.before, after: out.after }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/admin/audit', tags, security, middleware: [operatorOnly] as const, summary: 'Every operator action: who, what, when, why, before and after',
      request: { query: AuditQuery }, responses: { 200: jsonContent(AuditPage), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      requireOperator(c);
      return c.json(await listAudit(c.get('deps').db, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/admin/users', tags, security, middleware: [operatorOnly] as const, summary: 'Find members by username prefix or role',
      request: { query: MembersQuery }, responses: { 200: jsonContent(z.object({ items: z.array(Member) })), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      requireOperator(c);
      return c.json(await findMembers(c.get('deps'), c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put', path: '/admin/users/{id}/role', tags, security, middleware: [adminOnly] as const, summary: 'Give a member a role (admins only)',
      request: { params: IdParam, body: jsonBody(RoleBody) },
      responses: {
        200: jsonContent(z.object({ id: z.string(), username: z.string(), role: z.string(), changed: z.boolean() })),
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const actor = requireAdmin(c);
      const b = c.req.valid('json');
      return c.json(await setRole(c.get('deps'), actor, { id: c.req.valid('param').id }, b.role, b.reason), 200);
    },
  );

  // Vouch / unvouch (moderators and admins): the vouch stands in for the quick-sell account age.
  for (const [path, vouch] of [['vouch', true], ['unvouch', false]] as const) {
    r.openapi(
      createRoute({
        method: 'post', path: `/admin/users/{id}/${path}`, tags, security, middleware: [operatorOnly] as const,
        summary: vouch
          ? 'Vouch for a member: they may quick-sell before the account-age rule is met (verification still required); one audit entry'
          : 'Withdraw a vouch: the account-age rule applies to the member again; one audit entry',
        request: { params: IdParam, body: jsonBody(VouchBody) },
        responses: { 200: jsonContent(Vouched), ...problemResponses(400, 401, 403, 404, 409) },
      }),
      async (c) => {
        const actor = requireOperator(c);
        return c.json(await setVouched(c.get('deps'), actor, c.req.valid('param').id, vouch, c.req.valid('json').reason), 200);
      },
    );
  }

  return r;
}
