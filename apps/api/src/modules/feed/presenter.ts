import { mediaUrl } from '../media/presenter.ts';
import { presentUserCard } from '../accounts/index.ts';
import type { Author, ItemCardOut, MediaSize } from '../notes/index.ts';
import type { CardRow } from './repo.ts';

export function presentCard(
  r: CardRow,
  v: { author: Author; cover: MediaSize | undefined; likedByMe: boolean; items: ItemCardOut[] },
) {
  return {
    id: r.id,
    kind: r.kind as 'note' | 'stall' | 'wanted',
    title: r.title,
    cover: v.cover ? { url: mediaUrl(v.cover.id, 'card'), width: v.cover.width, height: v.cover.height } : null,
    author: presentUserCard(v.author),
    likeCount: r.likeCount,
    likedByMe: v.likedByMe,
    items: v.items,
    createdAt: r.createdAt.toISOString(),
  };
}
