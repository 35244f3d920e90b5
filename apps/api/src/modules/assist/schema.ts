// Request and response shapes of smart assistance (API.md "Smart assistance").
import { z } from '@hono/zod-openapi';
import { CATEGORY_KEYS, CONDITION_KEYS, ITEM_LIMITS } from '@jishi/shared';

export const SuggestBody = z
  .object({
    // Longer than a title may be: a pasted title is what we are here to clean.
    title: z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters').openapi({ example: '宜家 书桌 九成新' }),
    description: z.string().max(ITEM_LIMITS.descriptionMax).optional(),
    photoCount: z.number().int().min(0).max(ITEM_LIMITS.imagesMax).optional(),
  })
  .openapi('SuggestBody');

const Fen = z.number().int();

export const SuggestionSchema = z
  .object({
    category: z.enum(CATEGORY_KEYS),
    categories: z.array(z.object({ category: z.enum(CATEGORY_KEYS), p: z.number() })).openapi({ description: 'The best three, with probabilities' }),
    tags: z.array(z.string()),
    title: z.string().openapi({ description: 'The title without emoji spam, 急急急 or contact details; may be empty' }),
    condition: z.enum(CONDITION_KEYS).nullable().openapi({ description: 'The condition the words state (九成新 → like_new)' }),
    priceRange: z
      .object({ low: Fen, high: Fen, comparables: z.array(z.object({ price: Fen, title: z.string() })) })
      .nullable()
      .openapi({ description: 'From at least 3 similar completed trades; null with priceNote otherwise' }),
    priceNote: z.enum(['too_few_comparables', 'no_words']).nullable(),
    tips: z.array(z.enum(['add_photos'])),
  })
  .openapi('Suggestion');
