// Moderation through HTTP: each action writes exactly one audit entry (and a refused one
// none), a hidden target is 404 to everyone but its author and operators, a ban ends the
// member's sessions and refuses sign-in, a limit refuses listing or messaging, the reporter
// hears the outcome.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { comment, note } from '../notes/fixtures.ts';
import { itemBody, listItem } from '../items/fixtures.ts';
import { placeOrder } from '../orders/fixtures.ts';
import { auditCount, report, resolve, staff } from './fixtures.ts';

const t = await createTestApp();
const mod = await staff(t, 'moderator');
const admin = await staff(t, 'admin');

async function notifications(token: string) {
  return (await t.req('GET', '/notifications', { token })).json.items as { type: string; data: Record<string, unknown> }[];
}

/** Resolves and checks the audit log grew by exactly one entry for this action. */
async function act(reportId: string, body: Record<string, unknown>, token = mod.token) {
  const before = await auditCount(t);
  const r = await resolve(t, token, reportId, body);
  expect(r.status, r.text).toBe(200);
  expect(await auditCount(t)).toBe(before + 1);
  const entry = await t.db.selectFrom('auditLog').selectAll().where('id', '=', r.json.auditId).executeTakeFirstOrThrow();
  expect(entry).toMatchObject({ action: `report.${body.action}`, reason: body.reason, reportId });
  return r.json;
}

/** A refused action leaves the log as it was. */
async function refused(reportId: string, body: Record<string, unknown>, status: number, code: string, token = mod.token) {
  const before = await auditCount(t);
  expectProblem(await resolve(t, token, reportId, body), status, code);
  expect(await auditCount(t)).toBe(before);
}

describe('hide and restore', () => {
  it('a hidden note is 404 to visitors and other members, shown to its author and operators, and out of the feed; restore brings it back', async () => {
    const author = await t.user();
    const reporter = await t.user();
    const other = await t.user();
    const n = await note(t, author.token, { title: '加我微信私下交易更便宜' });
    const rep = await report(t, reporter.token, 'note', n.id, 'off_platform');
    const out = await act(rep.id, { action: 'hide', reason: '引导站外交易' });
    expect(out.before).toMatchObject({ hiddenAt: null, subjectId: author.id });
    expect(out.after.hiddenAt).toEqual(expect.any(String));

    expectProblem(await t.req('GET', `/notes/${n.id}`), 404, 'not_found');
    expectProblem(await t.req('GET', `/notes/${n.id}`, { token: other.token }), 404, 'not_found');
    expectProblem(await t.req('GET', `/notes/${n.id}/comments`, { token: other.token }), 404, 'not_found');
    expectProblem(await t.req('PUT', `/notes/${n.id}/like`, { token: other.token }), 404, 'not_found');
    for (const token of [author.token, mod.token, admin.token]) expect((await t.req('GET', `/notes/${n.id}`, { token })).status).toBe(200);
    const feed = await t.req('GET', '/feed?tab=latest&limit=50');
    expect(feed.json.items.map((x: { id: string }) => x.id)).not.toContain(n.id);
    const profile = await t.req('GET', `/users/${author.id}/notes`);
    if (profile.status === 200) expect(profile.json.items.map((x: { id: string }) => x.id)).not.toContain(n.id);

    // The reporter hears the outcome; the author is told why.
    expect((await notifications(reporter.token))[0]).toMatchObject({ type: 'report_outcome', data: { action: 'hide' } });
    expect((await notifications(author.token))[0]).toMatchObject({ type: 'moderation_notice', data: { action: 'hide', reason: '引导站外交易' } });
    const closed = await t.db.selectFrom('reports').selectAll().where('id', '=', rep.id).executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ status: 'resolved', resolution: 'hide', resolvedBy: mod.id });

    await refused(rep.id, { action: 'hide', reason: '再藏一次' }, 409, 'invalid_state');
    await act(rep.id, { action: 'restore', reason: '申诉成立' });
    expect((await t.req('GET', `/notes/${n.id}`)).status).toBe(200);
    await refused(rep.id, { action: 'restore', reason: '再恢复一次' }, 409, 'invalid_state');
  });

  it('a hidden comment is left out for everyone but its author', async () => {
    const owner = await t.user();
    const commenter = await t.user();
    const reader = await t.user();
    const n = await note(t, owner.token);
    const c = await comment(t, commenter.token, n.id, { body: '私聊 vx 有更便宜的' });
    const rep = await report(t, owner.token, 'comment', c.id, 'spam');
    await act(rep.id, { action: 'hide', reason: '广告' });
    const ids = async (token?: string) => (await t.req('GET', `/notes/${n.id}/comments`, { token })).json.items.map((x: { id: string }) => x.id);
    expect(await ids()).not.toContain(c.id);
    expect(await ids(reader.token)).not.toContain(c.id);
    expect(await ids(commenter.token)).toContain(c.id);
  });

  it('a hidden item is 404 to visitors and buyers, shown to its seller and operators, and cannot be bought', async () => {
    const seller = await t.user({ verified: true });
    const buyer = await t.user();
    const item = await listItem(t, seller.token, { title: '全新未拆封 iPhone 批发' });
    const rep = await report(t, buyer.token, 'item', item.id, 'counterfeit');
    await act(rep.id, { action: 'hide', reason: '疑似假货' });
    expectProblem(await t.req('GET', `/items/${item.id}`), 404, 'not_found');
    expectProblem(await t.req('GET', `/items/${item.id}`, { token: buyer.token }), 404, 'not_found');
    expect((await t.req('GET', `/items/${item.id}`, { token: seller.token })).status).toBe(200);
    expect((await t.req('GET', `/items/${item.id}`, { token: mod.token })).status).toBe(200);
    expectProblem(await placeOrder(t, buyer.token, item.id), 404, 'not_found');
    const list = await t.req('GET', `/users/${seller.id}/items`);
    expect(list.json.items.map((x: { id: string }) => x.id)).not.toContain(item.id);
  });

  it('a hidden message stays with its sender only', async () => {
    const a = await t.user();
    const b = await t.user();
    const conv = await t.req('POST', '/conversations', { token: a.token, body: { peerId: b.id } });
    const m = await t.req('POST', `/conversations/${conv.json.id}/messages`, { token: a.token, body: { text: '你好，加我QQ 12345678 详聊' } });
    expect(m.status).toBe(201);
    const rep = await report(t, b.token, 'message', m.json.id, 'off_platform');
    await act(rep.id, { action: 'hide', reason: '站外联系方式' });
    const list = async (token: string) => (await t.req('GET', `/conversations/${conv.json.id}/messages`, { token })).json.items.map((x: { id: string }) => x.id);
    expect(await list(b.token)).not.toContain(m.json.id);
    expect(await list(a.token)).toContain(m.json.id);
  });

  it('hide applies to content only: on a member it is refused and logs nothing', async () => {
    const target = await t.user();
    const rep = await report(t, (await t.user()).token, 'user', target.id, 'harassment');
    await refused(rep.id, { action: 'hide', reason: '不适用' }, 422, 'action_not_applicable');
  });
});

