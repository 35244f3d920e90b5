import { CATEGORY_KEYS } from '@jishi/shared';
import { describe, expect, it } from 'vitest';
import { rankCategories, trainCategoryModel } from './classifier.ts';
import { HELD_OUT_TITLES, type LabelledTitle, TUNING_TITLES } from './labels/category-titles.ts';
import { generateTrades, splitTrades } from './labels/generated-trades.ts';
import { seedDocuments } from './category-model.ts';
import { conditionFromText, MIN_COMPARABLES, priceRange, type Trade } from './price-range.ts';
import { cleanTitle, tagsOf } from './title.ts';
import { featuresOf, wordsOf } from './tokens.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function topK(model: ReturnType<typeof trainCategoryModel>, set: readonly LabelledTitle[]) {
  let top1 = 0;
  let top3 = 0;
  for (const t of set) {
    const ranked = rankCategories(model, featuresOf(t.title));
    if (ranked[0]?.category === t.category) top1++;
    if (ranked.slice(0, 3).some((r) => r.category === t.category)) top3++;
  }
  return { top1: top1 / set.length, top3: top3 / set.length };
}

describe('category suggestion', () => {
  it('has at least 200 held-out titles covering every category', () => {
    expect(HELD_OUT_TITLES.length).toBeGreaterThanOrEqual(200);
    for (const key of CATEGORY_KEYS) expect(HELD_OUT_TITLES.some((t) => t.category === key), key).toBe(true);
    const tuning = new Set(TUNING_TITLES.map((t) => t.title));
    expect(HELD_OUT_TITLES.filter((t) => tuning.has(t.title))).toEqual([]);
  });

  it('held-out top-1 and top-3, from the taxonomy alone and with a market of listings (reported)', () => {
    const fresh = topK(trainCategoryModel(seedDocuments()), HELD_OUT_TITLES);
    const listings = TUNING_TITLES.map((t) => ({ category: t.category, features: featuresOf(t.title) }));
    const market = topK(trainCategoryModel([...seedDocuments(), ...listings]), HELD_OUT_TITLES);
    console.info(
      `category — held-out ${HELD_OUT_TITLES.length} titles: seeds only top-1 ${pct(fresh.top1)}, top-3 ${pct(fresh.top3)}; ` +
        `seeds + ${listings.length} listings top-1 ${pct(market.top1)}, top-3 ${pct(market.top3)}`,
    );
    expect(fresh.top1).toBeGreaterThanOrEqual(0.68);
    expect(fresh.top3).toBeGreaterThanOrEqual(0.82);
    expect(market.top3).toBeGreaterThanOrEqual(fresh.top3);
  });

  it('learns from listings: a word it never saw becomes a category once sellers use it', () => {
    const before = rankCategories(trainCategoryModel(seedDocuments()), featuresOf('筋膜枪'));
    const listings = ['筋膜枪 按摩', '筋膜枪 迷你 静音', '筋膜枪 肌肉放松'].map((title) => ({ category: 'sports' as const, features: featuresOf(title) }));
    const after = rankCategories(trainCategoryModel([...seedDocuments(), ...listings]), featuresOf('筋膜枪'));
    expect(before[0]?.category).not.toBe('sports');
    expect(after[0]?.category).toBe('sports');
  });

  it('a title of unknown words gives every category the same chance', () => {
    const ranked = rankCategories(trainCategoryModel(seedDocuments()), featuresOf('zzqx'));
    expect(new Set(ranked.map((r) => r.p.toFixed(6))).size).toBe(1);
  });
});

describe('price range', () => {
  const toTrade = (t: { price: number; title: string; condition: string }): Trade => ({ ...t, words: wordsOf(t.title) });

  it('held-out generated trades: share of sale prices inside the suggested range (reported)', () => {
    const { known, heldOut } = splitTrades(generateTrades());
    let inside = 0;
    let ranged = 0;
    let width = 0;
    for (const q of heldOut) {
      const pool = known.filter((t) => t.category === q.category).map(toTrade);
      const a = priceRange({ words: wordsOf(q.title), condition: conditionFromText(q.title) ?? q.condition }, pool);
      if (!a.range) continue;
      ranged++;
      width += a.range.high / a.range.low;
      if (q.price >= a.range.low && q.price <= a.range.high) inside++;
    }
    console.info(`price range — ${heldOut.length} held-out trades: ${ranged} ranged, ${pct(inside / ranged)} inside, mean high/low ${(width / ranged).toFixed(2)}`);
    expect(ranged).toBeGreaterThanOrEqual(heldOut.length * 0.95);
    expect(inside / ranged).toBeGreaterThanOrEqual(0.65);
    expect(width / ranged).toBeLessThan(1.8);
  });

  it('says so instead of inventing a range when fewer than 3 trades are similar', () => {
    const trades = [toTrade({ price: 12000, title: '宜家 书桌 白色', condition: 'like_new' }), toTrade({ price: 15000, title: '宜家 书桌', condition: 'like_new' })];
    expect(priceRange({ words: wordsOf('宜家 书桌'), condition: null }, trades)).toEqual({ range: null, note: 'too_few_comparables' });
    const unrelated = [...trades, toTrade({ price: 300000, title: 'iPhone 13', condition: 'like_new' })];
    expect(priceRange({ words: wordsOf('宜家 书桌'), condition: null }, unrelated).range).toBeNull();
    const three = [...trades, toTrade({ price: 13500, title: '宜家 书桌 九成新', condition: 'like_new' })];
    const a = priceRange({ words: wordsOf('宜家 书桌 九成新'), condition: 'like_new' }, three);
    expect(MIN_COMPARABLES).toBe(3);
    expect(a.range?.comparables.map((c) => c.price).sort()).toEqual([12000, 13500, 15000]);
    expect(a.range?.low).toBeLessThanOrEqual(12500);
    expect(a.range?.high).toBeGreaterThanOrEqual(14500);
  });

  it('reads the condition a title states', () => {
    expect(conditionFromText('宜家 书桌 九成新')).toBe('like_new');
    expect(conditionFromText('全新未拆封')).toBe('new');
    expect(conditionFromText('书桌')).toBeNull();
  });
});

describe('cleaned title and tags', () => {
  it('drops emoji spam, 急急急, shouting and contact details, keeps the words', () => {
    expect(cleanTitle('急急急！！！iPhone13 128G 九成新🔥🔥 加微信 abc12345')).toBe('iPhone13 128G 九成新');
    expect(cleanTitle('【急出】🔥🔥🔥 戴森V10吸尘器 手慢无！！！')).toBe('戴森V10吸尘器');
    expect(cleanTitle('九成新沙发 vx:shafa_2023 速来')).toBe('九成新沙发');
    expect(cleanTitle('书桌 电话13812345678 自提')).toBe('书桌 自提');
    expect(cleanTitle('宜家 书桌 九成新')).toBe('宜家 书桌 九成新');
    expect([...cleanTitle('书'.repeat(80))]).toHaveLength(60);
  });

  it('tags are the words of what it is, not trade talk', () => {
    expect(tagsOf('宜家 书桌 九成新 自提')).toEqual(['宜家', '书桌']);
    expect(tagsOf('戴森V10吸尘器', '滤网新换的')).toEqual(['戴森', 'V10', '吸尘器', '滤网', '新换']);
    expect(tagsOf('a b c')).toEqual([]);
  });
});
