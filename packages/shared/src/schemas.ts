// The per-field zod schemas of an item, for the API's request validation. Kept apart from the
// vocabulary (items.ts, categories.ts) so that the web app, which reads the vocabulary but
// validates its forms by hand, does not ship zod: with "sideEffects": false in package.json a
// bundler drops this module when nothing of it is imported.
import { z } from 'zod';
import { CATEGORY_KEYS } from './categories.ts';
import { CONDITION_KEYS, DELIVERY_KEYS, ITEM_LIMITS, ITEM_STATUS_KEYS } from './items.ts';

export const CategoryKeySchema = z.enum(CATEGORY_KEYS);

const codePoints = (s: string) => [...s].length;
const unique = (xs: readonly unknown[]) => new Set(xs).size === xs.length;

/** Trimmed text measured in characters (code points), as the database's char_length counts. */
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((s) => codePoints(s) >= min, min === 1 ? 'must not be empty' : `at least ${min} characters`)
    .refine((s) => codePoints(s) <= max, `at most ${max} characters`);

export const ItemTitleSchema = text(1, ITEM_LIMITS.titleMax);
export const ItemDescriptionSchema = text(0, ITEM_LIMITS.descriptionMax);
export const PriceSchema = z
  .number()
  .int('an integer amount of fen (4900 = ¥49.00)')
  .min(0, 'at least 0 (0 is a free giveaway)')
  .max(ITEM_LIMITS.priceHardMax, `at most ${ITEM_LIMITS.priceHardMax} fen`);
export const QuantitySchema = z
  .number()
  .int('a whole number')
  .min(ITEM_LIMITS.quantityMin, `at least ${ITEM_LIMITS.quantityMin}`)
  .max(ITEM_LIMITS.quantityMax, `at most ${ITEM_LIMITS.quantityMax}`);
export const DeliveryMethodSchema = z.enum(DELIVERY_KEYS);
export const DeliverySchema = z
  .array(DeliveryMethodSchema)
  .min(1, 'choose at least one delivery method')
  .refine(unique, 'each delivery method at most once');
export const ShippingFeeSchema = z
  .number()
  .int('an integer amount of fen (600 = ¥6.00)')
  .min(0, 'at least 0 (0 is free shipping 包邮)')
  .max(ITEM_LIMITS.shippingFeeMax, `at most ${ITEM_LIMITS.shippingFeeMax} fen`);
export const ConditionSchema = z.enum(CONDITION_KEYS);
export const ItemStatusSchema = z.enum(ITEM_STATUS_KEYS);
export const ImageIdsSchema = z
  .array(z.string().regex(/^[0-9a-f]{16}$/, 'a media id'))
  .max(ITEM_LIMITS.imagesMax, `at most ${ITEM_LIMITS.imagesMax} photos`)
  .refine(unique, 'each photo at most once');

