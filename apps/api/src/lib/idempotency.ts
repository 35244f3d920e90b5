// Idempotency-Key for money-moving POSTs (API.md): the same key with the same request replays
// the answer; with a different request it is 422 `idempotency_key_reused`; concurrent
// duplicates have one effect. Keys are per member and kept 24 hours.
//
// The rule that makes it safe: a key's record (request hash + the answer to replay) commits IN
// THE SAME TRANSACTION as the money it guards, so one never exists without the other.
//   - An error before that commit leaves no key: the retry runs again.
//   - Once committed, nothing deletes it. A provider that fails after the commit (payout,
//     gateway), or a crash before the answer reaches the client: the retry replays the
//     committed answer and moves no money.
//   - Refusals (4xx except 429) are answers too; they changed nothing, so they are recorded in a
//     transaction of their own, and replayed.
//
// Using it (orders, wallet and after-sale do it this way):
//   route    const res = await idempotent(deps.db, idempotencyRequest(c, u.id, body), respond, (guard) =>
//              doTheThing(deps, …, guard));
//            return c.json(res.body, res.status);
//            `respond(db, result)` turns the service's result into { status, body }; it is run
//            inside the service's transaction, so it must read through the `db` it is given.
//   service  withTx(deps.db, async (tx) => {
//              await guard.claim(tx);          // first: a concurrent duplicate waits here, then replays
//              … lock, check, move the money …
//              await guard.record(tx, result); // last: the answer commits with the money or not at all
//            });
//            Let IdempotentReplay (thrown by claim/record when a duplicate won) propagate.
//   later    When a provider's answer completes the action after the request's commit (payout
//            sent, refund confirmed, capture booked), record with `{ resource }` and call
//            refreshIdempotent(tx, resource, …) in the transaction that books that answer: a
//            replay then tells the outcome, and the first request answers it too if it came in time.
//   refusal  A refusal that still changes something (a wrong pickup code counts a try): call
//            guard.refuse(tx, err) instead of record, let the transaction commit, then throw err;
//            a duplicate replays the refusal and the change happens once.
// Without an Idempotency-Key the guard does nothing and the route answers respond(db, result).
import { createHash, randomUUID } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Db, Executor, Tx } from '../db/index.ts';
import { AppError, badRequest, conflict, toProblem, unprocessable } from './errors.ts';
import type { Ctx } from './http.ts';

export type StoredResponse = { status: number; body: unknown };
export type IdempotencyRequest = { userId: string; key: string; hash: string; owner: string; now: () => Date };
export type Respond<T> = (db: Executor, result: T) => Promise<StoredResponse>;
export type Guard<T> = {
  /** First statement of the transaction that commits the action: takes the key or throws IdempotentReplay. */
  claim(tx: Tx): Promise<void>;
  /** In that same transaction, after the effect: stores the answer. */
  record(tx: Tx, result: T, opts?: { resource?: string }): Promise<void>;
  /**
   * In that same transaction, instead of record: stores a refusal that changed something all the
   * same (a wrong pickup code counts a try); the caller commits, then throws `err`.
   */
  refuse(tx: Tx, err: AppError): Promise<void>;
};

/** A duplicate committed first: roll back and replay its answer (the wrapper does the replay). */
export class IdempotentReplay extends Error {}

/** How long a duplicate waits for the first request's final answer before replaying what is committed. */
const WAIT_MS = 10_000;
/** A 'running' row older than this belongs to a request that died after its commit: replay it at once. */
const ABANDONED_MS = 30_000;
export const KEEP_MS = 86_400_000;

