// Locations are stored to 3 decimals (~100 m) for privacy: a member's pickup spot is never
// their door. Distances are computed from the stored point, so what we show is what we keep.
import { z } from '@hono/zod-openapi';

export const LocationInput = z
  .object({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    label: z.string().trim().max(50).optional(),
  })
  .openapi('Location');

export type LocationIn = z.infer<typeof LocationInput>;

export const coarse = (v: number) => Math.round(v * 1000) / 1000;

export function coarseLocation(l: LocationIn) {
  return { lat: coarse(l.lat), lng: coarse(l.lng), label: l.label ?? '' };
}

const EARTH_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;

export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A lat/lng box containing the circle, for a btree-indexed prefilter before exact distance. */
export function boundingBox(center: { lat: number; lng: number }, radiusKm: number) {
  const dLat = radiusKm / 111.32;
  const dLng = radiusKm / (111.32 * Math.max(0.01, Math.cos(rad(center.lat))));
  return { minLat: center.lat - dLat, maxLat: center.lat + dLat, minLng: center.lng - dLng, maxLng: center.lng + dLng };
}

/** Distance rounded to 0.1 km for display. */
export const roundKm = (km: number) => Math.round(km * 10) / 10;
