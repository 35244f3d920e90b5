// The after-sale and jury rows of the authorization matrix (safety/operations.ts spreads them
// in): who may read and move a case. The buyer is B, the seller A, a stranger C; a juror is a
// member drawn for the case.
import { randomBytes } from 'node:crypto';
import type { Row } from '../../safety/operations.ts';
import type { Member, World } from '../../safety/world.ts';

async function step(w: World, token: string, path: string, body?: unknown) {
  const r = await w.t.req('POST', path, { token, ...(body === undefined ? {} : { body }) });
  if (r.status >= 300) throw new Error(`fixture ${path}: ${r.status} ${r.text.slice(0, 200)}`);
  return r.json;
}

/** A case B opened on a shipped order of A's, taken to `state`; its description carries a secret. */
async function caseIn(w: World, state: 'open' | 'awaiting_return' | 'returning' | 'rejected' | 'in_jury' = 'open') {
  const order = await w.order('shipped');
  const secret = `售后-${randomBytes(4).toString('hex')}`;
  const c = await step(w, w.B.token, `/orders/${order.id}/after-sale`, {
    reason: 'damaged', description: `${secret} 外壳裂了`, returnItem: state === 'awaiting_return' || state === 'returning',
  });
  if (state === 'awaiting_return' || state === 'returning') await step(w, w.A.token, `/after-sales/${c.id}/accept`);
  if (state === 'returning') await step(w, w.B.token, `/after-sales/${c.id}/return`, { carrier: '中通', trackingNumber: 'ZT12345678' });
  if (state === 'rejected' || state === 'in_jury') await step(w, w.A.token, `/after-sales/${c.id}/reject`, { description: '发货时完好' });
  return { id: c.id as string, orderId: order.id, secret };
}

// Jurors made here (verified, 400 days old: credit 700); the draw may also take eligible
// members other suites made, whose tokens we do not hold.
const jurors = new Map<string, Member>();

/** An escalated case with a jury, and one of its jurors whose token we hold. */
async function jury(w: World) {
  for (let i = 0; i < 7; i++) {
    const j = await w.t.user({ verified: true, ageDays: 400, prefix: 'jr' });
    jurors.set(j.id, j);
  }
  const c = await caseIn(w, 'in_jury');
  await step(w, w.B.token, `/after-sales/${c.id}/escalate`);
  const drawn = await w.t.db.selectFrom('afterSaleJurors').select('userId').where('caseId', '=', c.id).execute();
  const juror = drawn.map((d) => jurors.get(d.userId)).find(Boolean);
  if (!juror) throw new Error('fixture jury: none of the drawn jurors is ours');
  return { ...c, juror };
}

const byId = { guards: 'case', visitor: '401', stranger: '404', party: '2xx', peer: '403' } as const;

export const afterSaleRows: Record<string, Row> = {
  'POST /orders/{id}/after-sale': {
    guards: 'order', visitor: '401', stranger: '404', party: '2xx', peer: '403',
    setup: async (w) => ({ party: w.B, peer: w.A, params: { id: (await w.order('shipped')).id }, body: { reason: 'not_as_described', description: '和描述不一样' } }),
  },
  'GET /orders/{id}/after-sale': {
    guards: 'order', visitor: '401', stranger: '404', party: '2xx', peer: '2xx',
    setup: async (w) => {
      const c = await caseIn(w);
      return { party: w.B, peer: w.A, params: { id: c.orderId }, secrets: [c.secret] };
    },
  },
  'GET /after-sales': {
    visitor: '401', stranger: '2xx', party: '2xx', guards: 'case',
    setup: async (w) => ({ party: w.B, query: { role: 'buyer' }, secrets: [(await caseIn(w)).secret] }),
  },
  'GET /after-sales/{id}': {
    guards: 'case', visitor: '401', stranger: '404', party: '2xx', peer: '2xx',
    setup: async (w) => {
      const c = await caseIn(w);
      return { party: w.B, peer: w.A, params: { id: c.id }, secrets: [c.secret] };
    },
  },
  'POST /after-sales/{id}/accept': { ...byId, setup: async (w) => ({ party: w.A, peer: w.B, params: { id: (await caseIn(w)).id } }) },
  'POST /after-sales/{id}/reject': {
    ...byId, setup: async (w) => ({ party: w.A, peer: w.B, params: { id: (await caseIn(w)).id }, body: { description: '发货时完好' } }),
  },
  'POST /after-sales/{id}/return': {
    ...byId,
    setup: async (w) => ({ party: w.B, peer: w.A, params: { id: (await caseIn(w, 'awaiting_return')).id }, body: { carrier: '中通', trackingNumber: 'ZT12345678' } }),
  },
  'POST /after-sales/{id}/received': { ...byId, setup: async (w) => ({ party: w.A, peer: w.B, params: { id: (await caseIn(w, 'returning')).id } }) },
  'POST /after-sales/{id}/escalate': { ...byId, setup: async (w) => ({ party: w.B, peer: w.A, params: { id: (await caseIn(w, 'rejected')).id } }) },
  'POST /after-sales/{id}/withdraw': { ...byId, setup: async (w) => ({ party: w.B, peer: w.A, params: { id: (await caseIn(w)).id } }) },
  'GET /jury/cases': {
    visitor: '401', stranger: '2xx', party: '2xx', guards: 'case',
    setup: async (w) => {
      const c = await jury(w);
      return { party: c.juror, secrets: [c.secret] };
    },
  },
  // A member who is not on the jury is told so (403 not_a_juror, API.md), and so are the parties.
  'POST /jury/cases/{id}/vote': {
    guards: 'case', visitor: '401', stranger: '403', party: '2xx', peer: '403',
    setup: async (w) => {
      const c = await jury(w);
      return { party: c.juror, peer: w.B, params: { id: c.id }, body: { verdict: 'refund', reason: '照片显示有裂痕' } };
    },
  },
  'GET /jury/log': { visitor: '2xx', stranger: '2xx', party: '2xx', setup: async (w) => ({ party: w.A }) },
};
