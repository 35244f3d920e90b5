import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { note, walk } from './fixtures.ts';

const t = await createTestApp();
const counts = async (id: string, token?: string) => {
  const r = await t.req('GET', `/notes/${id}`, { token });
  const { likeCount, collectCount, likedByMe, collectedByMe } = r.json;
  return { likeCount, collectCount, likedByMe, collectedByMe };
};
type Member = Awaited<ReturnType<typeof t.user>>;
const members = (n: number) =>
  Promise.all(Array.from({ length: n }, () => t.user())) as Promise<[Member, Member, Member, Member, ...Member[]]>;

describe.each([
  ['like', 'likeCount', 'likedByMe'],
  ['collect', 'collectCount', 'collectedByMe'],
] as const)('PUT / DELETE /notes/:id/%s', (segment, counter, flag) => {
  it('is idempotent and keeps the count exact through like, repeat, unlike, repeat', async () => {
    const [author, a, b] = await members(3);
    const n = await note(t, author.token);
    const put = (u: { token: string }) => t.req('PUT', `/notes/${n.id}/${segment}`, { token: u.token });
    const del = (u: { token: string }) => t.req('DELETE', `/notes/${n.id}/${segment}`, { token: u.token });
    expect((await put(a)).status).toBe(204);
    expect((await put(a)).status).toBe(204);
    expect((await counts(n.id, a.token))[counter]).toBe(1);
    expect((await counts(n.id, a.token))[flag]).toBe(true);
    expect((await counts(n.id, b.token))[flag]).toBe(false);
    expect((await counts(n.id))[flag]).toBe(false);
    await put(b);
    expect((await counts(n.id))[counter]).toBe(2);
    expect((await del(a)).status).toBe(204);
    expect((await del(a)).status).toBe(204);
    expect(await counts(n.id, a.token)).toMatchObject({ [counter]: 1, [flag]: false });
    await del(b);
    await del(b);
    expect((await counts(n.id))[counter]).toBe(0);
  });

  it('counts 20 parallel PUTs by one member once', async () => {
    const [author, a] = await members(2);
    const n = await note(t, author.token);
    const rs = await Promise.all(
      Array.from({ length: 20 }, () => t.req('PUT', `/notes/${n.id}/${segment}`, { token: a.token })),
    );
    expect(rs.map((r) => r.status)).toEqual(Array(20).fill(204));
    expect((await counts(n.id))[counter]).toBe(1);
    const ds = await Promise.all(
      Array.from({ length: 20 }, () => t.req('DELETE', `/notes/${n.id}/${segment}`, { token: a.token })),
    );
    expect(ds.map((r) => r.status)).toEqual(Array(20).fill(204));
    expect((await counts(n.id))[counter]).toBe(0);
  });

  it('counts 20 parallel PUTs by 20 members twenty times, and the rows agree', async () => {
    const [author, ...fans] = await members(21);
    const n = await note(t, author.token);
    const rs = await Promise.all(
      fans.flatMap((f) => [1, 2].map(() => t.req('PUT', `/notes/${n.id}/${segment}`, { token: f.token }))),
    );
    expect(rs.every((r) => r.status === 204)).toBe(true);
    expect((await counts(n.id))[counter]).toBe(20);
    const table = segment === 'like' ? 'noteLikes' : 'noteCollects';
    const rows = await t.db.selectFrom(table).select('userId').where('noteId', '=', n.id).execute();
    expect(rows).toHaveLength(20);
    await Promise.all(fans.slice(0, 7).map((f) => t.req('DELETE', `/notes/${n.id}/${segment}`, { token: f.token })));
    expect((await counts(n.id))[counter]).toBe(13);
  });

  it('refuses visitors and unknown notes', async () => {
    const [author] = await members(1);
    const n = await note(t, author.token);
    expectProblem(await t.req('PUT', `/notes/${n.id}/${segment}`), 401, 'unauthenticated');
    expectProblem(await t.req('PUT', `/notes/00000000000000ff/${segment}`, { token: author.token }), 404, 'not_found');
    expectProblem(
      await t.req('DELETE', `/notes/00000000000000ff/${segment}`, { token: author.token }),
      404,
      'not_found',
    );
  });
});

describe('follows', () => {
  it('follows idempotently, lists followers and following with exact profile counts', async () => {
    const [star, a, b, c] = await members(4);
    for (const f of [a, b, c]) {
      expect((await t.req('PUT', `/users/${star.id}/follow`, { token: f.token })).status).toBe(204);
    }
    expect((await t.req('PUT', `/users/${star.id}/follow`, { token: a.token })).status).toBe(204);
    await t.req('PUT', `/users/${b.id}/follow`, { token: a.token });
    await note(t, star.token);
    await note(t, star.token);
    const profile = await t.req('GET', `/users/${star.id}`, { token: a.token });
    expect(profile.json).toMatchObject({ followerCount: 3, followingCount: 0, noteCount: 2, followedByMe: true });
    expect((await t.req('GET', `/users/${a.id}`)).json).toMatchObject({
      followerCount: 0,
      followingCount: 2,
      noteCount: 0,
      followedByMe: false,
    });
    expect(await walk(t, `/users/${star.id}/followers`, undefined, 2)).toEqual([c.id, b.id, a.id]);
    expect(await walk(t, `/users/${a.id}/following`, undefined, 1)).toEqual([b.id, star.id]);
    // followedByMe marks the members the viewer follows.
    const seenByA = (await t.req('GET', `/users/${star.id}/followers`, { token: a.token })).json.items;
    expect(seenByA.map((u: { id: string; followedByMe: boolean }) => [u.id, u.followedByMe])).toEqual([
      [c.id, false],
      [b.id, true],
      [a.id, false],
    ]);
    expect(seenByA[0]).toMatchObject({ displayName: c.username, avatarUrl: null, followedAt: expect.any(String) });
    expect((await t.req('DELETE', `/users/${star.id}/follow`, { token: a.token })).status).toBe(204);
    expect((await t.req('DELETE', `/users/${star.id}/follow`, { token: a.token })).status).toBe(204);
    expect((await t.req('GET', `/users/${star.id}`)).json.followerCount).toBe(2);
  });

  it('counts 20 parallel follows by one member once and by 20 members twenty times', async () => {
    const [star, a, ...fans] = await members(22);
    await Promise.all(Array.from({ length: 20 }, () => t.req('PUT', `/users/${star.id}/follow`, { token: a.token })));
    expect((await t.req('GET', `/users/${star.id}`)).json.followerCount).toBe(1);
    await Promise.all(fans.map((f) => t.req('PUT', `/users/${star.id}/follow`, { token: f.token })));
    expect((await t.req('GET', `/users/${star.id}`)).json.followerCount).toBe(21);
  });

  it('refuses following oneself, unknown or banned members, and visitors', async () => {
    const [a, banned] = await members(2);
    expectProblem(await t.req('PUT', `/users/${a.id}/follow`, { token: a.token }), 422, 'cannot_follow_self');
    expectProblem(await t.req('PUT', '/users/00000000000000ff/follow', { token: a.token }), 404, 'not_found');
    expectProblem(await t.req('PUT', `/users/${banned.id}/follow`), 401, 'unauthenticated');
    await t.db.updateTable('users').set({ status: 'banned' }).where('id', '=', banned.id).execute();
    expectProblem(await t.req('PUT', `/users/${banned.id}/follow`, { token: a.token }), 404, 'not_found');
    expectProblem(await t.req('GET', '/users/00000000000000ff/followers'), 404, 'not_found');
    expectProblem(await t.req('GET', `/users/${a.id}/following?limit=500`), 400, 'validation_failed');
  });
});
