// Who may fetch /media/{id}/{variant}.webp (issue 9, hole 3): published photos are public;
// uploads not yet attached, chat photos and other modules' private photos are not.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { SESSION_COOKIE } from '../accounts/sessions.ts';
import { listItem, seller } from '../items/fixtures.ts';
import { form, note, pngBytes, upload as uploadAny } from '../notes/fixtures.ts';
import { grantMediaAccess } from './access.ts';

const t = await createTestApp();

type Photo = { id: string; urls: { thumb: string; card: string; detail: string } };
const upload = async (_t: typeof t, token: string) => (await uploadAny(t, token)) as unknown as Photo;

const PUBLIC = 'public, max-age=31536000, immutable';
const PRIVATE = 'private, no-store';

type As = { token?: string; cookie?: string; bearer?: string };
/** GETs a media URL as a visitor, with a bearer token, or with the web app's session cookie. */
async function get(url: string, as: As = {}) {
  const headers: Record<string, string> = {};
  if (as.token) headers.authorization = `Bearer ${as.token}`;
  if (as.bearer) headers.authorization = `Bearer ${as.bearer}`;
  if (as.cookie) headers.cookie = `${SESSION_COOKIE}=${as.cookie}`;
  const r = await t.app.request(url, { headers });
  const body = Buffer.from(await r.arrayBuffer());
  return { status: r.status, cache: r.headers.get('cache-control'), type: r.headers.get('content-type'), body };
}

/** A 404 exactly like the one for a photo that does not exist, and not cached anywhere. */
async function expectHidden(url: string, as: As = {}) {
  const r = await get(url, as);
  expect(r.status).toBe(404);
  expect(r.cache).toBe(PRIVATE);
  expect(r.type).toContain('application/problem+json');
  expect(JSON.parse(r.body.toString()).code).toBe('not_found');
}

async function expectPrivate(url: string, as: As) {
  const r = await get(url, as);
  expect(r.status).toBe(200);
  expect(r.type).toBe('image/webp');
  expect(r.cache).toBe(PRIVATE);
}

async function expectPublic(url: string) {
  const r = await get(url);
  expect(r.status).toBe(200);
  expect(r.type).toBe('image/webp');
  expect(r.cache).toBe(PUBLIC);
}

/** b writes first (so a may answer), then a sends `photo` as a chat photo. */
async function chatPhoto() {
  const a = await t.user({ prefix: 'a' });
  const b = await t.user({ prefix: 'b' });
  const conv = await t.req('POST', '/conversations', { token: b.token, body: { peerId: a.id } });
  expect((await t.req('POST', `/conversations/${conv.json.id}/messages`, { token: b.token, body: { text: '有实拍图吗？' } })).status).toBe(201);
  const photo = await upload(t, a.token);
  const msg = await t.req('POST', `/conversations/${conv.json.id}/messages`, { token: a.token, body: { mediaId: photo.id } });
  expect(msg.status).toBe(201);
  return { a, b, conv: conv.json as { id: string }, photo, message: msg.json as { id: string; photo: { url: string } } };
}

