// The README's example, type-checked by `tsc -p packages/client` so it cannot rot.
import { createClient, ProblemError, unwrap } from '@jishi/client';

export async function buyFirstBicycle(baseUrl: string, username: string, password: string) {
  // Sign in: the token goes on every later call as `Authorization: Bearer …`.
  const anonymous = createClient({ baseUrl });
  const { token } = await unwrap(anonymous.POST('/api/v1/auth/login', { body: { username, password } }));
  const jishi = createClient({ baseUrl, token });

  // List items: on-sale bicycles under ¥300 (money is integer fen).
  const found = await unwrap(jishi.GET('/api/v1/search', { params: { query: { q: '自行车', type: 'items', maxPrice: 30000 } } }));
  const item = found.items[0];
  if (!item) return null;

  // Place an order with an Idempotency-Key: retrying after a timeout replays the first answer
  // instead of ordering twice.
  const key = crypto.randomUUID();
  try {
    const order = await unwrap(
      jishi.POST('/api/v1/orders', {
        params: { header: { 'idempotency-key': key } },
        body: { itemId: item.id, quantity: 1, delivery: 'pickup' },
      }),
    );
    return { orderId: order.id, total: order.total, status: order.status };
  } catch (err) {
    if (err instanceof ProblemError && err.code === 'out_of_stock') return null;
    throw err;
  }
}
