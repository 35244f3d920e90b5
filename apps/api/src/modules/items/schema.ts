// Request and response shapes of the items API. Field rules come from packages/shared so the web
// form and the API refuse the same things; cross-field rules (price cap, shipping fee) are
// checked in terms.ts because the cap is an operator setting and PATCH merges with the row.
import { z } from '@hono/zod-openapi';
import {
  CategoryKeySchema,
  ConditionSchema,
  DELIVERY_KEYS,
  DeliverySchema,
  ImageIdsSchema,
  ItemDescriptionSchema,
  ItemStatusSchema,
  ItemTitleSchema,
  PriceSchema,
  QuantitySchema,
  ShippingFeeSchema,
} from '@jishi/shared';
import { LocationInput } from '../../lib/geo.ts';

const Delivery = DeliverySchema.openapi({ example: ['pickup', 'shipping'] });
const Price = PriceSchema.openapi({ description: 'Fen; 0 is a free giveaway (免费送). At most QUICKSELL_PRICE_CAP.', example: 4900 });
const ShippingFee = ShippingFeeSchema.openapi({
  description: 'Fen, required when delivery has "shipping" (0 = free shipping); absent or 0 otherwise.',
  example: 1000,
});

export const ItemCreateBody = z
  .object({
    title: ItemTitleSchema.openapi({ example: '九成新布艺沙发转让' }),
    description: ItemDescriptionSchema.optional(),
    price: Price,
    quantity: QuantitySchema.optional().openapi({ description: 'Default 1' }),
    delivery: Delivery,
    shippingFee: ShippingFee.nullable().optional(),
    category: CategoryKeySchema.optional().openapi({ description: 'Default "other"; see GET /items/categories' }),
    condition: ConditionSchema.nullable().optional(),
    imageIds: ImageIdsSchema.optional().openapi({ description: "Up to 9 of the seller's own photos, cover first" }),
    location: LocationInput.nullable().optional(),
  })
  .openapi('ItemCreate');
export type ItemCreateInput = z.infer<typeof ItemCreateBody>;

export const ItemPatchBody = z
  .object({
    title: ItemTitleSchema.optional(),
    description: ItemDescriptionSchema.optional(),
    price: Price.optional(),
    quantity: QuantitySchema.optional().openapi({
      description: 'Units already reserved or sold stay taken: available = quantity − taken. 409 quantity_below_reserved below that.',
    }),
    delivery: Delivery.optional(),
    shippingFee: ShippingFee.nullable().optional(),
    category: CategoryKeySchema.optional(),
    condition: ConditionSchema.nullable().optional(),
    imageIds: ImageIdsSchema.optional().openapi({ description: 'Replaces the photos; [] removes them all' }),
    location: LocationInput.nullable().optional().openapi({ description: 'null removes the location' }),
    hosting: z.boolean().optional().openapi({
      description: 'Smart hosting (智能托管): routine buyer questions answered automatically. Not a term: no version bump, allowed while withdrawn.',
    }),
  })
  .openapi('ItemPatch');
export type ItemPatchInput = z.infer<typeof ItemPatchBody>;

const Image = z.object({
  id: z.string(),
  url: z.string().openapi({ description: 'Card size (640 px)' }),
  thumbUrl: z.string(),
  detailUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});

