// The payout-account rows of the authorization matrix (safety/operations.ts spreads them in).
// A stranger lists and adds only their own; removing someone else's method is 404.
import type { Row } from '../../safety/operations.ts';

const alipay = (prefix: string) => ({
  kind: 'alipay',
  account: `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@example.com`,
  holderName: '王小明',
});

export const payoutMethodRows: Record<string, Row> = {
  'GET /me/payout-methods': {
    visitor: '401', stranger: '2xx', party: '2xx', guards: 'wallet',
    setup: async (w) => {
      const r = await w.t.req('GET', '/me/payout-methods', { token: w.A.token });
      return { party: w.A, secrets: (r.json.items as { id: string }[]).map((m) => m.id) };
    },
  },
  'POST /me/payout-methods': {
    visitor: '401', stranger: '2xx', party: '2xx',
    setup: async (w) => ({ party: await w.member(), stranger: await w.member(), body: alipay('p') }),
  },
  'DELETE /me/payout-methods/{id}': {
    visitor: '401', stranger: '404', party: '2xx', guards: 'wallet',
    setup: async (w) => {
      const r = await w.t.req('POST', '/me/payout-methods', { token: w.A.token, body: alipay('d') });
      if (r.status !== 201) throw new Error(`setup: payout method ${r.status} ${r.text}`);
      return { party: w.A, params: { id: r.json.id as string } };
    },
  },
};
