import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { comment, note, walk } from './fixtures.ts';

const t = await createTestApp();
const getNote = async (id: string) => (await t.req('GET', `/notes/${id}`)).json;

describe('POST /notes/:id/comments', () => {
  it('comments, replies, and flattens a reply to a reply into its thread naming whom it answers', async () => {
    const [host, a, b] = [await t.user(), await t.user(), await t.user()];
    const n = await note(t, host.token, { kind: 'stall' });
    const top = await comment(t, a.token, n.id, { body: '书架还在吗？' });
    expect(top).toMatchObject({
      noteId: n.id,
      parentId: null,
      author: { id: a.id },
      replyToUser: null,
      body: '书架还在吗？',
      deleted: false,
      replyCount: 0,
      replies: [],
      wanted: null,
      item: null,
      canDelete: true,
    });
    const reply = await comment(t, host.token, n.id, { body: '在的', parentId: top.id });
    expect(reply).toMatchObject({ parentId: top.id, replyToUser: null });
    const nested = await comment(t, b.token, n.id, { body: '我也想要', parentId: reply.id });
    expect(nested).toMatchObject({ parentId: top.id, replyToUser: { id: host.id, displayName: host.username } });
    expect((await getNote(n.id)).commentCount).toBe(3);
    const list = await t.req('GET', `/notes/${n.id}/comments`);
    expect(list.json.items).toHaveLength(1);
    expect(list.json.items[0]).toMatchObject({ id: top.id, replyCount: 2 });
    expect(list.json.items[0].replies.map((r: { id: string }) => r.id)).toEqual([reply.id, nested.id]);
  });

  it('carries a wanted request, with or without a body', async () => {
    const [host, a] = [await t.user(), await t.user()];
    const n = await note(t, host.token, { kind: 'stall' });
    const w = await comment(t, a.token, n.id, { body: '', wanted: { title: '二手显示器 27寸', maxPrice: 50000 } });
    expect(w.wanted).toEqual({ title: '二手显示器 27寸', maxPrice: 50000 });
    const w2 = (await t.req('POST', `/notes/${n.id}/comments`, { token: a.token, body: { wanted: { title: '台灯' } } }))
      .json;
    expect(w2).toMatchObject({ body: '', wanted: { title: '台灯', maxPrice: null } });
  });

  it.each(
    [
      [{ body: '' }, 'body'],
      [{ body: '   ' }, 'body'],
      [{}, 'body'],
      [{ body: '字'.repeat(501) }, 'body'],
      [{ body: 'x', parentId: 'zz' }, 'parentId'],
      [{ wanted: { title: '' } }, 'wanted.title'],
      [{ wanted: { title: '显示器', maxPrice: -1 } }, 'wanted.maxPrice'],
      [{ wanted: { title: '显示器', maxPrice: 12.5 } }, 'wanted.maxPrice'],
      [{ wanted: { title: '显示器', maxPrice: '500' } }, 'wanted.maxPrice'],
    ].map(([body, field]) => [JSON.stringify(body).slice(0, 60), body, field] as const),
  )('refuses %s with a field error on %s', async (_, body, field) => {
    const [host, a] = [await t.user(), await t.user()];
    const n = await note(t, host.token);
    const r = await t.req('POST', `/notes/${n.id}/comments`, { token: a.token, body });
    expectProblem(r, 400, 'validation_failed');
    expect(r.json.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect((await getNote(n.id)).commentCount).toBe(0);
  });

  it('refuses visitors, unknown notes, parents of another note, and item cards for now', async () => {
    const [host, a] = [await t.user(), await t.user()];
    const n = await note(t, host.token);
    const other = await note(t, host.token);
    const foreign = await comment(t, a.token, other.id);
    expectProblem(await t.req('POST', `/notes/${n.id}/comments`, { body: { body: 'hi' } }), 401, 'unauthenticated');
    expectProblem(
      await t.req('POST', '/notes/00000000000000ff/comments', { token: a.token, body: { body: 'hi' } }),
      404,
      'not_found',
    );
    const wrong = await t.req('POST', `/notes/${n.id}/comments`, {
      token: a.token,
      body: { body: 'hi', parentId: foreign.id },
    });
    expectProblem(wrong, 422, 'invalid_parent');
    expect(wrong.json.errors[0].path).toBe('parentId');
    expectProblem(
      await t.req('POST', `/notes/${n.id}/comments`, {
        token: a.token,
        body: { body: 'hi', parentId: '00000000000000ff' },
      }),
      422,
      'invalid_parent',
    );
    const item = await t.req('POST', `/notes/${n.id}/comments`, {
      token: a.token,
      body: { body: '', itemId: '0000000000000abc' },
    });
    expectProblem(item, 404, 'not_found');
    expect((await getNote(n.id)).commentCount).toBe(0);
  });
});

describe('DELETE /comments/:id', () => {
  it('soft-deletes: replies stay readable, counts stay exact, a repeat changes nothing', async () => {
    const [host, a, b] = [await t.user(), await t.user(), await t.user()];
    const n = await note(t, host.token);
    const top = await comment(t, a.token, n.id, { body: '原评论' });
    const r1 = await comment(t, b.token, n.id, { parentId: top.id, body: '回复一' });
    await comment(t, host.token, n.id, { parentId: top.id, body: '回复二' });
    expect((await t.req('DELETE', `/comments/${top.id}`, { token: a.token })).status).toBe(204);
    expect((await t.req('DELETE', `/comments/${top.id}`, { token: a.token })).status).toBe(204);
    expect((await getNote(n.id)).commentCount).toBe(2);
    const list = (await t.req('GET', `/notes/${n.id}/comments`)).json;
    expect(list.items[0]).toMatchObject({
      id: top.id,
      deleted: true,
      body: '',
      author: null,
      replyCount: 2,
      canDelete: false,
    });
    expect(JSON.stringify(list)).not.toContain('原评论');
    expect(list.items[0].replies.map((r: { body: string }) => r.body)).toEqual(['回复一', '回复二']);
    // No new replies in a deleted thread; replying to its replies is refused too.
    expectProblem(
      await t.req('POST', `/notes/${n.id}/comments`, { token: b.token, body: { body: 'x', parentId: top.id } }),
      422,
      'comment_deleted',
    );
    expectProblem(
      await t.req('POST', `/notes/${n.id}/comments`, { token: b.token, body: { body: 'x', parentId: r1.id } }),
      422,
      'comment_deleted',
    );
    // Deleting a reply: gone from the lists, counted out of both counters.
    expect((await t.req('DELETE', `/comments/${r1.id}`, { token: b.token })).status).toBe(204);
    const after = (await t.req('GET', `/notes/${n.id}/comments`)).json.items[0];
    expect(after.replyCount).toBe(1);
    expect(after.replies.map((r: { body: string }) => r.body)).toEqual(['回复二']);
    expect((await getNote(n.id)).commentCount).toBe(1);
    // A deleted comment whose replies are all gone leaves the list.
    const last = after.replies[0].id;
    expect((await t.req('DELETE', `/comments/${last}`, { token: host.token })).status).toBe(204);
    expect((await t.req('GET', `/notes/${n.id}/comments`)).json.items).toEqual([]);
    expect((await getNote(n.id)).commentCount).toBe(0);
  });

  it("lets the note's author (stall host) delete anyone's comment, and nobody else", async () => {
    const [host, a, b] = [await t.user(), await t.user(), await t.user()];
    const n = await note(t, host.token, { kind: 'stall' });
    const c = await comment(t, a.token, n.id);
    const seenByHost = (await t.req('GET', `/notes/${n.id}/comments`, { token: host.token })).json.items[0];
    const seenByB = (await t.req('GET', `/notes/${n.id}/comments`, { token: b.token })).json.items[0];
    expect([seenByHost.canDelete, seenByB.canDelete]).toEqual([true, false]);
    expectProblem(await t.req('DELETE', `/comments/${c.id}`, { token: b.token }), 403, 'not_author');
    expectProblem(await t.req('DELETE', `/comments/${c.id}`), 401, 'unauthenticated');
    expectProblem(await t.req('DELETE', '/comments/00000000000000ff', { token: host.token }), 404, 'not_found');
    expect((await t.req('DELETE', `/comments/${c.id}`, { token: host.token })).status).toBe(204);
    expect((await getNote(n.id)).commentCount).toBe(0);
  });
});

describe('GET /notes/:id/comments and /comments/:id/replies', () => {
  it('pages top-level comments newest first or oldest first, each with 3 replies and the count', async () => {
    const [host, a] = [await t.user(), await t.user()];
    const n = await note(t, host.token);
    const tops = [];
    for (let i = 0; i < 7; i++) tops.push((await comment(t, a.token, n.id, { body: `第${i}楼` })).id);
    for (let i = 0; i < 5; i++) await comment(t, host.token, n.id, { parentId: tops[0], body: `回复${i}` });
    const newest = await walk(t, `/notes/${n.id}/comments`);
    expect(newest).toEqual([...tops].reverse());
    expect(await walk(t, `/notes/${n.id}/comments?sort=oldest`, undefined, 2)).toEqual(tops);
    const first = (await t.req('GET', `/notes/${n.id}/comments?sort=oldest&limit=1`)).json.items[0];
    expect(first.replyCount).toBe(5);
    expect(first.replies.map((r: { body: string }) => r.body)).toEqual(['回复0', '回复1', '回复2']);
    const replies = await walk(t, `/comments/${tops[0]}/replies`, undefined, 2);
    expect(replies).toHaveLength(5);
    const page = (await t.req('GET', `/comments/${tops[0]}/replies?limit=10`)).json;
    expect(page.items.map((r: { body: string }) => r.body)).toEqual(['回复0', '回复1', '回复2', '回复3', '回复4']);
    expect(page.nextCursor).toBeNull();
  });

  it('is public; refuses unknown notes and comments, bad cursors and limits', async () => {
    const host = await t.user();
    const n = await note(t, host.token);
    expect((await t.req('GET', `/notes/${n.id}/comments`)).json).toEqual({ items: [], nextCursor: null });
    expectProblem(await t.req('GET', '/notes/00000000000000ff/comments'), 404, 'not_found');
    expectProblem(await t.req('GET', '/comments/00000000000000ff/replies'), 404, 'not_found');
    expectProblem(await t.req('GET', `/notes/${n.id}/comments?cursor=garbage`), 400, 'invalid_cursor');
    expectProblem(await t.req('GET', `/notes/${n.id}/comments?limit=101`), 400, 'validation_failed');
    expectProblem(await t.req('GET', `/notes/${n.id}/comments?limit=0`), 400, 'validation_failed');
    expectProblem(await t.req('GET', `/notes/${n.id}/comments?sort=best`), 400, 'validation_failed');
  });

  it('keeps counts exact under 20 parallel comments and replies', async () => {
    const host = await t.user();
    const members = await Promise.all(Array.from({ length: 10 }, () => t.user()));
    const n = await note(t, host.token);
    const top = await comment(t, host.token, n.id);
    const rs = await Promise.all(
      members.flatMap((m) => [
        t.req('POST', `/notes/${n.id}/comments`, { token: m.token, body: { body: '顶' } }),
        t.req('POST', `/notes/${n.id}/comments`, { token: m.token, body: { body: '回', parentId: top.id } }),
      ]),
    );
    expect(rs.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect((await getNote(n.id)).commentCount).toBe(21);
    expect((await t.req('GET', `/comments/${top.id}/replies?limit=100`)).json.items).toHaveLength(10);
    const topRow = (await t.req('GET', `/notes/${n.id}/comments?sort=oldest&limit=1`)).json.items[0];
    expect(topRow.replyCount).toBe(10);
  });
});
