// The #话题 page: a tag's notes and the items on sale in them, newest first, in keyset pages.
// The tag in the path is normalized as notes store it (notes/tags.ts), so #Switch, ＃switch and
// "switch#" open one page.
import { badRequest } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { hydrateCards } from '../feed/service.ts';
import { hydrateItems } from '../items/queries.ts';
import { cutPage, decodeKeyset } from '../../lib/pagination.ts';
import { charCount, MAX_TAG_CHARS, normalizeTag } from '../notes/index.ts';
import { itemsWithTag, notesWithTag } from './repo.ts';

type Db = Pick<Deps, 'db' | 'clock'>;
type PageIn = { cursor?: string; limit: number };

export function tagOf(raw: string): string {
  const tag = normalizeTag(raw);
  // Control characters (NUL among them, which PostgreSQL text cannot hold) are never in a tag.
  if (!tag || charCount(tag) > MAX_TAG_CHARS || /[\p{Cc}\p{Cs}]/u.test(tag)) throw badRequest('invalid_tag', `A tag is 1–${MAX_TAG_CHARS} characters.`);
  return tag;
}

export async function tagNotes(deps: Db, rawTag: string, viewerId: string | null, q: PageIn) {
  const tag = tagOf(rawTag);
  const rows = await notesWithTag(deps.db, tag, decodeKeyset(q.cursor), q.limit + 1);
  const { page, nextCursor } = cutPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { tag, items: await hydrateCards(deps, page, viewerId), nextCursor };
}

export async function tagItems(deps: Db, rawTag: string, q: PageIn) {
  const tag = tagOf(rawTag);
  const rows = await itemsWithTag(deps.db, tag, decodeKeyset(q.cursor), q.limit + 1);
  const { page, nextCursor } = cutPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  // hydrateItems drops banned sellers' items; the cursor still comes from the rows read.
  return { tag, items: await hydrateItems(deps.db, page, null, deps.clock.now()), nextCursor };
}