describe('GET /media: private photos', () => {
  it('an upload not yet attached is served to its owner only (bearer or session cookie), privately', async () => {
    const owner = await t.user();
    const stranger = await t.user();
    const photo = await upload(t, owner.token);
    for (const url of Object.values(photo.urls)) {
      await expectPrivate(url, { token: owner.token });
      await expectPrivate(url, { cookie: owner.token });
      await expectHidden(url);
      await expectHidden(url, { token: stranger.token });
      await expectHidden(url, { cookie: stranger.token });
      // A bad credential is a visitor: no 401 that would tell a private photo from a missing one.
      await expectHidden(url, { bearer: 'js_forged' });
    }
    await expectHidden('/media/00000000000000ff/card.webp');
  });

  it('a chat photo is served to both members of the conversation, and to no one else', async () => {
    const { a, b, conv, photo, message } = await chatPhoto();
    const stranger = await t.user();
    expect(message.photo.url).toBe(photo.urls.card);
    const seenByB = await t.req('GET', `/conversations/${conv.id}/messages`, { token: b.token });
    const url = seenByB.json.items.find((m: { kind: string }) => m.kind === 'photo').photo.url as string;
    expect(url).toBe(photo.urls.card);
    await expectPrivate(url, { cookie: a.token });
    await expectPrivate(url, { cookie: b.token });
    await expectPrivate(url, { token: b.token });
    await expectHidden(url);
    await expectHidden(url, { cookie: stranger.token });
    await expectHidden(photo.urls.detail, { token: stranger.token });
  });

  it('the peer cannot publish a chat photo they were sent (avatar, note, item)', async () => {
    const { b, photo } = await chatPhoto();
    const stranger = await t.user();
    expectProblem(await t.req('PATCH', '/me', { token: b.token, body: { avatarId: photo.id } }), 422, 'invalid_media');
    expectProblem(await t.req('POST', '/notes', { token: b.token, body: { title: '转发', imageIds: [photo.id] } }), 422, 'invalid_media');
    await expectHidden(photo.urls.card, { token: stranger.token });
  });

  it('operators see a chat photo once its message is reported', async () => {
    const { b, photo, message } = await chatPhoto();
    const op = await t.user({ prefix: 'op' });
    await t.db.updateTable('users').set({ role: 'moderator' }).where('id', '=', op.id).execute();
    await expectHidden(photo.urls.card, { token: op.token });
    const report = await t.req('POST', '/reports', { token: b.token, body: { targetType: 'message', targetId: message.id, reason: 'harassment' } });
    expect(report.status).toBe(201);
    await expectPrivate(photo.urls.card, { token: op.token });
  });

  it('another module’s grant admits its own viewers (e.g. after-sale evidence)', async () => {
    const buyer = await t.user();
    const juror = await t.user();
    const stranger = await t.user();
    const evidence = await upload(t, buyer.token);
    grantMediaAccess('test-evidence', async (_db, mediaId, viewer) => mediaId === evidence.id && viewer.id === juror.id);
    await expectPrivate(evidence.urls.card, { cookie: juror.token });
    await expectHidden(evidence.urls.card, { cookie: stranger.token });
    await expectHidden(evidence.urls.card);
  });
});

describe('GET /media: published photos', () => {
  it('a photo on a note is public with public cache headers, and stays so after the note is deleted', async () => {
    const author = await t.user();
    const photo = await upload(t, author.token);
    await expectHidden(photo.urls.card);
    const n = await note(t, author.token, { imageIds: [photo.id] });
    expect(n.images[0].urls.card).toBe(photo.urls.card);
    for (const url of Object.values(photo.urls)) await expectPublic(url);
    expect((await t.req('DELETE', `/notes/${n.id}`, { token: author.token })).status).toBe(204);
    await expectPublic(photo.urls.card);
  });

  it('a photo on an item and an avatar in use are public', async () => {
    const s = await seller(t);
    const photo = await upload(t, s.token);
    const item = await listItem(t, s.token, { imageIds: [photo.id] });
    await expectPublic(item.images[0].url);
    await expectPublic(item.images[0].thumbUrl);
    const a = await t.req('POST', '/media', { token: s.token, raw: form(await pngBytes(), 'a.png', 'image/png', { purpose: 'avatar' }) });
    await expectHidden(a.json.urls.avatar);
    await expectPrivate(a.json.urls.avatar, { token: s.token });
    expect((await t.req('PATCH', '/me', { token: s.token, body: { avatarId: a.json.id } })).status).toBe(200);
    await expectPublic(a.json.urls.avatar);
  });
});

describe('media ids', () => {
  it('are random: consecutive uploads share no prefix, so one URL does not lead to the next', async () => {
    const u = await t.user();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await upload(t, u.token)).id);
    const commonPrefix = (x: string, y: string) => {
      let n = 0;
      while (n < x.length && x[n] === y[n]) n++;
      return n;
    };
    // Time-ordered ids share their first 9+ hex digits (the millisecond clock); random ones
    // share 6 with probability 16⁻⁶ per pair.
    for (const [i, id] of ids.entries()) if (i > 0) expect(commonPrefix(ids[i - 1] ?? '', id)).toBeLessThan(6);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
