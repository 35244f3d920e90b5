// A place on a note or an item (SPEC C2, C3): a name the member types — a city or an area such
// as 上海·徐汇 — and/or a coarse point from the browser. The API takes either one or both
// (`location: {label}`, `{lat, lng}` or `{lat, lng, label}`) and answers lat/lng null for a
// place that is only a name.
import type { Schemas } from '../../lib/api.ts';

export type Coords = { lat: number; lng: number };

/** What the API answers for a place. */
export type Location = NonNullable<Schemas['NoteLocation']>;

/** What the API accepts for a place. */
export type LocationInput = { lat: number; lng: number; label?: string } | { label: string };

/** A place as a form holds it. */
export type Place = { coords: Coords | null; label: string };

export const PLACE_LABEL_MAX = 50;

/** The request value: null when the member gave neither a name nor a point. */
export function placeInput(p: Place): LocationInput | null {
  const label = p.label.trim();
  if (p.coords) return { ...p.coords, ...(label ? { label } : {}) };
  return label ? { label } : null;
}

/** The form value for a stored place (editing an item). */
export function placeOf(location: Location | null, fallbackLabel = ''): Place {
  if (!location) return { coords: null, label: fallbackLabel };
  const coords = location.lat !== null && location.lng !== null ? { lat: location.lat, lng: location.lng } : null;
  return { coords, label: location.label };
}

export const placeTooLong = (p: Place) => [...p.label.trim()].length > PLACE_LABEL_MAX;

/** The server keeps 3 decimals (~100 m); the browser never sends more than that. */
export const coarse = (v: number) => Math.round(v * 1000) / 1000;
