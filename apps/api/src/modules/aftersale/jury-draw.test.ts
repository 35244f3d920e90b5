// The SQL side of the draw against the pure rule: random member graphs written to the database
// (follows, conversations, orders between members; verified or not, old or new, banned or not),
// then the eligible set read by eligibleJurors must be exactly the one eligibleInGraph computes.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';
import { type MemberGraph, drawJurors, eligibleInGraph, eligibleJurors } from './jury.ts';

const t = await createTestApp();
const DAY = 86_400_000;
const graph: MemberGraph = { members: [], edges: [] };

async function addMember(rand: () => number) {
  const verified = rand() < 0.75;
  const old = rand() < 0.7;
  const banned = rand() < 0.1;
  const now = t.clock.now().getTime();
  const row = await t.db
    .insertInto('users')
    .values({
      username: `g_${randomBytes(6).toString('hex')}`, passwordHash: 'x', displayName: 'g',
      createdAt: new Date(now - (old ? 400 : 40) * DAY), status: banned ? 'banned' : 'active',
      verifiedAt: verified ? new Date(now) : null, idNumberEnc: verified ? 'enc' : null,
    })
    .returning('id').executeTakeFirstOrThrow();
  // Verified and 300+ days old is 700 (credit.ts); nothing else scores here.
  graph.members.push({ id: row.id, verified, active: !banned, credit: verified && old ? 700 : 600 });
  return row.id;
}

async function connect(a: string, b: string, kind: number) {
  if (kind === 0) {
    await t.db.insertInto('follows').values({ followerId: a, followeeId: b }).onConflict((oc) => oc.doNothing()).execute();
  } else if (kind === 1) {
    const [x, y] = [a, b].sort() as [string, string];
    const c = await t.db.insertInto('conversations').values({ userA: x, userB: y }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
    if (!c) return;
    await t.db.insertInto('conversationMembers').values([
      { conversationId: c.id, userId: x, peerId: y, sortKey: c.id },
      { conversationId: c.id, userId: y, peerId: x, sortKey: c.id },
    ]).execute();
  } else {
    const item = await t.db.insertInto('items').values({ sellerId: b, title: 'g', price: 100, quantity: 1, available: 1, delivery: ['online'], category: 'books' }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('orders').values({
      itemId: item.id, buyerId: a, sellerId: b, quantity: 1, unitPrice: 100, itemTotal: 100, shippingFee: 0, total: 100, fee: 1,
      sellerProceeds: 99, feeBps: 60, delivery: 'online', itemSnapshot: '{}', status: 'cancelled', expiresAt: t.clock.now(),
    }).execute();
  }
  graph.edges.push([a, b]);
}

describe('eligibleJurors (SQL) agrees with the rule', () => {
  it('over random graphs, and a draw from it never holds a party or a connected member', async () => {
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let excludedByConnection = 0;
    for (let round = 0; round < 6; round++) {
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) ids.push(await addMember(rand));
      for (let i = 0; i < ids.length; i++) {
        for (let j = 0; j < ids.length; j++) {
          if (i !== j && rand() < 0.06) await connect(ids[i] as string, ids[j] as string, Math.floor(rand() * 3));
        }
      }
      const buyer = ids[Math.floor(rand() * ids.length)] as string;
      const seller = ids.find((id) => id !== buyer) as string;
      const sql = await eligibleJurors(t.db, 'ffffffffffffffff', [buyer, seller], 700, t.clock.now());
      const rule = eligibleInGraph(graph, [buyer, seller], 700);
      expect(sql).toEqual([...rule].sort());
      const connected = new Set(graph.edges.flatMap(([a, b]) => (a === buyer || a === seller ? [b] : b === buyer || b === seller ? [a] : [])));
      // The rule had work to do: eligible-looking members were left out for their connection.
      excludedByConnection += graph.members.filter((m) => m.verified && m.active && m.credit >= 700 && connected.has(m.id) && m.id !== buyer && m.id !== seller).length;
      expect(sql.length).toBeGreaterThan(0);
      for (const id of drawJurors(sql, 7)) {
        expect([buyer, seller]).not.toContain(id);
        expect(connected.has(id)).toBe(false);
      }
    }
    expect(excludedByConnection).toBeGreaterThan(0);
  });
});
