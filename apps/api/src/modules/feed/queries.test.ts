// No N+1: a page costs the same number of queries whatever its length. Counted by Kysely's
// query log on a second app over the same database: every statement sent is counted, the ones
// compiled once (db/compiled.ts) as well as those built per request.
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';
import { buildApp } from '../../app.ts';
import type { DB } from '../../db/types.ts';
import { comment, note, upload } from '../notes/fixtures.ts';

const t = await createTestApp();
let queries = 0;
const countedDb = new Kysely<DB>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: t.url, max: 5 }) }),
  plugins: [new CamelCasePlugin()],
  log: (e) => {
    if (e.level === 'query') queries += 1;
  },
});
afterAll(() => countedDb.destroy());
const counted = buildApp({ ...t.deps, db: countedDb });

async function queriesFor(path: string, token?: string) {
  queries = 0;
  const r = await counted.request(`/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect(r.status).toBe(200);
  const body = (await r.json()) as { items: unknown[] };
  return { n: queries, length: body.items.length };
}

let viewer: { id: string; token: string };
let hostNote = '';
let thread = '';
beforeAll(async () => {
  viewer = await t.user();
  const authors = await Promise.all(Array.from({ length: 10 }, () => t.user()));
  for (const [i, a] of authors.entries()) {
    await t.req('PUT', `/users/${a.id}/follow`, { token: viewer.token });
    const photo = await upload(t, a.token);
    for (let j = 0; j < 6; j++) {
      const n = await note(t, a.token, { imageIds: [photo.id] });
      if ((i + j) % 2 === 0) await t.req('PUT', `/notes/${n.id}/like`, { token: viewer.token });
      if (j % 3 === 0) await t.req('PUT', `/notes/${n.id}/collect`, { token: viewer.token });
    }
  }
  hostNote = (await note(t, viewer.token, { kind: 'stall' })).id;
  for (const [i, a] of [...authors, ...authors, ...authors, ...authors, ...authors, ...authors].entries()) {
    const c = await comment(t, a.token, hostNote, { body: `第${i}楼` });
    if (i % 5 === 0)
      for (let k = 0; k < 4; k++) await comment(t, viewer.token, hostNote, { parentId: c.id, body: `回${k}` });
    thread ||= c.id;
  }
}, 120_000);

describe('one page is a fixed number of queries', () => {
  it.each([
    ['/feed?tab=latest', true],
    ['/feed?tab=latest', false],
    ['/feed?tab=following', true],
    ['/users/{viewer}/collects', true],
    ['/users/{author}/notes', true],
    ['/notes/{note}/comments', true],
    ['/users/{viewer}/following', true],
  ])('%s (signed in: %s): 5 items and 50 items cost the same', async (template, signedIn) => {
    const author = (
      await t.db.selectFrom('notes').select('authorId').where('authorId', '!=', viewer.id).executeTakeFirstOrThrow()
    ).authorId;
    // A profile holds 6 notes: fill it up so 50 means 50 there too.
    if (template.includes('{author}')) {
      const cover = await t.db.selectFrom('media').select('id').where('ownerId', '=', author).executeTakeFirstOrThrow();
      for (let i = 0; i < 50; i++)
        await t.db
          .insertInto('notes')
          .values({ authorId: author, title: `补 ${i}`, coverId: cover.id })
          .execute();
    }
    const path = template.replace('{viewer}', viewer.id).replace('{author}', author).replace('{note}', hostNote);
    const token = signedIn ? viewer.token : undefined;
    const small = await queriesFor(`${path}${path.includes('?') ? '&' : '?'}limit=5`, token);
    const big = await queriesFor(`${path}${path.includes('?') ? '&' : '?'}limit=50`, token);
    if (process.env.SHOW_QUERY_COUNTS) console.log(template, signedIn, small.n, big.n);
    expect(small.length).toBe(5);
    expect(big.length).toBeGreaterThanOrEqual(10);
    expect(big.n).toBe(small.n);
    expect(small.n).toBeLessThanOrEqual(7);
    expect(small.n).toBeGreaterThanOrEqual(2); // the page and its item cards at least: the log counts
  });

  it('a note page and a thread of replies are fixed too', async () => {
    const noteQueries = await queriesFor(`/notes/${hostNote}/comments?limit=1`, viewer.token);
    expect(noteQueries.n).toBeLessThanOrEqual(6);
    const replies = await queriesFor(`/comments/${thread}/replies?limit=2`, viewer.token);
    const more = await queriesFor(`/comments/${thread}/replies?limit=50`, viewer.token);
    expect(more.n).toBe(replies.n);
  });
});
