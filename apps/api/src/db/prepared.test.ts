// Named prepared statements against the real database: a statement marked /*prepared:<name>*/
// is prepared once on its connection and then reused (values, plugins and transactions as
// before); an unmarked one stays unnamed; a name reused for another text is refused.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers.ts';
import { openDatabase, withTx } from './index.ts';
import { preparedName } from './prepared.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});

const names = (db: typeof t.db) =>
  sql<{ name: string }>`SELECT name FROM pg_prepared_statements ORDER BY name`.execute(db).then((r) => r.rows.map((x) => x.name));

describe('prepared statements', () => {
  it('reads the name from the leading comment only', () => {
    expect(preparedName('/*prepared:chat_send_gate*/ SELECT 1')).toBe('chat_send_gate');
    expect(preparedName('SELECT 1 /*prepared:x*/')).toBeNull();
    expect(preparedName('/*prepared:*/ SELECT 1')).toBeNull();
    expect(preparedName('/* prepared:x */ SELECT 1')).toBeNull();
  });

  it('prepares a marked statement once per connection and runs it with each call’s values', async () => {
    await t.db.connection().execute(async (db) => {
      const before = await names(db);
      expect(before).not.toContain('test_add');
      const run = (a: number, b: number) => sql<{ sum: number; someValue: string }>`/*prepared:test_add*/ SELECT ${a}::int + ${b}::int AS sum, 'x' AS some_value`.execute(db);
      expect((await run(1, 2)).rows).toEqual([{ sum: 3, someValue: 'x' }]); // CamelCasePlugin still applies
      expect((await run(40, 2)).rows).toEqual([{ sum: 42, someValue: 'x' }]);
      expect(await names(db)).toContain('test_add');
      await sql`SELECT ${1}::int AS unmarked`.execute(db);
      expect((await names(db)).filter((n) => !before.includes(n))).toEqual(['test_add']);
    });
  });

  it('refuses a name reused for another text, loudly', async () => {
    await t.db.connection().execute(async (db) => {
      await sql`/*prepared:test_same*/ SELECT ${1}::int AS one`.execute(db);
      await expect(sql`/*prepared:test_same*/ SELECT ${2}::int AS two`.execute(db)).rejects.toThrow(/Prepared statements must be unique/);
    });
  });

  it('runs inside a transaction, which still rolls back', async () => {
    const u = await t.user({ payoutMethod: false });
    await expect(
      withTx(t.db, async (tx) => {
        await sql`/*prepared:test_rename*/ UPDATE users SET display_name = ${'改名'} WHERE id = ${u.id}`.execute(tx);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const row = await t.db.selectFrom('users').select('displayName').where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(row.displayName).not.toBe('改名');
  });

  it('settles pool.query() of a marked statement (pg-pool passes a callback)', async () => {
    const own = openDatabase(t.url, { max: 1 });
    try {
      const r = await own.pool.query('/*prepared:test_pool*/ SELECT $1::int * 2 AS twice', [21]);
      expect(r.rows).toEqual([{ twice: 42 }]);
      const again = await own.pool.query('/*prepared:test_pool*/ SELECT $1::int * 2 AS twice', [5]);
      expect(again.rows).toEqual([{ twice: 10 }]);
      const names = await own.pool.query<{ name: string }>('SELECT name FROM pg_prepared_statements');
      expect(names.rows.map((x) => x.name)).toContain('test_pool');
    } finally {
      await own.close();
    }
  });
});
