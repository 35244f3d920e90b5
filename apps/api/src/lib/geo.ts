// Locations are stored to 3 decimals (~100 m) for privacy: a member's pickup spot is never
// their door. Distances are computed from the stored point, so what we show is what we keep.
import { z } from '@hono/zod-openapi';

// A place is a point (lat/lng), a label (a city or area typed by the member), or both.
export const LocationInput = z
  .object({
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    label: z.string().trim().max(50).optional(),
  })
  .refine((l) => (l.lat === undefined) === (l.lng === undefined), { message: 'lat and lng come together', path: ['lng'] })
  .refine((l) => l.lat !== undefined || !!l.label, { message: 'a point (lat, lng) or a label', path: ['label'] })
  .openapi('Location');

export type LocationIn = z.infer<typeof LocationInput>;

export const coarse = (v: number) => Math.round(v * 1000) / 1000;

export function coarseLocation(l: LocationIn) {
  return {
    lat: l.lat === undefined ? null : coarse(l.lat),
    lng: l.lng === undefined ? null : coarse(l.lng),
    label: l.label ?? '',
  };
}

/** The stored place as the API shows it: null when there is neither a point nor a label. */
export function presentPlace(r: { lat: number | null; lng: number | null; locationLabel: string }) {
  if (r.lat === null && !r.locationLabel) return null;
  return { lat: r.lat, lng: r.lng, label: r.locationLabel };
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
