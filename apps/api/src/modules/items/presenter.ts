// Rows → API JSON. Internal columns (withdrawn_at, lat/lng columns) never leak as-is.
import type { DeliveryMethod, ItemStatus } from '@jishi/shared';
import { haversineKm, presentPlace, roundKm } from '../../lib/geo.ts';
import { mediaUrl, presentPhoto } from '../media/presenter.ts';
import { NO_ACTIVITY, computeCredit } from '../trust/credit.ts';
import type { ImageRow, ItemRow, SellerRow } from './repo.ts';

export type Viewer = { lat: number; lng: number } | null;

export function presentSeller(s: SellerRow, now: Date) {
  return {
    id: s.id,
    displayName: s.displayName,
    avatarUrl: s.avatarId ? mediaUrl(s.avatarId, 'avatar') : null,
    // A member whose score was never computed yet shows what their verification and age give.
    creditScore: s.creditScore ?? computeCredit({ ...s, ...NO_ACTIVITY }, now).score,
    ratingAverage: s.ratingAverage === null ? null : Math.round(s.ratingAverage * 10) / 10,
    ratingCount: s.ratingCount ?? 0,
  };
}

/** An item's photo: the flat fields of the Item schema, from the one photo presenter. */
export function presentImage(i: ImageRow) {
  const { id, width, height, urls } = presentPhoto({ id: i.mediaId, width: i.width, height: i.height });
  return { id, url: urls.card, thumbUrl: urls.thumb, detailUrl: urls.detail, width, height };
}

export function presentItem(
  row: ItemRow,
  ctx: { seller: ReturnType<typeof presentSeller>; images: ImageRow[]; viewer: Viewer; held?: number },
) {
  const location = presentPlace(row);
  return {
    id: row.id,
    sellerId: row.sellerId,
    seller: ctx.seller,
    title: row.title,
    description: row.description,
    price: row.price,
    quantity: row.quantity,
    available: row.available,
    held: ctx.held ?? 0,
    delivery: row.delivery as DeliveryMethod[], // the column's CHECK admits only these
    shippingFee: row.shippingFee,
    category: row.category,
    condition: row.condition,
    images: ctx.images.map(presentImage),
    location,
    // From the stored (rounded) point: what we show is what we keep.
    distanceKm: row.lat !== null && row.lng !== null && ctx.viewer ? roundKm(haversineKm(ctx.viewer, { lat: row.lat, lng: row.lng })) : null,
    status: row.status as ItemStatus,
    free: row.price === 0,
    hosting: row.hosting,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type ItemJson = ReturnType<typeof presentItem>;
