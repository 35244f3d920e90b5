// The compiled-statement helper against the real database: values go in in order, a transaction
// is honoured, rows come back camelCased, and shapes it cannot run safely are refused at build.
import { ParseJSONResultsPlugin, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers.ts';
import { compiled, compiledShapes } from './compiled.ts';
import { poolRunner, withTx } from './index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let a: { id: string; username: string };
let b: { id: string; username: string };
beforeAll(async () => {
  t = await createTestApp();
  a = await t.user({ payoutMethod: false });
  b = await t.user({ payoutMethod: false });
});

// Several kinds of values, one used twice, with constants of the statement between them.
const members = compiled(
  { ids: 'texts', name: 'text', since: 'date', take: 'int' },
  (db, p) =>
    db
      .selectFrom('users')
      .select(['id', 'displayName', 'createdAt', 'status'])
      .where((eb) => eb('id', '=', eb.fn.any(eb.val(p.texts('ids')))))
      .where('status', '=', 'active')
      .where((eb) => eb.or([eb('displayName', '<>', p.text('name')), eb('username', '<>', p.text('name'))]))
      .where('createdAt', '>', p.date('since'))
      .orderBy('username')
      .limit(p.int('take')),
  'members',
);

describe('compiled statements', () => {
  it('compiles once with the plugins and substitutes the values in order', async () => {
    const text = members.sql(t.db);
    expect(text).toBe(
      '/*prepared:c_members*/ select "id", "display_name", "created_at", "status" from "users" where "id" = any($1) and "status" = $2 and ("display_name" <> $3 or "username" <> $4) and "created_at" > $5 order by "username" limit $6',
    );
    const ids = [a.id, b.id];
    const since = new Date(Date.now() - 86_400_000);
    const rows = await members.all(t.db, { ids, name: 'nobody', since, take: 5 });
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    // The same statement built the usual way answers the same rows.
    const usual = await t.db
      .selectFrom('users')
      .select(['id', 'displayName', 'createdAt', 'status'])
      .where('id', 'in', ids)
      .where('status', '=', 'active')
      .where('createdAt', '>', since)
      .orderBy('username')
      .execute();
    expect(rows).toEqual(usual);
    // Each value lands in its own place: the limit, the date, the repeated name.
    expect(await members.all(t.db, { ids, name: 'nobody', since, take: 1 })).toHaveLength(1);
    expect(await members.all(t.db, { ids, name: 'nobody', since: new Date(Date.now() + 86_400_000), take: 5 })).toEqual([]);
    const named = await members.all(t.db, { ids, name: a.username, since, take: 5 });
    expect(named.map((r) => r.id)).toEqual([b.id]);
  });

  it('returns camelCased rows with their types (Date, not a string)', async () => {
    const row = await members.first(t.db, { ids: [a.id], name: '', since: new Date(0), take: 1 });
    expect(Object.keys(row ?? {}).sort()).toEqual(['createdAt', 'displayName', 'id', 'status']);
    expect(row?.displayName).toBe(a.username);
    expect(row?.createdAt).toBeInstanceOf(Date);
  });

  it('compiles sql`` statements too: arrays of numbers as one float8[], rows camelCased', async () => {
    const raw = compiled({ ids: 'texts', weights: 'floats' }, (_db, p) =>
      sql<{ userId: string; totalWeight: number }>`
        SELECT u.id AS user_id, (SELECT sum(w) FROM unnest(${p.floats('weights')}::float8[]) w) AS total_weight
        FROM users u WHERE u.id = ANY(${p.texts('ids')}) ORDER BY u.id`,
    );
    const rows = await raw.all(t.db, { ids: [a.id, b.id], weights: [0.5, 1.25, 2] });
    expect(rows).toEqual([a.id, b.id].sort().map((userId) => ({ userId, totalWeight: 3.75 })));
  });

  it('runs on the transaction it is given', async () => {
    const renamed = `renamed-${a.username}`;
    const nameOf = compiled({ id: 'text' }, (db, p) => db.selectFrom('users').select('displayName').where('id', '=', p.text('id')));
    const seen = await withTx(t.db, async (tx) => {
      await tx.updateTable('users').set({ displayName: renamed }).where('id', '=', a.id).execute();
      const inside = await nameOf.first(tx, { id: a.id });
      // The pool's other connections do not see the uncommitted rename.
      const outside = await nameOf.first(t.db, { id: a.id });
      return { inside: inside?.displayName, outside: outside?.displayName };
    });
    expect(seen).toEqual({ inside: renamed, outside: a.username });
    // That one committed: after it, the pool sees the rename too.
    expect((await nameOf.first(t.db, { id: a.id }))?.displayName).toBe(renamed);
    await t.db.updateTable('users').set({ displayName: a.username }).where('id', '=', a.id).execute();
    // And a transaction that rolls back leaves nothing.
    await expect(
      withTx(t.db, async (tx) => {
        await tx.updateTable('users').set({ displayName: renamed }).where('id', '=', a.id).execute();
        expect((await nameOf.first(tx, { id: a.id }))?.displayName).toBe(renamed);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await nameOf.first(t.db, { id: a.id }))?.displayName).toBe(a.username);
  });

  it('outside a transaction runs straight on the pool, with the rows and errors Kysely gives', async () => {
    expect(poolRunner(t.db)).toBeTypeOf('function');
    await withTx(t.db, async (tx) => expect(poolRunner(tx)).toBeUndefined());
    const shaped = compiled(
      { id: 'text' },
      (_db, p) => sql<{ id: string; createdAt: Date; nestedValue: unknown }>`
        SELECT u.id, u.created_at, json_build_object('display_name', u.display_name, 'inner_list', json_build_array(json_build_object('a_b', 1), 2)) AS nested_value
        FROM users u WHERE u.id = ${p.text('id')}`,
      'pool path',
    );
    const viaPool = await shaped.all(t.db, { id: a.id });
    const viaKysely = await withTx(t.db, (tx) => shaped.all(tx, { id: a.id }));
    expect(viaPool).toEqual(viaKysely);
    expect(viaPool).toEqual([{ id: a.id, createdAt: expect.any(Date), nestedValue: { displayName: a.username, innerList: [{ aB: 1 }, 2] } }]);
    expect(await shaped.all(t.db, { id: 'nobody' })).toEqual([]);
    // A value the database refuses fails with PostgreSQL's error, as it does through Kysely.
    const bad = compiled({ n: 'text' }, (_db, p) => sql<{ n: number }>`SELECT ${p.text('n')}::int AS n`, 'pool path refused');
    await expect(bad.all(t.db, { n: 'x' })).rejects.toMatchObject({ code: '22P02' });
    await expect(withTx(t.db, (tx) => bad.all(tx, { n: 'x' }))).rejects.toMatchObject({ code: '22P02' });
  });

  it('keeps one statement per shape; a shape uses the values it needs', async () => {
    const page = compiledShapes({ take: 'int', after: 'date' }, (db, p, shape: 'first' | 'next') => {
      let q = db.selectFrom('users').select('id');
      if (shape === 'next') q = q.where('createdAt', '<', p.date('after'));
      return q.orderBy('createdAt', 'desc').limit(p.int('take'));
    });
    // No label: 'compiled query', each shape its own name.
    expect(page('first').sql(t.db)).toMatch(/^\/\*prepared:c_compiled_query_first(_\d+)?\*\/ select "id" from "users" order by "created_at" desc limit \$1$/);
    expect(page('next').sql(t.db)).toMatch(/^\/\*prepared:c_compiled_query_next(_\d+)?\*\/ select "id" from "users" where "created_at" < \$1 order by "created_at" desc limit \$2$/);
    expect(page('first')).toBe(page('first'));
    expect(await page('first').all(t.db, { take: 1 })).toHaveLength(1);
    expect(await page('next').all(t.db, { take: 5, after: new Date(0) })).toEqual([]);
    // A value the shape uses and the caller left out is an error, not a NULL.
    await expect(page('next').all(t.db, { take: 5 })).rejects.toThrow(/no value for after/);
  });

  it('runs as a named prepared statement on its connection; a second text under one label gets its own name', async () => {
    const one = compiled({ id: 'text' }, (db, p) => db.selectFrom('users').select('username').where('id', '=', p.text('id')), 'prepared twice');
    const two = compiled({ id: 'text' }, (db, p) => db.selectFrom('users').select('id').where('id', '=', p.text('id')), 'prepared twice');
    expect(one.sql(t.db)).toMatch(/^\/\*prepared:c_prepared_twice\*\/ /);
    expect(two.sql(t.db)).toMatch(/^\/\*prepared:c_prepared_twice_2\*\/ /);
    await t.db.connection().execute(async (db) => {
      expect((await one.first(db, { id: a.id }))?.username).toBe(a.username);
      expect((await two.first(db, { id: b.id }))?.id).toBe(b.id);
      expect((await one.first(db, { id: b.id }))?.username).toBe(b.username); // the same statement, new values
      const r = await sql<{ name: string }>`SELECT name FROM pg_prepared_statements WHERE name LIKE 'c_prepared_twice%' ORDER BY name`.execute(db);
      expect(r.rows.map((x) => x.name)).toEqual(['c_prepared_twice', 'c_prepared_twice_2']);
    });
  });

  it('runs with one id under a name of its own, on a plan PostgreSQL keeps instead of planning each time', async () => {
    const byIds = compiled({ ids: 'texts' }, (db, p) => db.selectFrom('users').select('id').where((eb) => eb('id', '=', eb.fn.any(eb.val(p.texts('ids'))))).orderBy('id'), 'users in list');
    await t.db.connection().execute(async (db) => {
      for (let i = 0; i < 8; i++) expect((await byIds.all(db, { ids: [a.id] })).map((r) => r.id)).toEqual([a.id]);
      expect((await byIds.all(db, { ids: [a.id, b.id] })).map((r) => r.id)).toEqual([a.id, b.id].sort());
      expect(await byIds.all(db, { ids: [] })).toEqual([]);
      const r = await sql<{ name: string; statement: string; genericPlans: number }>`
        SELECT name, statement, generic_plans::int AS "genericPlans" FROM pg_prepared_statements
        WHERE name IN ('c_users_in_list', 'c_one_users_in_list') ORDER BY name`.execute(db);
      expect(r.rows.map((x) => x.name)).toEqual(['c_one_users_in_list', 'c_users_in_list']);
      expect(r.rows[0]?.statement).toContain('any(array[$1::text])');
      // From the sixth run on, the one-id statement runs on its generic plan: no planning per run.
      expect(r.rows[0]?.genericPlans).toBeGreaterThanOrEqual(3);
    });
  });

  it('refuses shapes it cannot run safely, when the statement is built', () => {
    const users = (label: string, build: Parameters<typeof compiled<{ id: 'text'; take: 'int'; ids: 'texts' }, unknown>>[1]) =>
      () => compiled({ id: 'text', take: 'int', ids: 'texts' }, build, label).sql(t.db);
    // A value never used.
    expect(users('unused', (db, p) => db.selectFrom('users').select('id').where('id', '=', p.text('id')).where('id', '=', any(p.texts('ids')))))
      .toThrow(/take appears zero times/);
    // An array expanded into an IN list.
    expect(users('in list', (db, p) => db.selectFrom('users').select('id').where('id', 'in', p.texts('ids')).where('id', '=', p.text('id')).limit(p.int('take'))))
      .toThrow(/derived from a marker/);
    // A value inlined into the SQL text.
    expect(users('inlined', (db, p) =>
      db.selectFrom('users').select('id').where('id', '=', p.text('id')).where('id', '=', any(p.texts('ids'))).limit(sql.lit(p.int('take'))),
    )).toThrow(/inlined/);
    // A value computed from a marker (it would be cached as a constant).
    expect(users('derived', (db, p) =>
      db.selectFrom('users').select('id').where('id', '=', p.text('id')).where('id', '=', any(p.texts('ids'))).limit(p.int('take') + 1),
    )).toThrow(/derived/);
    expect(users('derived text', (db, p) =>
      db.selectFrom('users').select('id').where('username', 'like', `${p.text('id')}%`).where('id', '=', any(p.texts('ids'))).limit(p.int('take')),
    )).toThrow(/derived/);
    // The shape chosen by a value.
    expect(users('shape by value', (db, p) =>
      db.selectFrom('users').select('id').where('id', '=', p.text('id')).where('id', '=', any(p.texts('ids'))).limit(p.int('take'))
        .orderBy(p.text('id').includes(':0:') ? 'username' : 'createdAt'),
    )).toThrow(/changes with its parameter values/);
    // A plugin whose result transform may need what its query transform saw.
    const fine = compiled({ id: 'text' }, (db, p) => db.selectFrom('users').select('id').where('id', '=', p.text('id')));
    expect(() => fine.sql(t.db.withPlugin(new ParseJSONResultsPlugin()))).toThrow(/only CamelCasePlugin/);
    expect(fine.sql(t.db)).toMatch(/^\/\*prepared:c_compiled_query(_\d+)?\*\/ select "id" from "users" where "id" = \$1$/);
  });
});

/** `= any($1)`: the whole array as one parameter. */
const any = (ids: string[]) => sql<string>`any(${ids})`;
