// Keeps the stored search vectors current. The services that write items and notes call
// indexItem / indexNote inside their own transaction, right after the write, so a listing is
// findable the moment it exists and an edit never leaves a stale vector behind. Rows written
// by other paths (demo seed, bulk generators, rows from before the search migration) have a
// NULL vector and are picked up by indexPending at start.
import { categoryLabel } from '@jishi/shared';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Executor } from '../../db/index.ts';
import { documentTerms, fold, hanChars, tsvectorOf } from './text.ts';

export type IndexableItem = { id: string; title: string; description: string; category: string; price: number };
export type IndexableNote = { id: string; title: string; body: string; tags: readonly string[]; kind: string };

const KIND_WORDS: Record<string, string[]> = { wanted: ['求购'], stall: ['地摊', '电子地摊'] };

/**
 * Title (A) outranks tags, category and "free" (B), which outrank the description (C); the
 * title's single characters (D) only serve the relaxed fallback for typos.
 */
export function itemVector(i: Omit<IndexableItem, 'id'>): string {
  const labels = [categoryLabel(i.category, 'zh-CN'), categoryLabel(i.category, 'en')].join(' ');
  return tsvectorOf([
    { terms: documentTerms(i.title), weight: 'A' },
    { terms: [...documentTerms(labels), ...(i.price === 0 ? ['免费', '免费送'] : [])], weight: 'B' },
    { terms: documentTerms(i.description), weight: 'C' },
    { terms: hanChars(i.title), weight: 'D' },
  ]);
}

export function noteVector(n: Omit<IndexableNote, 'id'>): string {
  const tagTerms = n.tags.flatMap((t) => [fold(t).toLowerCase(), ...documentTerms(t)]);
  return tsvectorOf([
    { terms: documentTerms(n.title), weight: 'A' },
    { terms: [...tagTerms, ...(KIND_WORDS[n.kind] ?? [])], weight: 'B' },
    { terms: documentTerms(n.body), weight: 'C' },
    { terms: hanChars(n.title), weight: 'D' },
  ]);
}

export async function indexItem(db: Executor, item: IndexableItem): Promise<void> {
  await sql`UPDATE items SET search_vector = ${itemVector(item)}::tsvector WHERE id = ${item.id}`.execute(db);
}

export async function indexNote(db: Executor, note: IndexableNote): Promise<void> {
  await sql`UPDATE notes SET search_vector = ${noteVector(note)}::tsvector WHERE id = ${note.id}`.execute(db);
}

const BATCH = 500;

async function writeVectors(db: Executor, table: 'items' | 'notes', rows: { id: string; vector: string }[]) {
  if (!rows.length) return;
  await sql`
    UPDATE ${sql.table(table)} AS t SET search_vector = u.vector::tsvector
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.vector)}::text[]) AS u(id, vector)
    WHERE t.id = u.id`.execute(db);
}

/** Indexes every row without a vector, in batches (items_search_pending / notes_search_pending). */
export async function indexPending(db: Executor, log?: Logger): Promise<{ items: number; notes: number }> {
  let items = 0;
  let notes = 0;
  for (;;) {
    const rows = await db
      .selectFrom('items')
      .select(['id', 'title', 'description', 'category', 'price'])
      .where('searchVector', 'is', null)
      .limit(BATCH)
      .execute();
    await writeVectors(db, 'items', rows.map((r) => ({ id: r.id, vector: itemVector(r) })));
    items += rows.length;
    if (rows.length && log) log.info({ items }, 'search: items indexed');
    if (rows.length < BATCH) break;
  }
  for (;;) {
    const rows = await db
      .selectFrom('notes')
      .select(['id', 'title', 'body', 'tags', 'kind'])
      .where('searchVector', 'is', null)
      .limit(BATCH)
      .execute();
    await writeVectors(db, 'notes', rows.map((r) => ({ id: r.id, vector: noteVector(r) })));
    notes += rows.length;
    if (rows.length && log) log.info({ notes }, 'search: notes indexed');
    if (rows.length < BATCH) break;
  }
  return { items, notes };
}

/** How many rows wait for a vector: a few are indexed before serving, many in the background. */
export async function countPending(db: Executor): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM items WHERE search_vector IS NULL) + (SELECT count(*) FROM notes WHERE search_vector IS NULL) AS n`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

const INLINE_BACKLOG = 5_000;

/**
 * At start: a small backlog (the demo community, a few old rows) is indexed before the server
 * answers, so the first search already finds it; a large one (an upgrade of a big database, a
 * bulk generator's rows) is indexed in the background while the server serves.
 */
export async function indexSearchBacklog(db: Executor, log: Logger): Promise<void> {
  const pending = await countPending(db);
  if (pending === 0) return;
  if (pending <= INLINE_BACKLOG) {
    log.info(await indexPending(db), 'search: backlog indexed');
    return;
  }
  log.info({ pending }, 'search: indexing the backlog in the background');
  indexPending(db, log).then(
    (n) => log.info(n, 'search: backlog indexed'),
    (err) => log.warn({ err }, 'search: backlog indexing stopped; the next start resumes it'),
  );
}
