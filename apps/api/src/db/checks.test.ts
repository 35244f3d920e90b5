// The database's CHECK constraints allow exactly the states and vocabularies packages/shared
// lists — read from pg_constraint in the migrated database, so a migration and the shared
// list cannot drift apart.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers.ts';
// After the app (which loads zod's OpenAPI extension before the shared schemas are built).
import { CASE_STATUSES, CATEGORY_KEYS, CONDITION_KEYS, DELIVERY_KEYS, OFFER_STATUSES, ORDER_STATUSES } from '@jishi/shared';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});

/** The quoted values of the CHECK constraints on `table` that mention `column`. */
async function allowed(table: string, column: string): Promise<string[]> {
  const { rows } = await sql<{ def: string }>`
    SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE conrelid = ${table}::regclass AND contype = 'c'`.execute(t.db);
  const defs = rows.map((r) => r.def).filter((d) => new RegExp(`\\(+${column}\\b`).test(d) && /'[^']*'::text/.test(d));
  if (defs.length === 0) throw new Error(`no CHECK on ${table}.${column}: ${rows.map((r) => r.def).join(' | ')}`);
  return [...new Set(defs.flatMap((d) => [...d.matchAll(/'([^']*)'::text/g)].map((m) => m[1] ?? '')))].sort();
}

const sorted = (xs: readonly string[]) => [...xs].sort();

describe('CHECK constraints and packages/shared', () => {
  it('orders.status allows exactly ORDER_STATUSES', async () => {
    expect(await allowed('orders', 'status')).toEqual(sorted(ORDER_STATUSES));
  });
  it('after_sales.status allows exactly CASE_STATUSES', async () => {
    expect(await allowed('after_sales', 'status')).toEqual(sorted(CASE_STATUSES));
  });
  it('offers.status allows exactly OFFER_STATUSES', async () => {
    expect(await allowed('offers', 'status')).toEqual(sorted(OFFER_STATUSES));
  });
  it('orders.delivery allows exactly the delivery methods', async () => {
    expect(await allowed('orders', 'delivery')).toEqual(sorted(DELIVERY_KEYS));
  });
  it('items.condition allows exactly the shared conditions, items.category fits every shared key', async () => {
    expect(await allowed('items', 'condition')).toEqual(sorted(CONDITION_KEYS));
    // Categories are checked by shape, not by list, in the database: every shared key fits it.
    const [pattern] = await allowed('items', 'category');
    expect(CATEGORY_KEYS.filter((k) => !new RegExp(pattern ?? '^$').test(k))).toEqual([]);
  });
});
