export type MediaVariant = 'avatar' | 'thumb' | 'card' | 'detail';

export const mediaUrl = (id: string, variant: MediaVariant) => `/media/${id}/${variant}.webp`;

/** A photo with the URLs of its WebP variants (thumb 320, card 640, detail 1280 px). */
export function presentPhoto(m: { id: string; width: number; height: number }) {
  return {
    id: m.id,
    width: m.width,
    height: m.height,
    urls: { thumb: mediaUrl(m.id, 'thumb'), card: mediaUrl(m.id, 'card'), detail: mediaUrl(m.id, 'detail') },
  };
}
