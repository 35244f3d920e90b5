// The sell/edit form as plain data: what the member typed (strings, as typed), the checks the
// API will also make (shared zod schemas and terms rules), and the request it turns into.
import {
  CATEGORIES,
  CONDITIONS,
  ConditionSchema,
  type DeliveryMethod,
  DeliverySchema,
  ITEM_LIMITS,
  ItemDescriptionSchema,
  ItemTitleSchema,
  QuantitySchema,
  ShippingFeeSchema,
  fenToYuanInput,
  parseYuan,
} from '@jishi/shared';
import type { TFunction } from 'i18next';
import { type Place, placeInput, placeOf, placeTooLong } from '../places/place.ts';
import type { Item, ItemInput } from './api.ts';

export type FormValues = {
  title: string;
  description: string;
  free: boolean;
  price: string;
  quantity: string;
  delivery: DeliveryMethod[];
  shippingFee: string;
  category: string;
  condition: string;
  place: Place;
  floor: string;
};

export const FORM_FIELDS = [
  'imageIds',
  'title',
  'description',
  'price',
  'quantity',
  'delivery',
  'shippingFee',
  'category',
  'condition',
  'location',
  'floor',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FieldErrors = Partial<Record<FormField, string>>;

export const emptyValues = (city: string): FormValues => ({
  title: '',
  description: '',
  free: false,
  price: '',
  quantity: '1',
  delivery: [],
  shippingFee: '',
  category: '',
  condition: '',
  place: { coords: null, label: city },
  floor: '',
});

export function valuesOf(item: Item, floor: number | null): FormValues {
  return {
    title: item.title,
    description: item.description,
    free: item.price === 0,
    price: item.price === 0 ? '' : fenToYuanInput(item.price),
    quantity: String(item.quantity),
    delivery: item.delivery,
    shippingFee: item.delivery.includes('shipping') ? fenToYuanInput(item.shippingFee) : '',
    category: item.category,
    condition: item.condition ?? '',
    place: placeOf(item.location),
    floor: floor === null ? '' : fenToYuanInput(floor),
  };
}

export const isVirtualCategory = (key: string) => CATEGORIES.some((c) => c.key === key && c.virtual);

type Checked = { input: ItemInput; floor: number | null; errors: FieldErrors };

/** Every client-side check; `input` is only meaningful when `errors` is empty. */
export function checkValues(t: TFunction, v: FormValues, imageIds: string[], priceCap: number): Checked {
  const errors: FieldErrors = {};
  const title = ItemTitleSchema.safeParse(v.title);
  if (!title.success) errors.title = v.title.trim() ? t('sell.errors.titleLong') : t('sell.errors.titleRequired');
  if (!ItemDescriptionSchema.safeParse(v.description).success) errors.description = t('sell.errors.description');

  const price = v.free ? 0 : parseYuan(v.price);
  if (price === null) errors.price = v.price.trim() ? t('sell.errors.price') : t('sell.errors.priceRequired');
  else if (price > priceCap) errors.price = t('sell.errors.priceCap', { max: fenToYuanInput(priceCap) });
  else if (price === 0 && !v.free) errors.price = t('sell.errors.priceZero');

  const quantity = Number(v.quantity);
  if (!/^\d+$/.test(v.quantity.trim()) || !QuantitySchema.safeParse(quantity).success) {
    errors.quantity = t('sell.errors.quantity', { max: ITEM_LIMITS.quantityMax });
  }
  if (!DeliverySchema.safeParse(v.delivery).success) errors.delivery = t('sell.errors.delivery');

  const ships = v.delivery.includes('shipping');
  const shippingFee = ships ? parseYuan(v.shippingFee) : null;
  if (ships && (shippingFee === null || !ShippingFeeSchema.safeParse(shippingFee).success)) {
    errors.shippingFee = t('sell.errors.shippingFee');
  }
  if (!v.category) errors.category = t('sell.errors.category');
  if (v.condition && !ConditionSchema.safeParse(v.condition).success) errors.condition = t('sell.errors.condition');
  if (placeTooLong(v.place)) errors.location = t('sell.errors.location');

  const floor = v.free || !v.floor.trim() ? null : parseYuan(v.floor);
  if (!v.free && v.floor.trim() && floor === null) errors.floor = t('sell.errors.price');
  else if (floor !== null && price !== null && floor > price) errors.floor = t('sell.errors.floorAbove');
  if (imageIds.length > ITEM_LIMITS.imagesMax) errors.imageIds = t('sell.errors.photos');

  const input: ItemInput = {
    title: v.title.trim(),
    description: v.description.trim(),
    price: price ?? 0,
    quantity,
    delivery: v.delivery,
    shippingFee: ships ? (shippingFee ?? 0) : null,
    category: CATEGORIES.find((c) => c.key === v.category)?.key,
    condition: CONDITIONS.find((c) => c.key === v.condition)?.key ?? null,
    imageIds,
    location: placeInput(v.place),
  };
  return { input, floor, errors };
}

/** The API's field errors (problem+json `errors[].path`), each next to its field. */
export function serverFieldErrors(t: TFunction, paths: string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const p of paths) {
    const root = p.split('.')[0] ?? '';
    // The floor price is its own endpoint's field; everything else is named as in the form.
    const name = root === 'floorPrice' ? 'floor' : root;
    const field = FORM_FIELDS.find((f) => f === name);
    if (field && !out[field]) out[field] = t(`sell.errors.server.${field}`);
  }
  return out;
}
