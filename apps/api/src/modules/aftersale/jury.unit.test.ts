// The draw, pure: over random member graphs it never picks a party, a member connected to one,
// or an ineligible member; it takes as many as it can; and it is uniform (chi-square).
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type MemberGraph, drawJurors, eligibleInGraph } from './jury.ts';

/** mulberry32: a small seeded generator, so a failure reproduces. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (k: number) => Math.floor(next() * k) };
}

function randomGraph(r: ReturnType<typeof seeded>, n: number, density: number): MemberGraph {
  const members = Array.from({ length: n }, (_, i) => ({
    id: `m${i}`,
    verified: r.next() < 0.8,
    active: r.next() < 0.95,
    credit: 500 + r.int(400),
  }));
  const edges: [string, string][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (r.next() < density) edges.push([`m${i}`, `m${j}`]);
  return { members, edges };
}

describe('the jury draw over random member graphs', () => {
  it('never picks a party, a connected member, an ineligible one, or anyone twice', () => {
    const r = seeded(20260301);
    for (let round = 0; round < 500; round++) {
      const g = randomGraph(r, 5 + r.int(60), r.next() * 0.3);
      const buyer = `m${r.int(g.members.length)}`;
      let seller = `m${r.int(g.members.length)}`;
      while (seller === buyer) seller = `m${r.int(g.members.length)}`;
      const already = g.members.filter(() => r.next() < 0.05).map((m) => m.id);
      const pool = eligibleInGraph(g, [buyer, seller], 700, already);
      const drawn = drawJurors(pool, 7, r.int);
      expect(drawn).toHaveLength(Math.min(7, pool.length));
      expect(new Set(drawn).size).toBe(drawn.length);
      const connected = new Set(g.edges.flatMap(([a, b]) => (a === buyer || a === seller ? [b] : b === buyer || b === seller ? [a] : [])));
      for (const id of drawn) {
        const m = g.members.find((x) => x.id === id);
        expect(id).not.toBe(buyer);
        expect(id).not.toBe(seller);
        expect(connected.has(id)).toBe(false);
        expect(already).not.toContain(id);
        expect(m?.verified && m.active && m.credit >= 700).toBe(true);
      }
      // And everyone the rule admits is in the pool.
      const admitted = g.members.filter((m) => m.verified && m.active && m.credit >= 700 && m.id !== buyer && m.id !== seller && !connected.has(m.id) && !already.includes(m.id));
      expect(pool.sort()).toEqual(admitted.map((m) => m.id).sort());
    }
  });

  // Each of 20 members should be drawn 7/20 of the time. Chi-square with 19 degrees of freedom.
  const chiSquare = (rand: (k: number) => number, draws: number) => {
    const pool = Array.from({ length: 20 }, (_, i) => `p${i}`);
    const counts = new Map(pool.map((p) => [p, 0]));
    for (let i = 0; i < draws; i++) for (const p of drawJurors(pool, 7, rand)) counts.set(p, (counts.get(p) ?? 0) + 1);
    const expected = (draws * 7) / 20;
    return [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
  };

  it('is uniform: chi-square below the p = 0.001 critical value (43.8) with a seeded generator', () => {
    expect(chiSquare(seeded(7).int, 20_000)).toBeLessThan(43.8);
  });

  it('is uniform with the crypto generator production uses (p = 1e-6 critical value, 65.0)', () => {
    expect(chiSquare(randomInt, 20_000)).toBeLessThan(65);
  });

  it('a biased draw would fail the same test', () => {
    // Always starting the shuffle at the same place: the first 7 are always taken.
    expect(chiSquare(() => 0, 2_000)).toBeGreaterThan(1000);
  });
});
