export type MediaVariant = 'avatar' | 'thumb' | 'card' | 'detail';

export const mediaUrl = (id: string, variant: MediaVariant) => `/media/${id}/${variant}.webp`;

type PhotoRow = { id: string; width: number; height: number };
type PhotoVariant = 'thumb' | 'card' | 'detail';

/** An upload: `urls` has only the variants it was rendered in (an avatar has just `avatar`). */
export function presentPhoto(m: PhotoRow, variants: readonly MediaVariant[]): PhotoRow & { urls: Partial<Record<MediaVariant, string>> };
/**
 * The one photo shape: `{id, width, height, urls}` with the URLs of its WebP variants (thumb 320,
 * card 640, detail 1280 px). Notes, cases and uploads answer it; items keep the flat fields
 * their published schema has (items/presenter.ts) and read them from here. (Last, so that
 * `photos.map(presentPhoto)` types as this one.)
 */
export function presentPhoto(m: PhotoRow): PhotoRow & { urls: Record<PhotoVariant, string> };
export function presentPhoto(m: PhotoRow, variants?: unknown) {
  // As a map callback the second argument is the index: only an array names variants.
  if (Array.isArray(variants)) {
    return { id: m.id, width: m.width, height: m.height, urls: Object.fromEntries(variants.map((v: MediaVariant) => [v, mediaUrl(m.id, v)])) };
  }
  // Every photo of every card and page comes here: one object literal (thumb, card, detail).
  const urls: Record<PhotoVariant, string> = { thumb: mediaUrl(m.id, 'thumb'), card: mediaUrl(m.id, 'card'), detail: mediaUrl(m.id, 'detail') };
  return { id: m.id, width: m.width, height: m.height, urls };
}
