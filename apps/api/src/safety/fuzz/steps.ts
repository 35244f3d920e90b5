// One step of the fuzz: a single act, a few acts at once (the answers must match the model in
// SOME order of them: linearizability), an act submitted twice at once under one
// Idempotency-Key, a replay of an earlier key, or the clock moving on and the sweeps running.
import type { Res } from '../../../test/helpers.ts';
import { retryStuckWithdrawals } from '../../modules/ledger/withdrawals.ts';
import { expireDueOrders } from '../../modules/orders/service/cancel.ts';
import { autoConfirmDue } from '../../modules/orders/service/fulfil.ts';
import { type Act, type Ctx, type Sent, expect, pick, requestOf, send } from './actions.ts';
import { compare } from './check.ts';
import { type State, clone, sweep } from './model.ts';
import type { Rng } from './rng.ts';

export type Keyed = { actor: number; key: string; request: ReturnType<typeof requestOf>; status: number; id?: string; code?: string; at: number };
export type Run = { ctx: Ctx; s: State; rng: Rng; keyed: Keyed[]; start: number; setNow: (ms: number) => void };

const show = (r: Res) => `${r.status} ${r.json?.code ?? r.json?.status ?? ''}`;
export const describeAct = (a: Sent) => JSON.stringify(a);

let keySeq = 0;
const newKey = (rng: Rng) => `fz-${rng.seed.toString(36)}-${++keySeq}`;

function remember(run: Run, a: Sent, res: Res) {
  if (!a.key || res.status === 429) return; // a rate-limited request is not recorded: retry it later
  run.keyed.push({
    actor: a.actor, key: a.key, request: requestOf(run.s, a), status: res.status,
    id: res.status < 300 ? res.json?.id : undefined, code: res.json?.code, at: run.s.now,
  });
}

/** One act, alone: its answer must be the model's. */
async function single(run: Run, a: Sent): Promise<string> {
  const e = expect(run.s, a);
  const res = await send(run.ctx, run.s, a);
  const why = e.accept(res);
  if (why) throw new Error(`${describeAct(a)} → ${show(res)} ${res.text.slice(0, 200)}; ${why}`);
  remember(run, a, res);
  e.apply(res);
  return `${a.kind} → ${show(res)}`;
}

function permutations<X>(xs: X[]): X[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

/** A conflicting partner for an act: the same order, item or balance, so that the race matters. */
function partner(run: Run, a: Act): Act {
  const { s, rng } = run;
  const n = run.ctx.members.length;
  if ('order' in a) {
    const o = s.orders[a.order];
    const kind = rng.pick(['pay', 'cancel', 'cancel', 'ship', 'deliver', 'confirm', 'handover'] as const);
    const actor = kind === 'pay' || kind === 'confirm' || rng.next() < 0.4 ? (o?.buyer ?? 0) : (o?.seller ?? 0);
    return kind === 'handover' ? { kind, actor: o?.seller ?? 0, order: a.order, right: true } : { kind, actor, order: a.order };
  }
  if (a.kind === 'place') {
    const seller = s.items[a.item]?.seller ?? 0;
    const others = [...Array(n).keys()].filter((m) => m !== seller);
    return { ...a, actor: rng.pick(others) };
  }
  if (a.kind === 'withdraw') return { ...a, amount: Math.max(100, Math.ceil((s.available[a.actor] ?? 0) * 0.6)) };
  return pick(s, rng, n);
}

/** 2–3 acts at once: some order of them must explain every answer and the rows they leave. */
async function together(run: Run, acts: Sent[]): Promise<string> {
  const results = await Promise.all(acts.map((a) => send(run.ctx, run.s, a)));
  await run.ctx.t.gateway.settled();
  const candidates: State[] = [];
  for (const order of permutations(acts.map((_, i) => i))) {
    const trial = clone(run.s);
    const ok = order.every((i) => {
      const e = expect(trial, acts[i] as Act, { acts, results, self: i });
      if (e.accept(results[i] as Res)) return false;
      e.apply(results[i] as Res);
      return true;
    });
    if (ok) candidates.push(trial);
  }
  if (!candidates.length) {
    const lines = acts.map((a, i) => `  ${describeAct(a)} → ${show(results[i] as Res)} ${(results[i] as Res).text.slice(0, 160)} (alone: ${expect(run.s, a).describe})`);
    throw new Error(`no order of these concurrent acts explains the answers:\n${lines.join('\n')}`);
  }
  // Answers alike in every order (two restocks both 200): the rows tell which order it was.
  let chosen = candidates[0] as State;
  if (candidates.length > 1) {
    for (const c of candidates) {
      if (!(await compare(run.ctx, c, null)).length) {
        chosen = c;
        break;
      }
    }
  }
  for (const [i, a] of acts.entries()) remember(run, a, results[i] as Res);
  Object.assign(run.s, chosen);
  return `together ${acts.map((a, i) => `${a.kind} → ${show(results[i] as Res)}`).join(', ')}`;
}

/** The same request twice at once under one key: one effect, one answer. */
async function doubleSubmit(run: Run, a: Sent): Promise<string> {
  const e = expect(run.s, a);
  const [r1, r2] = await Promise.all([send(run.ctx, run.s, a), send(run.ctx, run.s, a)]);
  await run.ctx.t.gateway.settled();
  const same = r1.status === r2.status && r1.json?.id === r2.json?.id && r1.json?.code === r2.json?.code;
  const why = e.accept(r1) ?? (same ? null : 'the two answers differ');
  if (why) throw new Error(`double submit ${describeAct(a)} → ${show(r1)} / ${show(r2)}: ${why}`);
  remember(run, a, r1);
  e.apply(r1);
  return `double ${a.kind} → ${show(r1)}`;
}

/** The same request with one real field changed (unknown fields are dropped before hashing). */
function anotherBody(body: unknown): object | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if ('amount' in b) return { ...b, amount: Number(b.amount) + 1 };
  if ('quantity' in b && 'itemId' in b) return { ...b, quantity: Number(b.quantity) + 1 };
  if ('reason' in b) return { ...b, reason: `${b.reason}!` };
  if ('trackingNumber' in b) return { ...b, trackingNumber: `${b.trackingNumber}9` };
  if ('pickupCode' in b) return { ...b, pickupCode: `${b.pickupCode}9` };
  return null;
}

