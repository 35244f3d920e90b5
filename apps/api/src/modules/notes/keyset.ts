// Cursors for (created_at, id) keyset pages: the ISO time to the millisecond (the columns are
// kept to the millisecond) and the id as the tiebreaker.
import { badRequest } from '../../lib/errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/pagination.ts';

export type Keyset = { at: Date; id: string };

export const cursorOf = (k: Keyset) => encodeCursor([k.at.toISOString(), k.id]);

export function decodeKeyset(cursor: string | undefined): Keyset | null {
  const v = decodeCursor(cursor, 2);
  if (!v) return null;
  const [at, id] = v;
  const date = typeof at === 'string' ? new Date(at) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()) || typeof id !== 'string' || !/^[0-9a-f]{16}$/.test(id)) {
    throw badRequest('invalid_cursor', 'The cursor is not one this API gave out.');
  }
  return { at: date, id };
}

/** Cuts limit+1 rows to a page; the cursor comes from the last row kept, before any filtering. */
export function cutPage<R>(rows: R[], limit: number, keyOf: (r: R) => Keyset) {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { page, nextCursor: more && last ? cursorOf(keyOf(last)) : null };
}