export const ItemSchema = z
  .object({
    id: z.string(),
    sellerId: z.string(),
    seller: z.object({
      id: z.string(),
      displayName: z.string(),
      avatarUrl: z.string().nullable(),
      creditScore: z.number().int(),
      /** Visible reviews of the seller, as of their last credit computation. */
      ratingAverage: z.number().nullable(),
      ratingCount: z.number().int(),
    }),
    title: z.string(),
    description: z.string(),
    price: z.number().int(),
    quantity: z.number().int(),
    available: z.number().int(),
    held: z.number().int().openapi({ description: "Units held by orders not paid in full yet (awaiting payment, or reserved with a deposit). They are out of `available` — an item whose last unit is held is `sold_out` — but come back if the order lapses or is cancelled, so a client can say \"ordered, not paid yet\" instead of \"sold out\"." }),
    delivery: z.array(z.enum(DELIVERY_KEYS)),
    shippingFee: z.number().int(),
    category: z.string(),
    condition: z.string().nullable(),
    images: z.array(Image),
    location: z.object({ lat: z.number().nullable(), lng: z.number().nullable(), label: z.string() }).nullable(),
    distanceKm: z.number().nullable().openapi({ description: 'From ?lat=&lng= to the stored point, 0.1 km' }),
    status: ItemStatusSchema,
    free: z.boolean(),
    hosting: z.boolean().openapi({ description: 'Smart hosting is on: routine questions get automatic answers' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Item');

export const ItemCardSchema = z
  .object({
    id: z.string(),
    sellerId: z.string(),
    title: z.string(),
    price: z.number().int(),
    available: z.number().int(),
    held: z.number().int().openapi({ description: "Units held by orders not paid in full yet (awaiting payment, or reserved with a deposit). They are out of `available` — an item whose last unit is held is `sold_out` — but come back if the order lapses or is cancelled, so a client can say \"ordered, not paid yet\" instead of \"sold out\"." }),
    quantity: z.number().int(),
    status: ItemStatusSchema,
    free: z.boolean(),
    delivery: z.array(z.enum(DELIVERY_KEYS)),
    shippingFee: z.number().int(),
    coverUrl: z.string().nullable(),
    coverThumbUrl: z.string().nullable(),
    coverWidth: z.number().int().nullable(),
    coverHeight: z.number().int().nullable(),
    condition: z.string().nullable(),
    category: z.string(),
  })
  .openapi('ItemCard');

const Viewer = {
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
};
const bothOrNeither = (q: { lat?: number; lng?: number }) => (q.lat === undefined) === (q.lng === undefined);

export const ItemQuery = z.object(Viewer).refine(bothOrNeither, { message: 'give lat and lng together', path: ['lat'] });

export const ListQuery = z.object({
  status: ItemStatusSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const BatchQuery = z.object({
  ids: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[0-9a-f]{16}$/, 'an item id')).min(1).max(50, 'at most 50 ids'))
    .openapi({ type: 'string', description: 'Comma-separated item ids, at most 50', example: '0000a1b2c3d4e5f6' }),
});

/** GET /items/:id: the item with its view and 想要 counts and its note (modules/engagement). */
export const ItemDetail = ItemSchema.extend({
  viewCount: z.number().int().openapi({ description: 'Viewers counted once per item per Beijing day (members by id, visitors by address and browser), summed; the seller is not counted' }),
  collectCount: z.number().int().openapi({ description: '想要: members who want the item (PUT /items/:id/collect)' }),
  collectedByMe: z.boolean().openapi({ description: 'The viewer pressed 想要 (false for visitors)' }),
  noteId: z.string().nullable().openapi({ description: 'The newest visible note that carries the item as a card' }),
}).openapi('ItemDetail');
export const ItemPage = z.object({ items: z.array(ItemSchema), nextCursor: z.string().nullable() }).openapi('ItemPage');
export const CardList = z.object({ items: z.array(ItemCardSchema), nextCursor: z.null() }).openapi('ItemCardList');

const Labels = z.object({ 'zh-CN': z.string(), en: z.string() });
export const Taxonomy = z
  .object({
    categories: z.array(z.object({ key: z.string(), labels: Labels, virtual: z.boolean() })),
    conditions: z.array(z.object({ key: z.string(), labels: Labels })),
    delivery: z.array(z.object({ key: z.string(), labels: Labels })),
    statuses: z.array(z.object({ key: z.string(), labels: Labels })),
    limits: z.object({
      priceCap: z.number().int(),
      quantityMax: z.number().int(),
      imagesMax: z.number().int(),
      shippingFeeMax: z.number().int(),
      titleMax: z.number().int(),
      descriptionMax: z.number().int(),
    }),
  })
  .openapi('ItemTaxonomy');
