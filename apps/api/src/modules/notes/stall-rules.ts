// A stall host's rules (电子地摊帖, issue 15 item 12): what an item comment on the stall must be.
// Pure: the shape, and the check of one item against them with the broken rule in words
// (zh-CN and en) — the comment service calls it under the note's lock, the web shows the rules
// above the comments in the same words.
import { z } from '@hono/zod-openapi';
import { CATEGORY_KEYS, categoryLabel, formatFen } from '@jishi/shared';
import { haversineKm } from '../../lib/geo.ts';

export const MAX_PINNED = 3;

export const StallRules = z
  .object({
    pickupOnly: z.boolean().default(false).openapi({ description: 'Only items that offer local pickup (自提)' }),
    area: z
      .object({
        label: z.string().trim().min(1).max(30),
        lat: z.number().min(-90).max(90),
        lng: z.number().min(-180).max(180),
        radiusKm: z.number().min(0.5).max(100),
      })
      .nullable()
      .default(null)
      .openapi({ description: 'Only items whose place lies within radiusKm of the point' }),
    categories: z.array(z.enum(CATEGORY_KEYS)).min(1).max(20).nullable().default(null).openapi({ description: 'Only these categories' }),
    maxPrice: z.number().int().min(0).max(100_000_000).nullable().default(null).openapi({ description: 'Price cap in fen' }),
  })
  .openapi('StallRules');
export type StallRulesIn = z.infer<typeof StallRules>;

export const RULE_KEYS = ['pickup_only', 'area', 'category', 'price_cap'] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

export type ItemForRules = { delivery: string[]; category: string; price: number; lat: number | null; lng: number | null };

/** The rules as stored (a jsonb written through StallRules), or null. */
export function readRules(raw: unknown): StallRulesIn | null {
  const r = StallRules.safeParse(raw ?? undefined);
  return raw && r.success ? r.data : null;
}

export const hasRules = (r: StallRulesIn) => r.pickupOnly || r.area !== null || r.categories !== null || r.maxPrice !== null;

/** One rule in words, as the page shows it and a refusal names it. */
export function ruleText(key: RuleKey, r: StallRulesIn): { 'zh-CN': string; en: string } {
  switch (key) {
    case 'pickup_only':
      return { 'zh-CN': '只收可自提的宝贝', en: 'Local pickup items only' };
    case 'area':
      return {
        'zh-CN': `只收${r.area?.label}附近 ${r.area?.radiusKm} 公里内的宝贝`,
        en: `Only items within ${r.area?.radiusKm} km of ${r.area?.label}`,
      };
    case 'category': {
      const cats = r.categories ?? [];
      return {
        'zh-CN': `只收${cats.map((c) => categoryLabel(c, 'zh-CN')).join('、')}`,
        en: `Only ${cats.map((c) => categoryLabel(c, 'en')).join(', ')}`,
      };
    }
    case 'price_cap':
      return { 'zh-CN': `价格不超过 ${formatFen(r.maxPrice ?? 0)}`, en: `Priced at most ${formatFen(r.maxPrice ?? 0)}` };
  }
}

/** The first rule the item breaks, or null when it may be offered on this stall. */
export function brokenRule(r: StallRulesIn, item: ItemForRules): RuleKey | null {
  if (r.pickupOnly && !item.delivery.includes('pickup')) return 'pickup_only';
  if (r.area) {
    if (item.lat === null || item.lng === null) return 'area';
    if (haversineKm(r.area, { lat: item.lat, lng: item.lng }) > r.area.radiusKm) return 'area';
  }
  if (r.categories && !r.categories.includes(item.category as (typeof CATEGORY_KEYS)[number])) return 'category';
  if (r.maxPrice !== null && item.price > r.maxPrice) return 'price_cap';
  return null;
}
