// The console's rows of the authorization matrix (safety/operations.ts spreads them in): every
// /admin/* operation is 401 to visitors and 403 to members (the stranger C); the party is a
// moderator, or an admin where only an admin may act, and then a moderator (the peer) gets 403.
import type { Row } from '../../safety/operations.ts';
import type { Member, World } from '../../safety/world.ts';

async function withRole(w: World, role: 'moderator' | 'admin'): Promise<Member> {
  const m = await w.member();
  await w.t.db.updateTable('users').set({ role }).where('id', '=', m.id).execute();
  return m;
}

const OPERATOR = { visitor: '401', stranger: '403', party: '2xx' } as const;
const ADMIN = { visitor: '401', stranger: '403', party: '2xx', peer: '403' } as const;

/** A fresh report by B on a note of A's. */
async function reportId(w: World): Promise<string> {
  const noteId = await w.note(w.A);
  const r = await w.t.req('POST', '/reports', { token: w.B.token, body: { targetType: 'note', targetId: noteId, reason: 'spam' } });
  if (r.status !== 201) throw new Error(`fixture report: ${r.status} ${r.text}`);
  return r.json.id as string;
}

/** A case B escalated on a shipped order of A's: with a jury or with operators; both are decided here. */
async function escalatedCase(w: World): Promise<string> {
  const order = await w.order('shipped');
  const step = async (token: string, path: string, body?: unknown) => {
    const r = await w.t.req('POST', path, { token, ...(body === undefined ? {} : { body }) });
    if (r.status >= 300) throw new Error(`fixture ${path}: ${r.status} ${r.text.slice(0, 200)}`);
    return r.json;
  };
  const c = await step(w.B.token, `/orders/${order.id}/after-sale`, { reason: 'damaged', description: '外壳裂了' });
  await step(w.A.token, `/after-sales/${c.id}/reject`, { description: '发货时完好' });
  await step(w.B.token, `/after-sales/${c.id}/escalate`);
  return c.id as string;
}

export const adminRows: Record<string, Row> = {
  'GET /admin/reports': { ...OPERATOR, setup: async (w) => ({ party: await withRole(w, 'moderator') }) },
  'POST /admin/reports/{id}/resolve': {
    ...OPERATOR,
    setup: async (w) => ({ party: await withRole(w, 'moderator'), params: { id: await reportId(w) }, body: { action: 'dismiss', reason: '正常内容' } }),
  },
  'GET /admin/audit': { ...OPERATOR, setup: async (w) => ({ party: await withRole(w, 'moderator') }) },
  'GET /admin/users': { ...OPERATOR, setup: async (w) => ({ party: await withRole(w, 'moderator'), query: { q: 'a' } }) },
  'PUT /admin/users/{id}/role': {
    ...ADMIN,
    setup: async (w) => ({
      party: await withRole(w, 'admin'), peer: await withRole(w, 'moderator'),
      params: { id: (await w.member()).id }, body: { role: 'moderator', reason: '新版主' },
    }),
  },
  'POST /admin/users/{id}/vouch': {
    ...OPERATOR,
    setup: async (w) => ({ party: await withRole(w, 'moderator'), params: { id: (await w.member()).id }, body: { reason: '社区成员' } }),
  },
  'POST /admin/users/{id}/unvouch': {
    ...OPERATOR,
    setup: async (w) => {
      const party = await withRole(w, 'moderator');
      const m = await w.member();
      await w.t.db.updateTable('users').set({ vouchedAt: new Date(), vouchedBy: party.id }).where('id', '=', m.id).execute();
      return { party, params: { id: m.id }, body: { reason: '已离开社区' } };
    },
  },
  'GET /admin/stats': {
    ...OPERATOR,
    setup: async (w) => ({ party: await withRole(w, 'moderator'), query: { from: '2026-01-01', to: '2026-01-31', bucket: 'week' } }),
  },
  'GET /admin/settings': { ...ADMIN, setup: async (w) => ({ party: await withRole(w, 'admin'), peer: await withRole(w, 'moderator') }) },
  'PATCH /admin/settings': {
    ...ADMIN,
    setup: async (w) => ({ party: await withRole(w, 'admin'), peer: await withRole(w, 'moderator'), body: { reason: '核对默认值', jurySize: null } }),
  },
  'GET /admin/after-sales': { ...OPERATOR, setup: async (w) => ({ party: await withRole(w, 'moderator') }) },
  'POST /admin/after-sales/{id}/decide': {
    ...OPERATOR,
    setup: async (w) => ({ party: await withRole(w, 'moderator'), params: { id: await escalatedCase(w) }, body: { verdict: 'release', reason: '证据不足' } }),
  },
  'GET /admin/withdrawals': { ...OPERATOR, setup: async (w) => ({ party: await withRole(w, 'moderator') }) },
  // The sandbox pays at once, so the party's retry of a paid withdrawal is 409 invalid_state
  // (the 2xx retry is tested with a provider that says "try again": operations.test.ts).
  'POST /admin/withdrawals/{id}/retry': {
    visitor: '401', stranger: '403', party: '4xx', peer: '403',
    setup: async (w) => ({ party: await withRole(w, 'admin'), peer: await withRole(w, 'moderator'), params: { id: await w.withdrawal() }, body: { reason: '再试一次' } }),
  },
};