/** An earlier keyed request again: its first answer, and nothing moves (the model is unchanged). */
async function replay(run: Run): Promise<string> {
  const k = run.rng.pick(run.keyed);
  const token = run.ctx.members[k.actor]?.token;
  const other = run.rng.next() < 0.15 ? anotherBody(k.request.body) : null;
  const changed = other !== null;
  const body = other ?? k.request.body;
  const res = await run.ctx.t.req(k.request.method, k.request.url, { token, body, headers: { 'idempotency-key': k.key } });
  if (changed) {
    if (res.status !== 422 || res.json?.code !== 'idempotency_key_reused') throw new Error(`key ${k.key} reused for another request → ${show(res)}`);
    return 'replay (another body) → 422';
  }
  const same = res.status === k.status && (k.status >= 400 ? res.json?.code === k.code : res.json?.id === k.id);
  if (!same) throw new Error(`replay of ${k.request.method} ${k.request.url} key ${k.key}: first ${k.status} ${k.id ?? k.code}, now ${show(res)} ${res.text.slice(0, 200)}`);
  return `replay ${k.request.url} → ${show(res)}`;
}

/** The acts that take an Idempotency-Key (API.md: every money-moving request). */
const MONEY = new Set<Act['kind']>(['place', 'pay', 'ship', 'deliver', 'confirm', 'handover', 'cancel', 'withdraw']);

const SHORT_TICKS = [61_000, 16 * 60_000, 3_600_000];
const TICKS = [...SHORT_TICKS, 3 * 86_400_000 + 60_000, 10 * 86_400_000 + 60_000];
/** A run's clock moves at most this far (sessions last SESSION_DAYS of it). */
const RUN_SPAN_MS = 90 * 86_400_000;

/** The clock moves; the sweeps run as pg-boss would run them; the model does the same. */
async function tick(run: Run, fixed?: number): Promise<string> {
  const ms = fixed ?? run.rng.pick(run.s.now - run.start > RUN_SPAN_MS ? SHORT_TICKS : TICKS);
  run.s.now += ms;
  run.setNow(run.s.now);
  const before = clone(run.s);
  sweep(run.s);
  const deps = run.ctx.t.deps;
  const expired = await expireDueOrders(deps);
  const confirmed = await autoConfirmDue(deps);
  await retryStuckWithdrawals(deps);
  await run.ctx.t.gateway.settled();
  const want = {
    expired: run.s.orders.filter((o, i) => o.status === 'cancelled' && before.orders[i]?.status === 'pending_payment').length,
    confirmed: run.s.orders.filter((o, i) => o.status === 'completed' && before.orders[i]?.status !== 'completed').length,
  };
  if (expired !== want.expired || confirmed !== want.confirmed) {
    throw new Error(`sweeps after ${ms} ms: expired ${expired}, auto-confirmed ${confirmed}; model says ${want.expired}, ${want.confirmed}`);
  }
  return `tick ${ms} ms: expired ${expired}, confirmed ${confirmed}`;
}

/** The end of a run: past every expiry and auto-confirm, and every payout retried. */
export const drain = (run: Run) => tick(run, 11 * 86_400_000);

export async function step(run: Run): Promise<string> {
  const { rng, s } = run;
  s.now += 1000;
  run.setNow(s.now);
  const n = run.ctx.members.length;
  const keyed = (a: Act): Sent => (MONEY.has(a.kind) && rng.next() < 0.3 ? { ...a, key: newKey(rng) } : a);
  const x = rng.next();
  if (x < 0.05) return tick(run);
  if (x < 0.09 && run.keyed.length) return replay(run);
  if (x < 0.12) {
    const a = pick(s, rng, n);
    if (MONEY.has(a.kind)) return doubleSubmit(run, { ...a, key: newKey(rng) });
  }
  if (x < 0.3) {
    const first = pick(s, rng, n);
    const acts = [first, rng.next() < 0.6 ? partner(run, first) : pick(s, rng, n)];
    if (rng.next() < 0.3) acts.push(pick(s, rng, n));
    return together(run, acts.map(keyed));
  }
  return single(run, keyed(pick(s, rng, n)));
}
