import { mediaUrl } from '../media/presenter.ts';
import type { Author, MediaSize } from '../notes/hydrate.ts';
import type { ItemCardOut } from '../notes/items-port.ts';
import { presentUserCard } from '../notes/presenter.ts';
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
