// Keyset cursors: opaque base64url of the last row's sort key. Never OFFSET on lists.
import { badRequest } from './errors.ts';

export type Page<T> = { items: T[]; nextCursor: string | null };

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === arity && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v;
  } catch {}
  throw badRequest('invalid_cursor', 'The cursor is not one this API gave out.');
}

/** Takes limit+1 rows, returns a page and the cursor for the next one. */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (r: R) => unknown[], present: (r: R) => T): Page<T> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(present), nextCursor: more && last ? encodeCursor(keyOf(last)) : null };
}

// Cursors for (created_at, id) keyset pages: the ISO time to the millisecond (the columns are
// kept to the millisecond) and the id as the tiebreaker.
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
