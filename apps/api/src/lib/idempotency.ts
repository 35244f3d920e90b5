// Idempotency-Key for money-moving POSTs (API.md): the same key with the same request replays
// the first response; with a different request it is 422 `idempotency_key_reused`; concurrent
// duplicates run once (the others wait for the first and replay it).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { AppError, badRequest, conflict, toProblem, unprocessable } from './errors.ts';

export type StoredResponse = { status: number; body: unknown };

const WAIT_MS = 15_000;
// A 'running' key older than this belongs to a process that died mid-request: take it over.
const ABANDONED_MS = 60_000;

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

export async function runIdempotent(
  db: Db,
  scope: { userId: string; key: string | undefined; hash: string; now: () => Date },
  run: () => Promise<StoredResponse>,
): Promise<StoredResponse> {
  const { key } = scope;
  if (key === undefined) return run();
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw badRequest('invalid_idempotency_key', 'An Idempotency-Key is 1–200 printable ASCII characters.');

  const claimed = await claim(db, scope.userId, key, scope.hash, scope.now());
  // Not claimed: wait for the first request's answer, or take the key over if it died.
  const stored = claimed ? null : await waitForFirst(db, scope.userId, key, scope.hash, scope.now);
  return replay(stored ?? (await run2(db, scope, run)));
}

/** Refusals replay as the same problem, thrown so they render as problem+json. */
function replay(res: StoredResponse): StoredResponse {
  if (res.status < 400) return res;
  const { status, code, detail, type: _t, title: _ti, instance: _i, ...extra } = res.body as Record<string, unknown>;
  throw new AppError(res.status, String(code), String(detail), extra);
}

async function run2(db: Db, scope: { userId: string; key?: string }, run: () => Promise<StoredResponse>) {
  const key = scope.key as string;
  let res: StoredResponse;
  try {
    res = await run();
  } catch (err) {
    if (err instanceof AppError && err.status < 500) {
      // A refusal is the answer to this request: replay it too (Stripe does the same).
      res = { status: err.status, body: toProblem(err) };
    } else {
      // Unknown outcome: free the key so the client can retry it.
      await db.deleteFrom('idempotencyKeys').where('userId', '=', scope.userId).where('key', '=', key).execute();
      throw err;
    }
  }
  await db
    .updateTable('idempotencyKeys')
    .set({ state: 'done', responseStatus: res.status, responseBody: JSON.stringify(res.body) })
    .where('userId', '=', scope.userId)
    .where('key', '=', key)
    .execute();
  return res;
}

async function claim(db: Db, userId: string, key: string, hash: string, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotencyKeys')
    .values({ userId, key, requestHash: hash, state: 'running', createdAt: now, lockedAt: now })
    .onConflict((oc) => oc.columns(['userId', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

async function waitForFirst(db: Db, userId: string, key: string, hash: string, now: () => Date): Promise<StoredResponse | null> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const row = await db.selectFrom('idempotencyKeys').selectAll().where('userId', '=', userId).where('key', '=', key).executeTakeFirst();
    if (!row) {
      // The first attempt failed and freed the key: claim it for this one.
      if (await claim(db, userId, key, hash, now())) return null;
      continue;
    }
    if (row.requestHash !== hash) {
      throw unprocessable('idempotency_key_reused', 'This Idempotency-Key was used for a different request.');
    }
    if (row.state === 'done') return { status: row.responseStatus ?? 200, body: JSON.parse(row.responseBody ?? 'null') };
    const cutoff = new Date(now().getTime() - ABANDONED_MS);
    const taken = await db
      .updateTable('idempotencyKeys')
      .set({ lockedAt: now() })
      .where('userId', '=', userId)
      .where('key', '=', key)
      .where('state', '=', 'running')
      .where('lockedAt', '<', cutoff)
      .returning('key')
      .executeTakeFirst();
    if (taken) return null;
    if (Date.now() > deadline) throw conflict('idempotency_in_progress', 'A request with this Idempotency-Key is still running.');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Keys are kept a day, like the payment providers do. */
export async function purgeIdempotencyKeys(db: Db, now: Date) {
  await sql`DELETE FROM idempotency_keys WHERE created_at < ${new Date(now.getTime() - 86_400_000)}`.execute(db);
}