/** The request header, for a route's `request.headers`. */
export const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .openapi({ description: 'Replays the first answer for the same request (kept 24 h); 422 idempotency_key_reused for a different one' }),
});

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${stableJson(body)}`).digest('hex');
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object).sort().map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** The request's key, scoped to the member and this exact request; null without the header. */
export function idempotencyRequest(c: Ctx, userId: string, body: unknown): IdempotencyRequest | null {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return null;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw badRequest('invalid_idempotency_key', 'An Idempotency-Key is 1–200 printable ASCII characters.');
  const clock = c.get('deps').clock;
  return { userId, key, hash: requestHash(c.req.method, c.req.path, body), owner: randomUUID(), now: () => clock.now() };
}

export function noKey<T>(): Guard<T> {
  return { claim: async () => {}, record: async () => {}, refuse: async () => {} };
}

export async function idempotent<T>(
  db: Db,
  req: IdempotencyRequest | null,
  respond: Respond<T>,
  run: (guard: Guard<T>) => Promise<T>,
): Promise<StoredResponse> {
  if (!req) return respond(db, await run(noKey()));
  const existing = await findRecord(db, req);
  if (existing) return replayRecord(db, req);
  let result: T;
  try {
    result = await run(guard(req, respond));
  } catch (err) {
    if (err instanceof IdempotentReplay) return replayRecord(db, req);
    // Committed before the failure (a provider threw after the money moved): that is the answer.
    const own = await finishOwn(db, req);
    if (own) return replay(own);
    if (err instanceof AppError && err.status < 500 && err.status !== 429) return recordRefusal(db, req, err);
    throw err;
  }
  const own = await finishOwn(db, req);
  if (own) return replay(own);
  // The service recorded nothing (it moved nothing): answer without a record; a retry runs again.
  return respond(db, result);
}

function guard<T>(req: IdempotencyRequest, respond: Respond<T>): Guard<T> {
  return {
    async claim(tx) {
      const now = req.now();
      // An uncommitted row with this primary key makes a concurrent duplicate's insert wait
      // until we commit (then it replays) or roll back (then it runs).
      const inserted = await tx
        .insertInto('idempotencyKeys')
        .values({ userId: req.userId, key: req.key, requestHash: req.hash, state: 'running', owner: req.owner, createdAt: now, lockedAt: now })
        .onConflict((oc) => oc.columns(['userId', 'key']).doNothing())
        .returning('owner')
        .executeTakeFirst();
      if (inserted) return;
      const row = await tx.selectFrom('idempotencyKeys').select('owner').where('userId', '=', req.userId).where('key', '=', req.key).executeTakeFirst();
      if (row?.owner !== req.owner) throw new IdempotentReplay();
    },
    async record(tx, result, opts = {}) {
      const res = await respond(tx, result);
      const now = req.now();
      const stored = { responseStatus: res.status, responseBody: JSON.stringify(res.body), resource: opts.resource ?? null, lockedAt: now };
      const row = await tx
        .insertInto('idempotencyKeys')
        .values({ userId: req.userId, key: req.key, requestHash: req.hash, state: 'running', owner: req.owner, createdAt: now, ...stored })
        .onConflict((oc) => oc.columns(['userId', 'key']).doUpdateSet(stored).where('idempotencyKeys.owner', '=', req.owner))
        .returning('owner')
        .executeTakeFirst();
      if (!row) throw new IdempotentReplay();
    },
    async refuse(tx, err) {
      const now = req.now();
      const stored = { responseStatus: err.status, responseBody: JSON.stringify(toProblem(err)), resource: null, lockedAt: now };
      const row = await tx
        .insertInto('idempotencyKeys')
        .values({ userId: req.userId, key: req.key, requestHash: req.hash, state: 'running', owner: req.owner, createdAt: now, ...stored })
        .onConflict((oc) => oc.columns(['userId', 'key']).doUpdateSet(stored).where('idempotencyKeys.owner', '=', req.owner))
        .returning('owner')
        .executeTakeFirst();
      if (!row) throw new IdempotentReplay();
    },
  };
}

/**
 * For a step that completes an action after its request committed (a payout's answer, a refund,
 * a capture): updates the answers recorded with `resource`, in the caller's transaction.
 */
export async function refreshIdempotent(tx: Tx, resource: string, respond: (userId: string) => Promise<StoredResponse>) {
  const rows = await tx.selectFrom('idempotencyKeys').select(['userId', 'key']).where('resource', '=', resource).forUpdate().execute();
  for (const r of rows) {
    const res = await respond(r.userId);
    await tx
      .updateTable('idempotencyKeys')
      .set({ responseStatus: res.status, responseBody: JSON.stringify(res.body) })
      .where('userId', '=', r.userId)
      .where('key', '=', r.key)
      .execute();
  }
}

type Row = { requestHash: string; state: string; owner: string | null; responseStatus: number | null; responseBody: string | null; lockedAt: Date };

const findRecord = (db: Db, req: IdempotencyRequest): Promise<Row | undefined> =>
  db
    .selectFrom('idempotencyKeys')
    .select(['requestHash', 'state', 'owner', 'responseStatus', 'responseBody', 'lockedAt'])
    .where('userId', '=', req.userId)
    .where('key', '=', req.key)
    .executeTakeFirst();

/** Marks this request's own committed record answered and returns it (null if it committed none). */
async function finishOwn(db: Db, req: IdempotencyRequest): Promise<StoredResponse | null> {
  const row = await db
    .updateTable('idempotencyKeys')
    .set({ state: 'done' })
    .where('userId', '=', req.userId)
    .where('key', '=', req.key)
    .where('owner', '=', req.owner)
    .returning(['responseStatus', 'responseBody'])
    .executeTakeFirst();
  if (!row) return null;
  if (row.responseStatus === null) {
    // Claimed and committed without an answer: a service bug. Free the key rather than wedge it.
    await db.deleteFrom('idempotencyKeys').where('userId', '=', req.userId).where('key', '=', req.key).where('owner', '=', req.owner).execute();
    return null;
  }
  return { status: row.responseStatus, body: JSON.parse(row.responseBody ?? 'null') };
}

/** Another request's committed record: refuse a different request, else wait a little for its final answer and replay. */
async function replayRecord(db: Db, req: IdempotencyRequest): Promise<StoredResponse> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const row = await findRecord(db, req);
    if (!row) throw conflict('idempotency_in_progress', 'A request with this Idempotency-Key did not finish; try again.');
    if (row.requestHash !== req.hash) throw unprocessable('idempotency_key_reused', 'This Idempotency-Key was used for a different request.');
    const abandoned = row.lockedAt.getTime() < req.now().getTime() - ABANDONED_MS;
    const final = row.state === 'done' || abandoned || Date.now() > deadline;
    if (final && row.responseStatus !== null) return replay({ status: row.responseStatus, body: JSON.parse(row.responseBody ?? 'null') });
    if (Date.now() > deadline) throw conflict('idempotency_in_progress', 'A request with this Idempotency-Key is still running.');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function recordRefusal(db: Db, req: IdempotencyRequest, err: AppError): Promise<StoredResponse> {
  const now = req.now();
  const inserted = await db
    .insertInto('idempotencyKeys')
    .values({
      userId: req.userId, key: req.key, requestHash: req.hash, state: 'done', owner: req.owner,
      responseStatus: err.status, responseBody: JSON.stringify(toProblem(err)), createdAt: now, lockedAt: now,
    })
    .onConflict((oc) => oc.columns(['userId', 'key']).doNothing())
    .returning('owner')
    .executeTakeFirst();
  if (inserted) throw err;
  // A duplicate committed its answer while we were being refused: theirs stands.
  return replayRecord(db, req);
}

/** Refusals replay as the same problem, thrown so they render as problem+json. */
function replay(res: StoredResponse): StoredResponse {
  if (res.status < 400) return res;
  const { status: _s, code, detail, type: _t, title: _ti, instance: _i, ...extra } = res.body as Record<string, unknown>;
  throw new AppError(res.status, String(code), String(detail), extra);
}

/** Keys are kept a day, like the payment providers do. */
export async function purgeIdempotencyKeys(db: Db, now: Date) {
  await sql`DELETE FROM idempotency_keys WHERE created_at < ${new Date(now.getTime() - KEEP_MS)}`.execute(db);
}
