// The jury draw (小法庭). Eligible: verified, active members whose credit ≥ JURY_MIN_CREDIT,
// never a party and never connected to either party — an order, a conversation or a follow
// between them, in either direction — and not already drawn for this case. Drawn uniformly at
// random without replacement (a partial Fisher–Yates over the eligible ids, crypto randomness).
//
// The credit score is stored (trust/credit-repo.ts, kept fresh by triggers and a sweep); the few
// candidates whose stored score is dirty, stale or missing are recomputed here before the
// comparison, so the draw never uses a number the member could not see on their profile.
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { DAY_MS } from '../../lib/clock.ts';
import { refreshCredit } from '../trust/index.ts';

/** `n` distinct members of `pool`, each subset equally likely. `rand(k)` is an integer in [0, k). */
export function drawJurors(pool: readonly string[], n: number, rand: (k: number) => number = randomInt): string[] {
  const a = [...pool];
  const take = Math.min(n, a.length);
  for (let i = 0; i < take; i++) {
    const j = i + rand(a.length - i);
    [a[i], a[j]] = [a[j] as string, a[i] as string];
  }
  return a.slice(0, take);
}

/** The eligibility rule over an in-memory graph: the same rule eligibleJurors applies in SQL. */
export type MemberGraph = {
  members: { id: string; verified: boolean; active: boolean; credit: number }[];
  /** Orders, conversations and follows, as unordered pairs: any of them connects two members. */
  edges: [string, string][];
};

export function eligibleInGraph(g: MemberGraph, parties: readonly string[], minCredit: number, alreadyDrawn: readonly string[] = []): string[] {
  const excluded = new Set([...parties, ...alreadyDrawn]);
  for (const [a, b] of g.edges) {
    if (parties.includes(a)) excluded.add(b);
    if (parties.includes(b)) excluded.add(a);
  }
  return g.members.filter((m) => m.verified && m.active && m.credit >= minCredit && !excluded.has(m.id)).map((m) => m.id);
}

const STALE_MS = DAY_MS;

/** Ids of the members who may sit on the jury of case `caseId` between `parties`. */
export async function eligibleJurors(
  db: Executor,
  caseId: string,
  parties: readonly [string, string],
  minCredit: number,
  now: Date,
): Promise<string[]> {
  const p = [...parties];
  // Connections are read from the parties' side: every lookup is on an index keyed by a party.
  const rows = await sql<{ id: string; score: number | null; fresh: boolean }>`
    WITH connected AS (
      SELECT o.buyer_id AS id FROM orders o WHERE o.seller_id = ANY(${p})
      UNION SELECT o.seller_id FROM orders o WHERE o.buyer_id = ANY(${p})
      UNION SELECT cm.peer_id FROM conversation_members cm WHERE cm.user_id = ANY(${p})
      UNION SELECT f.followee_id FROM follows f WHERE f.follower_id = ANY(${p})
      UNION SELECT f.follower_id FROM follows f WHERE f.followee_id = ANY(${p})
      UNION SELECT j.user_id FROM after_sale_jurors j WHERE j.case_id = ${caseId}
    )
    SELECT u.id, cs.score,
      (cs.score IS NOT NULL AND NOT cs.dirty AND cs.computed_at > ${new Date(now.getTime() - STALE_MS)}) AS fresh
    FROM users u LEFT JOIN credit_scores cs ON cs.user_id = u.id
    WHERE u.verified_at IS NOT NULL AND u.status = 'active' AND u.id <> ALL(${p})
      AND NOT EXISTS (SELECT 1 FROM connected c WHERE c.id = u.id)
  `.execute(db);
  const stale = rows.rows.filter((r) => !r.fresh).map((r) => r.id);
  const refreshed = stale.length ? await refreshCredit(db, stale, now) : new Map();
  return rows.rows
    .filter((r) => (r.fresh ? (r.score as number) : (refreshed.get(r.id)?.score ?? 0)) >= minCredit)
    .map((r) => r.id)
    .sort();
}
