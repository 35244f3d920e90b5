// The hub's batched NOTIFY (lib/realtime.ts): a burst of publishes shares a few statements, and
// every envelope still arrives, once, in the order it was published — small and large ones mixed,
// across several payloads.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers.ts';

const t = await createTestApp();

async function until(cond: () => boolean, ms = 10_000) {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('batched NOTIFY', () => {
  it('a burst of 300 envelopes (some near the size limit) arrives complete and in publish order', async () => {
    const got: { n: number; to: string }[] = [];
    const detachA = t.deps.hub.attach('member-a', { send: (d) => got.push({ ...(JSON.parse(d) as { n: number }), to: 'a' }) });
    const detachB = t.deps.hub.attach('member-b', { send: (d) => got.push({ ...(JSON.parse(d) as { n: number }), to: 'b' }) });
    const pad = 'x'.repeat(3000);
    const sends = Array.from({ length: 300 }, (_, n) =>
      n % 3 === 0
        ? t.deps.hub.publishMany(t.deps.db, [{ users: ['member-a', 'member-b'], envelope: { type: 'test', n, pad: n % 30 === 0 ? pad : '' } }])
        : t.deps.hub.publish(t.deps.db, ['member-a'], { type: 'test', n }),
    );
    await Promise.all(sends);
    await until(() => got.length >= 400);
    await new Promise((r) => setTimeout(r, 200)); // nothing more (no duplicate) arrives
    detachA();
    detachB();
    const toA = got.filter((g) => g.to === 'a').map((g) => g.n);
    const toB = got.filter((g) => g.to === 'b').map((g) => g.n);
    expect(toA).toEqual(Array.from({ length: 300 }, (_, n) => n));
    expect(toB).toEqual(Array.from({ length: 100 }, (_, i) => i * 3));
  });

  it('an envelope too big for NOTIFY becomes a pointer, and the others in its batch still arrive', async () => {
    const got: { type: string; truncated?: boolean; n?: number }[] = [];
    const detach = t.deps.hub.attach('member-c', { send: (d) => got.push(JSON.parse(d)) });
    await Promise.all([
      t.deps.hub.publish(t.deps.db, ['member-c'], { type: 'test', n: 1 }),
      t.deps.hub.publish(t.deps.db, ['member-c'], { type: 'big', conversationId: 'c1', pad: 'y'.repeat(9000) }),
      t.deps.hub.publish(t.deps.db, ['member-c'], { type: 'test', n: 2 }),
    ]);
    await until(() => got.length >= 3);
    detach();
    expect(got).toEqual([{ type: 'test', n: 1 }, { type: 'big', truncated: true, conversationId: 'c1' }, { type: 'test', n: 2 }]);
  });
});