describe('warn, limit, ban, unban, dismiss', () => {
  it('warn tells the member why and logs one entry', async () => {
    const target = await t.user();
    const rep = await report(t, (await t.user()).token, 'user', target.id, 'harassment');
    const out = await act(rep.id, { action: 'warn', reason: '言语骚扰，请注意' });
    expect(out.after).toMatchObject({ subjectId: target.id, warned: true });
    expect((await notifications(target.token))[0]).toMatchObject({ type: 'moderation_notice', data: { action: 'warn', reason: '言语骚扰，请注意' } });
  });

  it('limit listing refuses new listings with listing_restricted until it ends', async () => {
    const seller = await t.user({ verified: true });
    const rep = await report(t, (await t.user()).token, 'user', seller.id, 'spam');
    await refused(rep.id, { action: 'limit', reason: '刷屏' }, 400, 'validation_failed');
    const out = await act(rep.id, { action: 'limit', reason: '刷屏发布', limit: { kind: 'listing', days: 3 } });
    expect(out.after).toMatchObject({ kind: 'listing', days: 3 });
    const r = await t.req('POST', '/items', { token: seller.token, body: itemBody() });
    expectProblem(r, 403, 'listing_restricted');
    expect(Date.parse(r.json.until) - Date.now()).toBeGreaterThan(2.9 * 86_400_000);
    // Messaging is not limited by a listing limit.
    const peer = await t.user();
    expect((await t.req('POST', '/conversations', { token: seller.token, body: { peerId: peer.id } })).status).toBeLessThan(300);
  });

  it('a long reason is kept whole in the audit log (the member is shown its first 500 characters)', async () => {
    const target = await t.user();
    const rep = await report(t, (await t.user()).token, 'user', target.id, 'spam');
    const reason = '多次发布重复广告。'.repeat(100).slice(0, 900);
    const out = await act(rep.id, { action: 'limit', reason, limit: { kind: 'listing', days: 1 } });
    const limit = await t.db.selectFrom('memberLimits').select('reason').where('id', '=', out.after.limitId as string).executeTakeFirstOrThrow();
    expect(limit.reason).toBe(reason.slice(0, 500));
  });

  it('limit messaging refuses new conversations and messages with messaging_restricted', async () => {
    const a = await t.user();
    const b = await t.user();
    const conv = await t.req('POST', '/conversations', { token: a.token, body: { peerId: b.id } });
    const rep = await report(t, b.token, 'conversation', conv.json.id, 'harassment');
    const out = await act(rep.id, { action: 'limit', reason: '骚扰', limit: { kind: 'messaging', days: 7 } });
    expect(out.subjectId).toBe(a.id); // the participant who did not report
    expectProblem(await t.req('POST', `/conversations/${conv.json.id}/messages`, { token: a.token, body: { text: '在吗' } }), 403, 'messaging_restricted');
    expectProblem(await t.req('POST', '/conversations', { token: a.token, body: { peerId: (await t.user()).id } }), 403, 'messaging_restricted');
    expect((await t.req('POST', `/conversations/${conv.json.id}/messages`, { token: b.token, body: { text: '请别再发了' } })).status).toBe(201);
  });

  it('ban ends the member’s sessions and refuses sign-in with account_banned; unban lets them back', async () => {
    const target = await t.user();
    const username = (await t.req('GET', '/me', { token: target.token })).json.username as string;
    const rep = await report(t, (await t.user()).token, 'user', target.id, 'scam');
    const out = await act(rep.id, { action: 'ban', reason: '诈骗' });
    expect(out).toMatchObject({ before: { status: 'active' }, after: { status: 'banned' } });
    expectProblem(await t.req('GET', '/me', { token: target.token }), 401, 'invalid_token');
    const live = await t.db.selectFrom('sessions').select('tokenHash').where('userId', '=', target.id).where('revokedAt', 'is', null).execute();
    expect(live).toEqual([]);
    expectProblem(await t.req('POST', '/auth/login', { body: { username, password: 'correct-horse-9' } }), 403, 'account_banned');
    // A wrong password learns nothing about the ban.
    expectProblem(await t.req('POST', '/auth/login', { body: { username, password: 'wrong-password-1' } }), 401, 'invalid_credentials');
    await refused(rep.id, { action: 'ban', reason: '再封一次' }, 409, 'invalid_state');
    await act(rep.id, { action: 'unban', reason: '申诉成功' });
    expect((await t.req('POST', '/auth/login', { body: { username, password: 'correct-horse-9' } })).status).toBe(200);
  });

  it('a moderator cannot ban an admin or another moderator; an admin can ban a moderator', async () => {
    const other = await staff(t, 'moderator');
    const rep1 = await report(t, (await t.user()).token, 'user', admin.id, 'other');
    await refused(rep1.id, { action: 'ban', reason: '试试' }, 403, 'forbidden');
    const rep2 = await report(t, (await t.user()).token, 'user', other.id, 'other');
    await refused(rep2.id, { action: 'ban', reason: '试试' }, 403, 'forbidden');
    await act(rep2.id, { action: 'ban', reason: '滥用权限' }, admin.token);
  });

  it('dismiss closes every open report on the target as dismissed and tells each reporter', async () => {
    const author = await t.user();
    const n = await note(t, author.token);
    const r1 = await t.user();
    const r2 = await t.user();
    const rep1 = await report(t, r1.token, 'note', n.id, 'spam');
    await report(t, r2.token, 'note', n.id, 'other');
    const out = await act(rep1.id, { action: 'dismiss', reason: '正常内容' });
    expect(out.reportIds).toHaveLength(2);
    expect(out.status).toBe('dismissed');
    for (const r of [r1, r2]) expect((await notifications(r.token))[0]).toMatchObject({ type: 'report_outcome', data: { action: 'dismiss' } });
    expect((await t.req('GET', `/notes/${n.id}`)).status).toBe(200);
  });

  it('dismissing a professional-seller entry clears the flag', async () => {
    const member = await t.user();
    const now = new Date();
    await t.db.insertInto('sellerFlags').values({ userId: member.id, status: 'flagged', signals: '[]', flaggedAt: now, evaluatedAt: now }).execute();
    const rep = await t.db
      .insertInto('reports')
      .values({ reporterId: null, targetType: 'user', targetId: member.id, reason: 'pro_seller', detail: '30 sales a year', evidence: JSON.stringify([{ key: 'sales_per_year', value: 31 }]) })
      .returning('id').executeTakeFirstOrThrow();
    const queue = await t.req('GET', '/admin/reports?reason=pro_seller', { token: mod.token });
    const entry = queue.json.items.find((e: { targetId: string }) => e.targetId === member.id);
    expect(entry).toMatchObject({ system: true, reasons: ['pro_seller'], reports: [{ reporter: null, evidence: [{ key: 'sales_per_year' }] }] });
    await act(rep.id, { action: 'dismiss', reason: '个人闲置，非职业卖家' });
    expect(await t.db.selectFrom('sellerFlags').select('status').where('userId', '=', member.id).executeTakeFirst()).toEqual({ status: 'cleared' });
  });
});

describe('the audit log', () => {
  it('lists actions newest first with who, what, when and why', async () => {
    const r = await t.req('GET', '/admin/audit?limit=5', { token: mod.token });
    expect(r.status).toBe(200);
    expect(r.json.items.length).toBe(5);
    expect(r.json.items[0]).toMatchObject({ actor: { username: expect.any(String), role: expect.any(String) }, action: expect.stringMatching(/^report\./), reason: expect.any(String), at: expect.any(String) });
    const next = await t.req('GET', `/admin/audit?limit=5&cursor=${r.json.nextCursor}`, { token: mod.token });
    expect(next.json.items[0].at <= r.json.items[4].at).toBe(true);
  });

  it('cannot be changed: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    const n = await auditCount(t);
    expect(n).toBeGreaterThan(0);
    await expect(t.db.updateTable('auditLog').set({ reason: 'rewritten' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('auditLog').execute()).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    expect(await auditCount(t)).toBe(n);
    expect(await t.db.selectFrom('auditLog').select('id').where('reason', '=', 'rewritten').execute()).toEqual([]);
  });
});
