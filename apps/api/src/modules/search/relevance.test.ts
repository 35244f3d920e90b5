// The labelled relevance set (relevance/queries.ts) against the real search over HTTP: recall@5
// and MRR for each half. The tuning half is what the ranking was adjusted on; the held-out half
// is reported and guarded by a floor. SEARCH_EVAL_VERBOSE=1 prints the tuning half's misses
// (never the held-out half's, so looking at them cannot leak into the tuning).
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';
import { DAY_MS } from '../../lib/clock.ts';
import { CORPUS_ITEMS, CORPUS_NOTES } from './relevance/corpus.ts';
import { QUERIES } from './relevance/queries.ts';

const t = await createTestApp();
const keyOf = new Map<string, string>();

beforeAll(async () => {
  const sellers = await Promise.all(Array.from({ length: 6 }, (_, i) => t.user({ verified: true, ageDays: 200, prefix: `r${i}` })));
  const now = t.clock.now().getTime();
  for (const [i, [key, title, description, category, yuan]] of CORPUS_ITEMS.entries()) {
    const seller = sellers[i % sellers.length] as (typeof sellers)[number];
    const r = await t.req('POST', '/items', {
      token: seller.token,
      body: { title, description, price: yuan * 100, delivery: ['pickup'], category },
    });
    if (r.status !== 201) throw new Error(`${key}: ${r.status} ${r.text}`);
    keyOf.set(r.json.id, key);
    // Ages spread over two months, fixed per row, so freshness plays its part as it would live.
    const age = ((i * 37) % 60) * DAY_MS;
    await t.db.updateTable('items').set({ createdAt: new Date(now - age) }).where('id', '=', r.json.id).execute();
  }
  for (const [i, [key, title, body, tags, kind]] of CORPUS_NOTES.entries()) {
    const author = sellers[i % sellers.length] as (typeof sellers)[number];
    const r = await t.req('POST', '/notes', { token: author.token, body: { title, body, tags, kind: kind ?? 'note' } });
    if (r.status !== 201) throw new Error(`${key}: ${r.status} ${r.text}`);
    keyOf.set(r.json.id, key);
  }
}, 240_000);

type Score = { recall: number; rr: number };

async function evaluate(q: string, expected: readonly string[], type: 'items' | 'notes'): Promise<Score & { got: string[] }> {
  const r = await t.req('GET', `/search?type=${type}&limit=10&q=${encodeURIComponent(q)}`);
  expect(r.status).toBe(200);
  const got = (r.json.items as { id: string }[]).map((x) => keyOf.get(x.id) ?? '?');
  const top5 = got.slice(0, 5);
  const relevant = new Set(expected);
  const recall = top5.filter((k) => relevant.has(k)).length / Math.min(5, relevant.size);
  const first = got.findIndex((k) => relevant.has(k));
  return { recall, rr: first === -1 ? 0 : 1 / (first + 1), got };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

describe('relevance (labelled set, recall@5 and MRR)', () => {
  it('meets the floor on the held-out half; prints both halves', async () => {
    const halves = { tuning: [] as Score[], heldOut: [] as Score[] };
    for (const [i, [q, expected, type]] of QUERIES.entries()) {
      const s = await evaluate(q, expected, type ?? 'items');
      const half = i % 2 === 0 ? 'tuning' : 'heldOut';
      halves[half].push(s);
      if (half === 'tuning' && process.env.SEARCH_EVAL_VERBOSE && s.recall < 1) {
        console.log(`  miss ${q} [${type ?? 'items'}] want ${expected.join(',')} got ${s.got.join(',')}`);
      }
    }
    const report = (name: string, xs: Score[]) =>
      `${name}: ${xs.length} queries, recall@5 ${mean(xs.map((x) => x.recall)).toFixed(3)}, MRR ${mean(xs.map((x) => x.rr)).toFixed(3)}`;
    console.log(`search relevance — ${report('tuning half', halves.tuning)}; ${report('held-out half', halves.heldOut)}`);
    expect(halves.heldOut.length).toBeGreaterThanOrEqual(75);
    // Measured: held-out recall@5 0.973, MRR 0.992 (tuning half 0.966 / 0.980); before tuning 0.944 / 0.985.
    expect(mean(halves.heldOut.map((x) => x.recall))).toBeGreaterThanOrEqual(0.9);
    expect(mean(halves.heldOut.map((x) => x.rr))).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
