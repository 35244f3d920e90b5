// Personal data on request (API.md "Operator"; SPEC C11): the member's export and the
// deletion of their account.
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie } from 'hono/cookie';
import { stream } from 'hono/streaming';
import { tooManyRequests } from '../../lib/errors.ts';
import { jsonBody, newRouter, ProblemSchema, problemResponses, requireUser } from '../../lib/http.ts';
import { countHit, secondsUntil } from '../../lib/rate-limit.ts';
import { SESSION_COOKIE } from '../accounts/sessions.ts';
import { deleteAccount } from './delete.ts';
import { writeExport } from './export.ts';

const tags = ['accounts'];
const security = [{ Bearer: [] }];
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });

/** Exports are heavy reads of one snapshot: a handful an hour is plenty for a person. */
const EXPORTS_PER_HOUR = 10;

export const DeleteAccountBody = z.object({ password: z.string().min(1).max(128) }).openapi('DeleteAccountBody');

/** The 409 of DELETE /me: every blocker (blockers.ts), so a client can list what to finish. */
const DeletionBlockedProblem = ProblemSchema.extend({
  blockers: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('open_orders'), orderIds: z.array(z.string()) }),
      z.object({ kind: z.literal('open_cases'), caseIds: z.array(z.string()) }),
      z.object({ kind: z.literal('wallet_not_empty'), balance: z.number().int().openapi({ description: 'fen' }) }),
      z.object({ kind: z.literal('withdrawal_processing'), withdrawalIds: z.array(z.string()) }),
    ]),
  ),
}).openapi('DeletionBlockedProblem');

export function privacyRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/me/export', tags, security,
      description:
        'Everything stored about the caller as one JSON download (`Content-Disposition: attachment`): profile (ID number masked), sessions, notes, comments, likes, follows, photos, items, orders with events, offers, conversations and messages, reviews given and received (visible ones), ledger entries, withdrawals, addresses, notifications, reports, limits, after-sale cases, jury seats, credit. Never a password hash, token hash or encrypted ID.',
      responses: {
        // Streamed, so not a typed JSON response; the document is described here.
        200: { description: 'The export: a JSON document `{format: "jishi-export/1", exportedAt, memberId, profile, wallet, credit, notes: [...], ...}`' },
        ...problemResponses(401, 429),
      },
    }),
    async (c) => {
      const u = requireUser(c);
      const deps = c.get('deps');
      const now = deps.clock.now();
      const hit = await countHit(deps.db, `export:${u.id}`, 3600, now);
      if (hit.count > EXPORTS_PER_HOUR) {
        throw tooManyRequests('rate_limited', secondsUntil(new Date(hit.windowStart.getTime() + 3600_000), now), 'Too many exports this hour. Try again later.');
      }
      const day = now.toISOString().slice(0, 10);
      c.header('content-type', 'application/json; charset=utf-8');
      c.header('content-disposition', `attachment; filename="jishi-export-${u.username}-${day}.json"`);
      c.header('cache-control', 'no-store');
      return stream(c, (s) => writeExport(deps, u.id, (chunk) => s.write(chunk)), async (err) => {
        // Headers are gone already: the client gets a cut-off (invalid) document, never a partial "success".
        c.get('log').error({ err }, 'export failed mid-stream');
      });
    },
  );

  r.openapi(
    createRoute({
      method: 'delete', path: '/me', tags, security, request: { body: jsonBody(DeleteAccountBody) },
      description:
        'Deletes the account: profile anonymised (已注销用户), password and identity cleared, notes and photos removed, comments erased, items and open offers withdrawn, unpaid orders cancelled, every session ended. Orders, after-sale cases, reviews, messages and the ledger are kept for the counterparties and the law. The old username can be registered again.',
      responses: {
        204: { description: 'Deleted; the token no longer works' },
        ...problemResponses(400, 401, 429),
        403: problem('`wrong_password`: the password is not right; nothing was changed.'),
        409: {
          description:
            'Not yet: `open_orders`, `open_cases`, `wallet_not_empty` or `withdrawal_processing` (the first blocker; `blockers` lists them all, the detail says what to do).',
          content: { 'application/problem+json': { schema: DeletionBlockedProblem } },
        },
      },
    }),
    async (c) => {
      const u = requireUser(c);
      await deleteAccount(c.get('deps'), u.id, c.req.valid('json').password);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  return r;
}
