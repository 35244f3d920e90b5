// The after-sale part of the crash test (crash.ts): on a shipped or a completed order the buyer
// opens a case (the whole amount or part of it, sometimes sending the item back), and the case
// runs to one of its ends — the seller accepts (a refund from escrow, or from the seller's
// balance with the platform advancing what a seller who withdrew cannot cover), the item goes
// back and is received, the buyer withdraws, or the seller rejects, the buyer escalates and the
// drawn jurors vote (an operator decides when no jury can be formed, and sometimes overrides
// one). kill -9 lands anywhere in these steps; the ledger must verify after every restart.
export type Call = (method: string, path: string, token?: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; json: { id?: string; status?: string } | null }>;

export type CaseCast = {
  /** Verified members old enough (credit ≥ 700) who never trade: eligible for every jury. */
  jurors: string[];
  /** A moderator's token, for POST /admin/after-sales/:id/decide. */
  operator: string;
};

const key = (what: string) => ({ 'idempotency-key': `${what}-${Math.random().toString(36).slice(2)}` });
const verdict = () => (Math.random() < 0.5 ? 'refund' : 'release');
const shuffled = <T>(xs: T[]) => xs.map((x) => [Math.random(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);

/** The buyer opens a case on order `id` for `held` fen at stake; returns the case, or null when refused (or killed). */
async function open(call: Call, buyer: string, id: string, held: number, returnItem: boolean, reason = 'not_as_described') {
  const amount = Math.random() < 0.3 ? Math.max(1, Math.floor(held / 2)) : undefined;
  const r = await call('POST', `/orders/${id}/after-sale`, buyer, { reason, description: '收到的和描述不一样', returnItem, ...(amount ? { amount } : {}) }, key('case'));
  return r.status === 201 && r.json?.id ? { id: r.json.id } : null;
}

/** The jurors vote, blind, until the jury decides; sometimes an operator overrides it midway. */
async function jury(call: Call, cast: CaseCast, caseId: string) {
  const override = Math.random() < 0.25;
  let votes = 0;
  for (const juror of shuffled(cast.jurors)) {
    if (override && votes === 2) {
      await call('POST', `/admin/after-sales/${caseId}/decide`, cast.operator, { verdict: verdict(), reason: '证据清楚，直接裁决' });
      return;
    }
    const r = await call('POST', `/jury/cases/${caseId}/vote`, juror, { verdict: verdict(), reason: '看了双方的照片和说明' }, key('vote'));
    if (r.status === 403) continue; // not drawn for this case
    if (r.status !== 200 || r.json?.status !== 'in_jury') return; // decided (or killed)
    votes += 1;
  }
}

type Answer = 'accept' | 'withdraw' | 'jury';

/** The seller's answer and what follows; a withdrawn case on a shipped order is then confirmed. */
async function answer(call: Call, cast: CaseCast, seller: string, buyer: string, caseId: string, how: Answer, after?: () => Promise<unknown>) {
  if (how === 'accept') {
    await call('POST', `/after-sales/${caseId}/accept`, seller, undefined, key('accept'));
  } else if (how === 'withdraw') {
    await call('POST', `/after-sales/${caseId}/withdraw`, buyer, undefined, key('withdraw'));
    await after?.();
  } else {
    await call('POST', `/after-sales/${caseId}/reject`, seller, { description: '发货前检查过，完好' });
    const e = await call('POST', `/after-sales/${caseId}/escalate`, buyer);
    if (e.json?.status === 'in_jury') await jury(call, cast, caseId);
    else if (e.json?.status === 'with_operator') {
      await call('POST', `/admin/after-sales/${caseId}/decide`, cast.operator, { verdict: verdict(), reason: '陪审员不足，运营裁决' });
    }
  }
}

const pick = (roll: number): Answer => (roll < 0.35 ? 'accept' : roll < 0.55 ? 'withdraw' : 'jury');

/** A shipped order (`completed` false) or a completed one goes through a case; false when no case opened. */
export async function caseFlow(call: Call, cast: CaseCast, seller: string, buyer: string, id: string, total: number, completed: boolean): Promise<boolean> {
  // A completed order: the refund comes from the seller's balance (and the platform's advance).
  if (completed) {
    const c = await open(call, buyer, id, total, false);
    if (c) await answer(call, cast, seller, buyer, c.id, 'accept');
    return !!c;
  }
  const roll = Math.random();
  const returnItem = roll < 0.2;
  const c = await open(call, buyer, id, total, returnItem);
  if (!c) return false;
  if (returnItem) {
    await call('POST', `/after-sales/${c.id}/accept`, seller, undefined, key('accept'));
    await call('POST', `/after-sales/${c.id}/return`, buyer, { carrier: 'SF', trackingNumber: `SFR${id}` });
    await call('POST', `/after-sales/${c.id}/received`, seller, undefined, key('received'));
  } else {
    await answer(call, cast, seller, buyer, c.id, pick((roll - 0.2) / 0.8), () => call('POST', `/orders/${id}/confirm`, buyer));
  }
  return true;
}
