import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  CategoryKeySchema,
  DeliverySchema,
  ImageIdsSchema,
  ItemTitleSchema,
  PriceSchema,
  QuantitySchema,
  categoryLabel,
  fenToYuanInput,
  formatFen,
  formatPrice,
  isCategoryKey,
  itemTermsErrors,
  parseYuan,
} from './index.ts';

describe('taxonomy', () => {
  it('has unique keys and both labels on every category', () => {
    expect(new Set(CATEGORIES.map((c) => c.key)).size).toBe(CATEGORIES.length);
    for (const c of CATEGORIES) {
      expect(c.key).toMatch(/^[a-z_]{2,30}$/); // the shape the database checks
      expect(c.labels['zh-CN'].length).toBeGreaterThan(0);
      expect(c.labels.en.length).toBeGreaterThan(0);
    }
    expect(categoryLabel('anime')).toBe('动漫周边/谷子');
    expect(categoryLabel('anime', 'en')).toBe('Anime goods');
    expect(isCategoryKey('plants')).toBe(true);
    expect(isCategoryKey('weapons')).toBe(false);
    expect(CategoryKeySchema.safeParse('weapons').success).toBe(false);
  });
});

describe('field schemas', () => {
  it('prices are integer fen from 0', () => {
    for (const ok of [0, 1, 1_000_000]) expect(PriceSchema.safeParse(ok).success).toBe(true);
    for (const bad of [-1, 0.5, '100', Number.NaN, Number.POSITIVE_INFINITY]) expect(PriceSchema.safeParse(bad).success).toBe(false);
  });
  it('quantity 1…999', () => {
    expect([0, 1, 999, 1000].map((q) => QuantitySchema.safeParse(q).success)).toEqual([false, true, true, false]);
  });
  it('delivery is a non-empty set of known methods', () => {
    expect(DeliverySchema.safeParse(['pickup', 'online']).success).toBe(true);
    expect(DeliverySchema.safeParse([]).success).toBe(false);
    expect(DeliverySchema.safeParse(['pickup', 'pickup']).success).toBe(false);
    expect(DeliverySchema.safeParse(['fax']).success).toBe(false);
  });
  it('titles are trimmed and counted in characters', () => {
    expect(ItemTitleSchema.parse('  沙发  ')).toBe('沙发');
    expect(ItemTitleSchema.safeParse('😀'.repeat(60)).success).toBe(true);
    expect(ItemTitleSchema.safeParse('😀'.repeat(61)).success).toBe(false);
    expect(ItemTitleSchema.safeParse(' ').success).toBe(false);
  });
  it('at most 9 distinct photos', () => {
    const id = (i: number) => i.toString(16).padStart(16, '0');
    expect(ImageIdsSchema.safeParse(Array.from({ length: 9 }, (_, i) => id(i))).success).toBe(true);
    expect(ImageIdsSchema.safeParse(Array.from({ length: 10 }, (_, i) => id(i))).success).toBe(false);
    expect(ImageIdsSchema.safeParse([id(1), id(1)]).success).toBe(false);
  });
});

describe('terms', () => {
  it('needs a fee with shipping and none without', () => {
    expect(itemTermsErrors({ price: 100, delivery: ['shipping'], shippingFee: 0 }, { priceCap: 100 })).toEqual([]);
    expect(itemTermsErrors({ price: 101, delivery: ['shipping'] }, { priceCap: 100 }).map((e) => e.path)).toEqual(['price', 'shippingFee']);
    expect(itemTermsErrors({ price: 1, delivery: ['pickup'], shippingFee: 5 }, { priceCap: 100 }).map((e) => e.path)).toEqual(['shippingFee']);
  });
});

describe('money', () => {
  it('formats fen', () => {
    expect(formatFen(4900)).toBe('¥49');
    expect(formatFen(4950)).toBe('¥49.50');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-120)).toBe('-¥1.20');
    expect(() => formatFen(1.5)).toThrow(RangeError);
    expect(formatPrice(0)).toBe('免费送');
    expect(formatPrice(0, 'en')).toBe('Free');
    expect(formatPrice(100000)).toBe('¥1000');
    expect(fenToYuanInput(4950)).toBe('49.50');
  });
  it('parses yuan without floats', () => {
    expect(parseYuan('49')).toBe(4900);
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('49.5')).toBe(4950);
    expect(parseYuan('¥1,299.00')).toBe(129900);
    expect(parseYuan(' 12. ')).toBe(1200);
    for (const bad of ['', '-1', '1.234', 'abc', '1e3', '.5']) expect(parseYuan(bad)).toBeNull();
  });
});
