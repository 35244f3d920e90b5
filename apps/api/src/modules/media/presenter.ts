export type MediaVariant = 'avatar' | 'thumb' | 'card' | 'detail';

export const mediaUrl = (id: string, variant: MediaVariant) => `/media/${id}/${variant}.webp`;
