import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { note, pngBytes, upload } from './fixtures.ts';

const t = await createTestApp();

describe('POST /notes', () => {
  it('publishes a note with photos in order, tags, a coarse location and zero counts', async () => {
    const u = await t.user();
    const a = await upload(t, u.token, await pngBytes(60, 80));
    const b = await upload(t, u.token, await pngBytes(80, 80, '#1677ff'));
    const r = await t.req('POST', '/notes', {
      token: u.token,
      body: {
        title: '  搬家清仓：宜家书架  ',
        body: '九成新，自提。#搬家清仓 #宜家# 欢迎来看 #IKEA',
        tags: ['#家具', 'IKEA'],
        imageIds: [b.id, a.id],
        location: { lat: 31.230416, lng: 121.473701, label: '上海 静安' },
        kind: 'stall',
      },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      kind: 'stall',
      title: '搬家清仓：宜家书架',
      tags: ['家具', 'ikea', '搬家清仓', '宜家'],
      location: { lat: 31.23, lng: 121.474, label: '上海 静安' },
      author: { id: u.id, displayName: u.username, avatarUrl: null, followedByMe: false },
      items: [],
      likeCount: 0,
      collectCount: 0,
      commentCount: 0,
      likedByMe: false,
      collectedByMe: false,
    });
    expect(r.json.images.map((i: { id: string }) => i.id)).toEqual([b.id, a.id]);
    expect(r.json.images[1]).toEqual({ id: a.id, width: 60, height: 80, urls: a.urls });
    expect(JSON.stringify(r.json)).not.toMatch(/explicit|coverId|authorId/);
    const got = await t.req('GET', `/notes/${r.json.id}`);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(r.json);
  });

  it('needs a member', async () => {
    expectProblem(await t.req('POST', '/notes', { body: { title: 'x' } }), 401, 'unauthenticated');
  });

  it.each(
    [
      [{}, 'title'],
      [{ title: '' }, 'title'],
      [{ title: '   ' }, 'title'],
      [{ title: '字'.repeat(51) }, 'title'],
      [{ title: 'ok', body: '字'.repeat(2001) }, 'body'],
      [{ title: 'ok', kind: 'auction' }, 'kind'],
      [{ title: 'ok', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'tags'],
      [{ title: 'ok', tags: ['#'] }, 'tags.0'],
      [{ title: 'ok', tags: ['二十一个字'.repeat(5)] }, 'tags.0'],
      [{ title: 'ok', imageIds: ['nope'] }, 'imageIds.0'],
      [
        { title: 'ok', imageIds: Array.from({ length: 10 }, (_, i) => `00000000000000${String(i).padStart(2, '0')}`) },
        'imageIds',
      ],
      [{ title: 'ok', imageIds: ['0000000000000001', '0000000000000001'] }, 'imageIds'],
      [{ title: 'ok', location: { lat: 91, lng: 0 } }, 'location.lat'],
    ].map(([body, field]) => [JSON.stringify(body).slice(0, 60), body, field] as const),
  )('refuses %s with a field error on %s', async (_, body, field) => {
    const u = await t.user();
    const r = await t.req('POST', '/notes', { token: u.token, body });
    expectProblem(r, 400, 'validation_failed');
    expect(r.json.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('counts characters, not UTF-16 units: 50 emoji make a valid title', async () => {
    const u = await t.user();
    const n = await note(t, u.token, { title: '😀'.repeat(50) });
    expect(n.title).toBe('😀'.repeat(50));
  });

  it('refuses more than 10 tags counting the #topics of the body, writing nothing', async () => {
    const u = await t.user();
    const r = await t.req('POST', '/notes', {
      token: u.token,
      body: { title: '很多话题', tags: ['a', 'b', 'c', 'd', 'e', 'f'], body: '#g #h #i #j #k' },
    });
    expectProblem(r, 422, 'too_many_tags');
    const n = await t.db.selectFrom('notes').select('id').where('authorId', '=', u.id).execute();
    expect(n).toHaveLength(0);
  });

  it("refuses someone else's photo, an avatar and an unknown id, writing nothing", async () => {
    const [u, other] = [await t.user(), await t.user()];
    const mine = await upload(t, u.token);
    const theirs = await upload(t, other.token);
    const avatar = await t.req('POST', '/media', {
      token: u.token,
      raw: (await import('./fixtures.ts')).form(await pngBytes(), 'a.png', 'image/png', { purpose: 'avatar' }),
    });
    expect(avatar.status).toBe(201);
    const r = await t.req('POST', '/notes', {
      token: u.token,
      body: { title: 'x', imageIds: [mine.id, theirs.id, avatar.json.id, '00000000000000ff'] },
    });
    expectProblem(r, 422, 'invalid_media');
    expect(r.json.errors.map((e: { path: string }) => e.path)).toEqual(['imageIds.1', 'imageIds.2', 'imageIds.3']);
    expect(await t.db.selectFrom('notes').select('id').where('authorId', '=', u.id).execute()).toHaveLength(0);
  });

  it('accepts up to 9 photos', async () => {
    const u = await t.user();
    const ids = [];
    for (let i = 0; i < 9; i++) ids.push((await upload(t, u.token)).id);
    const n = await note(t, u.token, { imageIds: ids });
    expect(n.images.map((i: { id: string }) => i.id)).toEqual(ids);
  });

  it('refuses an unknown item card, writing nothing (own items: item-cards.test.ts)', async () => {
    const u = await t.user();
    const r = await t.req('POST', '/notes', {
      token: u.token,
      body: { title: '出闲置', itemIds: ['0000000000000abc'] },
    });
    expectProblem(r, 404, 'not_found');
    expect(await t.db.selectFrom('notes').select('id').where('authorId', '=', u.id).execute()).toHaveLength(0);
    expect((await note(t, u.token, { itemIds: [] })).items).toEqual([]);
  });

  it('makes kind default to note and wanted posts possible', async () => {
    const u = await t.user();
    expect((await note(t, u.token)).kind).toBe('note');
    expect((await note(t, u.token, { title: '求购二手显示器', kind: 'wanted' })).kind).toBe('wanted');
  });
});

describe('GET /notes/:id', () => {
  it('is public, 404 for unknown ids and 400 for malformed ones', async () => {
    const u = await t.user();
    const n = await note(t, u.token);
    expect((await t.req('GET', `/notes/${n.id}`)).status).toBe(200);
    expectProblem(await t.req('GET', '/notes/00000000000000ff'), 404, 'not_found');
    expectProblem(await t.req('GET', '/notes/not-an-id'), 400, 'validation_failed');
  });

  it("hides a banned member's notes", async () => {
    const u = await t.user();
    const n = await note(t, u.token);
    await t.db.updateTable('users').set({ status: 'banned' }).where('id', '=', u.id).execute();
    expectProblem(await t.req('GET', `/notes/${n.id}`), 404, 'not_found');
  });
});

describe('PATCH /notes/:id', () => {
  it('edits only the given fields, recomputes tags from the body, and clears the location', async () => {
    const u = await t.user();
    const p = await upload(t, u.token);
    const n = await note(t, u.token, {
      body: '#旧话题',
      tags: ['家具'],
      location: { lat: 30.1, lng: 120.2, label: '杭州' },
      imageIds: [p.id],
    });
    expect(n.tags).toEqual(['家具', '旧话题']);
    t.clock.advance(1000);
    const r = await t.req('PATCH', `/notes/${n.id}`, {
      token: u.token,
      body: { body: '改了 #新话题', location: null },
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      title: n.title,
      body: '改了 #新话题',
      tags: ['家具', '新话题'],
      location: null,
      kind: 'note',
    });
    expect(r.json.images).toEqual(n.images);
    const r2 = await t.req('PATCH', `/notes/${n.id}`, {
      token: u.token,
      body: { tags: [], imageIds: [], title: '新标题', kind: 'stall' },
    });
    expect(r2.json).toMatchObject({ tags: ['新话题'], images: [], title: '新标题', kind: 'stall' });
  });

  it('reorders photos', async () => {
    const u = await t.user();
    const [a, b, c] = [await upload(t, u.token), await upload(t, u.token), await upload(t, u.token)];
    const n = await note(t, u.token, { imageIds: [a.id, b.id] });
    const r = await t.req('PATCH', `/notes/${n.id}`, { token: u.token, body: { imageIds: [c.id, a.id, b.id] } });
    expect(r.json.images.map((i: { id: string }) => i.id)).toEqual([c.id, a.id, b.id]);
    const feed = await t.req('GET', `/users/${u.id}/notes`);
    expect(feed.json.items[0].cover.url).toBe(c.urls.card);
  });

  it("refuses someone else's note (403), unknown notes (404), visitors (401) and bad fields, changing nothing", async () => {
    const [u, other] = [await t.user(), await t.user()];
    const n = await note(t, u.token);
    expectProblem(
      await t.req('PATCH', `/notes/${n.id}`, { token: other.token, body: { title: '抢过来' } }),
      403,
      'not_author',
    );
    expectProblem(
      await t.req('PATCH', '/notes/00000000000000ff', { token: u.token, body: { title: 'x' } }),
      404,
      'not_found',
    );
    expectProblem(await t.req('PATCH', `/notes/${n.id}`, { body: { title: 'x' } }), 401, 'unauthenticated');
    expectProblem(
      await t.req('PATCH', `/notes/${n.id}`, { token: u.token, body: { title: '' } }),
      400,
      'validation_failed',
    );
    const foreign = await upload(t, other.token);
    expectProblem(
      await t.req('PATCH', `/notes/${n.id}`, { token: u.token, body: { title: '换图', imageIds: [foreign.id] } }),
      422,
      'invalid_media',
    );
    expectProblem(
      await t.req('PATCH', `/notes/${n.id}`, { token: u.token, body: { itemIds: ['0000000000000abc'] } }),
      404,
      'not_found',
    );
    const got = await t.req('GET', `/notes/${n.id}`);
    expect(got.json).toMatchObject({ title: n.title, updatedAt: n.updatedAt });
  });
});

describe('DELETE /notes/:id', () => {
  it('deletes for the author only, with its comments and likes; the photos stay', async () => {
    const [u, other] = [await t.user(), await t.user()];
    const p = await upload(t, u.token);
    const n = await note(t, u.token, { imageIds: [p.id] });
    await t.req('PUT', `/notes/${n.id}/like`, { token: other.token });
    await t.req('POST', `/notes/${n.id}/comments`, { token: other.token, body: { body: '好看' } });
    expectProblem(await t.req('DELETE', `/notes/${n.id}`, { token: other.token }), 403, 'not_author');
    expectProblem(await t.req('DELETE', `/notes/${n.id}`), 401, 'unauthenticated');
    expect((await t.req('DELETE', `/notes/${n.id}`, { token: u.token })).status).toBe(204);
    expectProblem(await t.req('GET', `/notes/${n.id}`), 404, 'not_found');
    expectProblem(await t.req('DELETE', `/notes/${n.id}`, { token: u.token }), 404, 'not_found');
    const left = await t.db.selectFrom('comments').select('id').where('noteId', '=', n.id).execute();
    expect(left).toHaveLength(0);
    expect(await t.db.selectFrom('media').select('id').where('id', '=', p.id).executeTakeFirst()).toBeDefined();
  });
});

describe('OpenAPI', () => {
  it('describes every community endpoint, the upload as multipart', async () => {
    const doc = (await t.req('GET', '/openapi.json')).json;
    const paths = Object.keys(doc.paths);
    for (const p of [
      '/api/v1/media',
      '/api/v1/notes',
      '/api/v1/notes/{id}',
      '/api/v1/notes/{id}/like',
      '/api/v1/notes/{id}/collect',
      '/api/v1/notes/{id}/comments',
      '/api/v1/comments/{id}',
      '/api/v1/comments/{id}/replies',
      '/api/v1/users/{id}/follow',
      '/api/v1/users/{id}/followers',
      '/api/v1/users/{id}/following',
      '/api/v1/feed',
      '/api/v1/users/{id}/notes',
      '/api/v1/users/{id}/collects',
    ]) {
      expect(paths).toContain(p);
    }
    expect(Object.keys(doc.paths['/api/v1/media'].post.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(doc.paths['/api/v1/notes/{id}'])).toEqual(expect.arrayContaining(['get', 'patch', 'delete']));
  });
});
