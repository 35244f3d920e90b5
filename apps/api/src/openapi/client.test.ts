// @jishi/client against the real app: the generated types and openapi-fetch runtime carry a
// sign-up, a listing, a list, an order under an Idempotency-Key and a problem, end to end.
import { ProblemError, createClient, unwrap } from '@jishi/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const baseUrl = 'http://jishi.test';
const clientFor = (token?: string) => createClient({ baseUrl, token, fetch: async (req: Request) => t.app.request(req) });

beforeAll(async () => {
  t = await createTestApp();
});

describe('@jishi/client', () => {
  it('signs up, lists a seller’s items and places one order under an Idempotency-Key', async () => {
    const seller = await t.user({ verified: true });
    const sellerApi = clientFor(seller.token);
    const item = await unwrap(
      sellerApi.POST('/api/v1/items', { body: { title: '二手自行车', price: 18000, quantity: 2, delivery: ['pickup'] } }),
    );
    expect(item.status).toBe('on_sale');

    const signup = await unwrap(
      clientFor().POST('/api/v1/auth/register', { body: { username: `buyer_${Date.now() % 100000}`, password: 'correct-horse-9' } }),
    );
    const buyer = clientFor(signup.token);
    const listed = await unwrap(buyer.GET('/api/v1/users/{id}/items', { params: { path: { id: seller.id } } }));
    expect(listed.items.map((i) => i.id)).toContain(item.id);

    const key = 'client-test-order-1';
    const place = () =>
      unwrap(buyer.POST('/api/v1/orders', { params: { header: { 'idempotency-key': key } }, body: { itemId: item.id, delivery: 'pickup' } }));
    const first = await place();
    const replay = await place();
    expect(first.status).toBe('pending_payment');
    expect(replay.id).toBe(first.id);
    expect(first.total).toBe(18000);
  });

  it('throws a ProblemError with the stable code', async () => {
    const stranger = await t.user();
    const err = await unwrap(clientFor(stranger.token).GET('/api/v1/orders/{id}', { params: { path: { id: '0000a1b2c3d4e5f6' } } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemError);
    expect((err as ProblemError).status).toBe(404);
    expect((err as ProblemError).code).toBe('not_found');
  });
});
