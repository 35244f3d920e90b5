import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { note, upload, walk } from '../notes/fixtures.ts';

const t = await createTestApp();

describe('GET /feed?tab=latest', () => {
  it('lists masonry cards newest first, public, with cover size, author and likedByMe', async () => {
    const [a, b] = [await t.user(), await t.user()];
    const photo = await upload(t, a.token);
    const n1 = await note(t, a.token, { imageIds: [photo.id], kind: 'stall', title: '电子地摊开张' });
    const n2 = await note(t, b.token, { title: '没有图的笔记' });
    await t.req('PUT', `/notes/${n1.id}/like`, { token: b.token });
    const r = await t.req('GET', '/feed?tab=latest&limit=2', { token: b.token });
    expect(r.status).toBe(200);
    expect(r.json.items.map((c: { id: string }) => c.id)).toEqual([n2.id, n1.id]);
    expect(r.json.items[1]).toEqual({
      id: n1.id,
      kind: 'stall',
      title: '电子地摊开张',
      cover: { url: photo.urls.card, width: photo.width, height: photo.height },
      author: { id: a.id, displayName: a.username, avatarUrl: null },
      likeCount: 1,
      likedByMe: true,
      items: [],
      createdAt: n1.createdAt,
    });
    expect(r.json.items[0].cover).toBeNull();
    const anon = await t.req('GET', '/feed?limit=2');
    expect(anon.json.items[1].likedByMe).toBe(false);
  });

  it('walks the whole list without duplicates or gaps while new notes are inserted', async () => {
    const u = await t.user();
    const before = await walk(t, '/feed?tab=latest', undefined, 100);
    const made: string[] = [];
    for (let i = 0; i < 12; i++) made.push((await note(t, u.token, { title: `旧笔记 ${i}` })).id);
    const expected = [...made.reverse(), ...before];
    const seen: string[] = [];
    let cursor: string | null = null;
    let inserted = 0;
    do {
      const r = await t.req('GET', `/feed?tab=latest&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...r.json.items.map((c: { id: string }) => c.id));
      cursor = r.json.nextCursor;
      await note(t, u.token, { title: `新笔记 ${inserted++}` }); // lands above the cursor
    } while (cursor);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('keeps notes with the same timestamp apart by id', async () => {
    const u = await t.user();
    const at = new Date('2025-06-01T08:00:00.000Z');
    const ids = [];
    for (let i = 0; i < 5; i++) {
      const n = await note(t, u.token, { title: `同一毫秒 ${i}` });
      await t.db.updateTable('notes').set({ createdAt: at }).where('id', '=', n.id).execute();
      ids.push(n.id);
    }
    const all = await walk(t, `/users/${u.id}/notes`, undefined, 2);
    expect(all).toEqual([...ids].reverse());
  });

  it("drops a banned member's notes and still pages on", async () => {
    const [good, bad] = [await t.user(), await t.user()];
    const g1 = await note(t, good.token);
    await note(t, bad.token);
    await note(t, bad.token);
    const g2 = await note(t, good.token);
    await t.db.updateTable('users').set({ status: 'banned' }).where('id', '=', bad.id).execute();
    const ids = await walk(t, '/feed?tab=latest', undefined, 1);
    expect(ids.slice(0, 2)).toEqual([g2.id, g1.id]);
    expectProblem(await t.req('GET', `/users/${bad.id}/notes`), 404, 'not_found');
  });

  it('refuses bad limits, cursors and tabs; recommended is public (discovery/recommend.test.ts)', async () => {
    for (const q of ['limit=101', 'limit=0', 'limit=abc', 'tab=hot']) {
      expectProblem(await t.req('GET', `/feed?${q}`), 400, 'validation_failed');
    }
    expectProblem(await t.req('GET', '/feed?cursor=bm9wZQ'), 400, 'invalid_cursor');
    expectProblem(
      await t.req('GET', `/feed?cursor=${Buffer.from('["yesterday","0000000000000001"]').toString('base64url')}`),
      400,
      'invalid_cursor',
    );
    expect((await t.req('GET', '/feed?tab=recommended')).status).toBe(200);
    expect((await t.req('GET', '/feed?limit=100')).status).toBe(200);
    expect((await t.req('GET', '/feed')).status).toBe(200);
  });
});

describe('GET /feed?tab=following', () => {
  it("lists only followed members' notes, newest first, paging across authors", async () => {
    const [me, a, b, stranger] = [await t.user(), await t.user(), await t.user(), await t.user()];
    await t.req('PUT', `/users/${a.id}/follow`, { token: me.token });
    await t.req('PUT', `/users/${b.id}/follow`, { token: me.token });
    const expected: string[] = [];
    for (let i = 0; i < 9; i++) {
      const who = [a, b, stranger][i % 3] ?? a;
      const n = await note(t, who.token, { title: `第${i}条` });
      if (who !== stranger) expected.unshift(n.id);
    }
    expect(await walk(t, '/feed?tab=following', me.token, 2)).toEqual(expected);
    expect(await walk(t, '/feed?tab=following', me.token, 100)).toEqual(expected);
    const lonely = await t.user();
    expect((await t.req('GET', '/feed?tab=following', { token: lonely.token })).json).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('needs a member', async () => {
    expectProblem(await t.req('GET', '/feed?tab=following'), 401, 'unauthenticated');
  });
});

describe('profile lists', () => {
  it("lists a member's notes, newest first; unknown members are 404", async () => {
    const [u, other] = [await t.user(), await t.user()];
    const mine = [];
    for (let i = 0; i < 5; i++) mine.unshift((await note(t, u.token)).id);
    await note(t, other.token);
    expect(await walk(t, `/users/${u.id}/notes`, undefined, 2)).toEqual(mine);
    expectProblem(await t.req('GET', '/users/00000000000000ff/notes'), 404, 'not_found');
  });

  it('lists collects, most recently collected first, to their owner only', async () => {
    const [u, author, other] = [await t.user(), await t.user(), await t.user()];
    const notes = [];
    for (let i = 0; i < 4; i++) notes.push((await note(t, author.token)).id);
    for (const id of [notes[2], notes[0], notes[3]]) await t.req('PUT', `/notes/${id}/collect`, { token: u.token });
    expect(await walk(t, `/users/${u.id}/collects`, u.token, 2)).toEqual([notes[3], notes[0], notes[2]]);
    await t.req('DELETE', `/notes/${notes[0]}/collect`, { token: u.token });
    expect(await walk(t, `/users/${u.id}/collects`, u.token, 2)).toEqual([notes[3], notes[2]]);
    expectProblem(await t.req('GET', `/users/${u.id}/collects`, { token: other.token }), 403, 'collects_private');
    expectProblem(await t.req('GET', `/users/${u.id}/collects`), 403, 'collects_private');
  });
});
