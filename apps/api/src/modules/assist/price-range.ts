// A fair price from what similar things actually sold for: completed trades of the same
// category whose titles share enough words, each price brought to the condition asked
// about, then the middle of the distribution. Fewer than MIN_COMPARABLES similar trades and
// there is no range — the answer says so instead of inventing one.
import type { ItemCondition } from '@jishi/shared';

export type Trade = { price: number; title: string; condition: string | null; words: string[] };
export type PriceQuery = { words: string[]; condition: ItemCondition | null };
export type PriceRange = { low: number; high: number; comparables: { price: number; title: string }[] };
export type PriceAnswer = { range: PriceRange; note: null } | { range: null; note: 'too_few_comparables' | 'no_words' };

export const MIN_COMPARABLES = 3;
/** Share of the query's words a trade must share (weighted Jaccard), chosen on the known trades. */
export const MIN_SIMILARITY = 0.3;
const MAX_NEIGHBOURS = 12;
/** The range is the middle of the comparables' prices: from this quantile to its mirror. */
export const RANGE_QUANTILE = 0.1;
export const SHOWN_COMPARABLES = 5;

// What a condition does to a second-hand price, relative to like-new: the usual rule of thumb
// (sealed sells for a little more, visible wear for about two thirds).
const CONDITION_FACTOR: Record<ItemCondition, number> = { new: 1.15, like_new: 1, light_wear: 0.85, visible_wear: 0.7 };
const factorOf = (c: string | null) => (c && c in CONDITION_FACTOR ? CONDITION_FACTOR[c as ItemCondition] : 1);

/** Latin model words (13, pro, 128g) tell models apart; Han words say what the thing is. */
const weightOf = (w: string) => (/^[a-z0-9.]+$/.test(w) ? 1.5 : w.length >= 2 ? 1 : 0.5);

export function similarity(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  let union = 0;
  for (const w of new Set([...sa, ...sb])) {
    const weight = weightOf(w);
    union += weight;
    if (sa.has(w) && sb.has(w)) inter += weight;
  }
  return union === 0 ? 0 : inter / union;
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/** Whole yuan below ¥100, then steps of ¥5, then ¥10 from ¥1,000: prices people type. */
function roundTo(fen: number, dir: 'down' | 'up'): number {
  const step = fen >= 100000 ? 1000 : fen >= 10000 ? 500 : 100;
  const r = dir === 'down' ? Math.floor(fen / step) * step : Math.ceil(fen / step) * step;
  return Math.max(100, r);
}

export function priceRange(query: PriceQuery, trades: readonly Trade[]): PriceAnswer {
  if (query.words.length === 0) return { range: null, note: 'no_words' };
  const near = trades
    .filter((t) => t.price > 0)
    .map((t) => ({ t, s: similarity(query.words, t.words) }))
    .filter((x) => x.s >= MIN_SIMILARITY)
    .sort((a, b) => b.s - a.s)
    .slice(0, MAX_NEIGHBOURS);
  if (near.length < MIN_COMPARABLES) return { range: null, note: 'too_few_comparables' };
  // Each sale brought to the asked condition; a query without one keeps the prices as sold.
  const target = query.condition ? factorOf(query.condition) : null;
  const adjusted = near.map(({ t }) => (target === null ? t.price : (t.price * target) / factorOf(t.condition))).sort((a, b) => a - b);
  const low = roundTo(quantile(adjusted, RANGE_QUANTILE), 'down');
  const high = Math.max(low, roundTo(quantile(adjusted, 1 - RANGE_QUANTILE), 'up'));
  const comparables = near.slice(0, SHOWN_COMPARABLES).map(({ t }) => ({ price: t.price, title: t.title }));
  return { range: { low, high, comparables }, note: null };
}

const CONDITION_WORDS: [RegExp, ItemCondition][] = [
  [/全新|未拆封|未开封|未使用|吊牌还在/, 'new'],
  [/九成新|9成新|95新|99新|几乎全新|九五新|九九新/, 'like_new'],
  [/八成新|8成新|轻微使用|有使用痕迹/, 'light_wear'],
  [/七成新|7成新|六成新|有划痕|明显使用|成色一般/, 'visible_wear'],
];

/** The condition a title states ("九成新" → like_new), if it states one. */
export function conditionFromText(text: string): ItemCondition | null {
  for (const [re, c] of CONDITION_WORDS) if (re.test(text)) return c;
  return null;
}
