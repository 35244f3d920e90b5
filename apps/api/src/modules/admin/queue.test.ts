// The moderation queue as operators read it: one entry per target with the count and the
// reasons, the content, a reported message's neighbours with their warnings, the member's
// history; the scam shield's repeat offenders arrive as system entries; filters and pages.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';
import { note } from '../notes/fixtures.ts';
import { report, resolve, staff } from './fixtures.ts';

const t = await createTestApp();
const mod = await staff(t, 'moderator');
const queue = async (query = '') => (await t.req('GET', `/admin/reports${query}`, { token: mod.token })).json;
const entryOf = (q: { items: { targetId: string }[] }, id: string) => q.items.find((e) => e.targetId === id) as Record<string, any> | undefined;

describe('GET /admin/reports', () => {
  it('groups the reports on one target with their count and reasons, the content and the author’s history', async () => {
    const author = await t.user();
    const n = await note(t, author.token, { title: '低价出 iPhone', body: '加我微信 abc12345 先付定金' });
    const [a, b, c] = [await t.user(), await t.user(), await t.user()];
    await report(t, a.token, 'note', n.id, 'scam', '让我先付定金');
    await report(t, b.token, 'note', n.id, 'off_platform');
    await report(t, c.token, 'note', n.id, 'scam');
    const e = entryOf(await queue(), n.id);
    expect(e).toMatchObject({
      targetType: 'note', count: 3, reasons: ['off_platform', 'scam'], system: false,
      target: { exists: true, hidden: false, authorId: author.id, title: '低价出 iPhone', text: '加我微信 abc12345 先付定金', link: `/notes/${n.id}` },
      subject: { id: author.id, status: 'active', reports: { scam: 2, off_platform: 1 } },
    });
    expect(e?.reports.map((r: { reporter: { id: string } }) => r.reporter.id)).toEqual([a.id, b.id, c.id]);
    expect(e?.reports[0]).toMatchObject({ reason: 'scam', detail: '让我先付定金' });
    expect(e?.subject.flaggedWrites30d).toBeGreaterThanOrEqual(1); // the note itself was flagged
    // Filtered by reason, the whole group stays; another reason leaves it out.
    expect(entryOf(await queue('?reason=off_platform'), n.id)?.count).toBe(3);
    expect(entryOf(await queue('?reason=counterfeit'), n.id)).toBeUndefined();
    // Once acted on it leaves the open queue and shows under resolved with the action in the history.
    await resolve(t, mod.token, e?.reports[0].id, { action: 'warn', reason: '第一次警告' });
    expect(entryOf(await queue(), n.id)).toBeUndefined();
    const done = entryOf(await queue('?status=resolved'), n.id);
    expect(done?.subject.actions[0]).toMatchObject({ action: 'report.warn', reason: '第一次警告' });
  });

  it('shows a reported message with its neighbours and their scam-shield warnings', async () => {
    const scammer = await t.user();
    const victim = await t.user();
    const conv = await t.req('POST', '/conversations', { token: scammer.token, body: { peerId: victim.id } });
    const send = async (token: string, text: string) => (await t.req('POST', `/conversations/${conv.json.id}/messages`, { token, body: { text } })).json;
    await send(scammer.token, '你好，相机还在吗');
    await send(victim.token, '在的');
    const lure = await send(scammer.token, '加我微信 wx_998877 先付 200 定金给你留着');
    await send(victim.token, '为什么要加微信？');
    await report(t, victim.token, 'message', lure.id, 'off_platform');
    const e = entryOf(await queue(), lure.id);
    expect(e?.target).toMatchObject({ exists: true, authorId: scammer.id, warnings: expect.arrayContaining(['off_platform_contact']) });
    expect(e?.context.map((m: { text: string }) => m.text)).toEqual(['你好，相机还在吗', '在的', '加我微信 wx_998877 先付 200 定金给你留着', '为什么要加微信？']);
    expect(e?.context.find((m: { reported: boolean }) => m.reported)).toMatchObject({ id: lure.id, warnings: expect.arrayContaining(['off_platform_contact']) });
    expect(e?.subject).toMatchObject({ id: scammer.id });
  });

  it('a scam-shield repeat offender arrives as a system entry about the member', async () => {
    const scammer = await t.user();
    const peer = await t.user();
    const conv = await t.req('POST', '/conversations', { token: peer.token, body: { peerId: scammer.id } });
    await t.req('POST', `/conversations/${conv.json.id}/messages`, { token: peer.token, body: { text: '你好' } });
    let limited = false;
    for (let i = 0; i < 8 && !limited; i++) {
      const r = await t.req('POST', `/conversations/${conv.json.id}/messages`, { token: scammer.token, body: { text: `加我 vx 8888${i}666 转账更便宜` } });
      limited = r.status === 429;
    }
    expect(limited).toBe(true);
    const e = entryOf(await queue(), scammer.id);
    expect(e).toMatchObject({ targetType: 'user', system: true, reasons: ['off_platform'], reports: [{ reporter: null }], subject: { id: scammer.id } });
    expect(e?.subject.flaggedWrites30d).toBeGreaterThan(5);
  });

  it('pages through groups with a cursor, never repeating one', async () => {
    const reporter = await t.user();
    const author = await t.user();
    for (let i = 0; i < 5; i++) await report(t, reporter.token, 'note', (await note(t, author.token, { title: `笔记 ${i}` })).id, 'spam');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await queue(`?reason=spam&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((e: { targetId: string }) => e.targetId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
