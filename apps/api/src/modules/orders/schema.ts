import { z } from '@hono/zod-openapi';
import { DELIVERY_KEYS, ORDER_ACTIONS, ORDER_STATUSES } from '@jishi/shared';
import { DeliveryContentJsonSchema } from './delivery.ts';

export const Address = z
  .object({
    name: z.string().trim().min(1).max(30),
    phone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/, 'a phone number'),
    line: z.string().trim().min(1).max(200),
  })
  .openapi('Address');

export const PlaceOrderBody = z
  .object({
    itemId: z.string().regex(/^[0-9a-f]{16}$/, 'an item id'),
    quantity: z.number().int().min(1).max(999).default(1),
    delivery: z.enum(DELIVERY_KEYS),
    address: Address.optional(),
    offerId: z.string().regex(/^[0-9a-f]{16}$/).optional(),
    deposit: z.number().int().optional().openapi({ description: 'Reservation deposit (定金托管), fen: pickup only, 1 … 30% of the total (422 invalid_deposit)' }),
  })
  .openapi('PlaceOrderBody');

export const ShipBody = z
  .object({
    carrier: z.string().trim().min(1).max(30),
    trackingNumber: z.string().trim().regex(/^[A-Za-z0-9-]{4,40}$/, '4–40 letters, digits or -'),
  })
  .openapi('ShipBody');

export const HandoverBody = z.object({ pickupCode: z.string().trim().min(1).max(12) }).openapi('HandoverBody');
export const CancelBody = z.object({ reason: z.string().trim().max(200).optional() }).openapi('CancelBody');

export const OrderStatusEnum = z.enum(ORDER_STATUSES);

export const Order = z
  .object({
    id: z.string(),
    itemId: z.string(),
    buyerId: z.string(),
    sellerId: z.string(),
    quantity: z.number().int(),
    unitPrice: z.number().int(),
    itemTotal: z.number().int(),
    shippingFee: z.number().int(),
    total: z.number().int(),
    fee: z.number().int(),
    sellerProceeds: z.number().int(),
    delivery: z.enum(DELIVERY_KEYS),
    status: OrderStatusEnum,
    pickupCode: z.string().optional().openapi({ description: 'Only for the buyer of a pickup order' }),
    address: Address.nullable(),
    item: z.object({ title: z.string(), coverUrl: z.string().nullable(), condition: z.string().nullable(), version: z.number(), location: z.string().nullable() }),
    cancelReason: z.string().nullable(),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    deliveryContent: DeliveryContentJsonSchema.nullable().openapi({ description: 'Online orders: what the seller delivered (buyer and seller only)' }),
    offerId: z.string().nullable(),
    expiresAt: z.string().nullable(),
    autoConfirmAt: z.string().nullable(),
    deposit: z.number().int().nullable().openapi({ description: 'Reservation deposit, fen (null: none)' }),
    depositPaid: z.boolean().openapi({ description: 'The deposit is held in escrow (or was, and counts toward the total)' }),
    reservedUntil: z.string().nullable().openapi({ description: 'While reserved: when the hold ends and the deposit is refunded' }),
    noShowAt: z.string().nullable().openapi({ description: 'When the seller recorded that the buyer did not come' }),
    contestUntil: z.string().nullable().openapi({ description: 'While a no-show claim waits: the end of the buyer\'s 24 h to contest it' }),
    role: z.enum(['buyer', 'seller']),
    actions: z.array(z.enum(ORDER_ACTIONS)),
    createdAt: z.string(),
    events: z.array(z.object({ type: z.string(), at: z.string(), by: z.enum(['buyer', 'seller', 'system']), reason: z.string().optional(), carrier: z.string().optional(), trackingNumber: z.string().optional() })),
  })
  .openapi('Order');
