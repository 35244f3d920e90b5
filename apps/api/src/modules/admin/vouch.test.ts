// Vouched sellers (issue 15 item 10): an operator vouches for a new member, who may then
// quick-sell before the account-age rule is met — real-name verification still required; /me
// says `vouched` is what made them eligible. Each vouch and unvouch is one audit entry. Acting
// on a deleted account (vouch, ban, unban) is 409 account_deleted, never a 500.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { itemBody } from '../items/fixtures.ts';
import { auditCount, report, resolve, staff } from './fixtures.ts';

const t = await createTestApp({ QUICKSELL_MIN_ACCOUNT_DAYS: '180' });
const mod = await staff(t, 'moderator');
const admin = await staff(t, 'admin');
const vouch = (id: string, token = mod.token, reason: unknown = '社区成员，认识本人') => t.req('POST', `/admin/users/${id}/vouch`, { token, body: { reason } });
const unvouch = (id: string, token = mod.token) => t.req('POST', `/admin/users/${id}/unvouch`, { token, body: { reason: '已离开社区' } });
const me = async (token: string) => (await t.req('GET', '/me', { token })).json;
const lastAudit = () => t.db.selectFrom('auditLog').selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

describe('vouched sellers', () => {
  it('a vouched new member may sell at once; /me names the vouch as the path; unvouch brings the rule back', async () => {
    const m = await t.user({ verified: true });
    expect((await me(m.token)).quickSell).toMatchObject({ eligible: false, unmet: ['account_age'], vouched: false, path: null });
    expectProblem(await t.req('POST', '/items', { token: m.token, body: itemBody() }), 403, 'quicksell_not_eligible');

    const n = await auditCount(t);
    const r = await vouch(m.id);
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ id: m.id, vouched: true, quickSell: { eligible: true, path: 'vouched' } });
    expect(await auditCount(t)).toBe(n + 1);
    expect(await lastAudit()).toMatchObject({ action: 'member.vouch', actorId: mod.id, targetType: 'user', targetId: m.id, reason: '社区成员，认识本人' });
    expect((await me(m.token)).quickSell).toMatchObject({ eligible: true, unmet: [], vouched: true, path: 'vouched' });
    expect((await t.req('POST', '/items', { token: m.token, body: itemBody() })).status).toBe(201);
    const listed = (await t.req('GET', `/admin/users?q=${m.username}`, { token: mod.token })).json.items[0];
    expect(listed).toMatchObject({ id: m.id, verified: true });
    expect(listed.vouchedAt).not.toBeNull();

    expectProblem(await vouch(m.id), 409, 'invalid_state');
    expect(await auditCount(t)).toBe(n + 1);

    const u = await unvouch(m.id);
    expect(u.json).toMatchObject({ vouched: false, quickSell: { eligible: false, unmet: ['account_age'] } });
    expect(await auditCount(t)).toBe(n + 2);
    expect((await lastAudit()).action).toBe('member.unvouch');
    expectProblem(await t.req('POST', '/items', { token: m.token, body: itemBody() }), 403, 'quicksell_not_eligible');
    expectProblem(await unvouch(m.id), 409, 'invalid_state');
    expect(await auditCount(t)).toBe(n + 2);
  });

  it('the vouch does not replace real-name verification; an old enough member is eligible by age', async () => {
    const unverified = await t.user();
    expect((await vouch(unverified.id, admin.token)).status).toBe(200);
    expect((await me(unverified.token)).quickSell).toMatchObject({ eligible: false, unmet: ['verification'], vouched: true, path: null });
    const old = await t.user({ verified: true, ageDays: 200 });
    expect((await me(old.token)).quickSell).toMatchObject({ eligible: true, path: 'account_age' });
    await vouch(old.id);
    expect((await me(old.token)).quickSell).toMatchObject({ eligible: true, vouched: true, path: 'account_age' });
  });

  it('who may vouch: moderators and admins, not members, visitors or oneself; a reason is required', async () => {
    const m = await t.user({ verified: true });
    const other = await t.user();
    const n = await auditCount(t);
    expectProblem(await vouch(m.id, other.token), 403, 'forbidden');
    expectProblem(await t.req('POST', `/admin/users/${m.id}/vouch`, { body: { reason: 'x' } }), 401, 'unauthenticated');
    expectProblem(await vouch(mod.id), 403, 'forbidden');
    expectProblem(await vouch(m.id, mod.token, ''), 400, 'validation_failed');
    expectProblem(await vouch('0123456789abcdef'), 404, 'not_found');
    expect(await auditCount(t)).toBe(n);
    expect((await me(m.token)).quickSell.vouched).toBe(false);
  });

  it('a deleted account: vouch, ban and unban are 409 account_deleted and change nothing', async () => {
    const gone = await t.user();
    const reporter = await t.user();
    const rep = await report(t, reporter.token, 'user', gone.id, 'spam');
    const rep2 = await report(t, (await t.user()).token, 'user', gone.id, 'scam');
    expect((await t.req('DELETE', '/me', { token: gone.token, body: { password: 'correct-horse-9' } })).status).toBe(204);
    const n = await auditCount(t);
    const v = await vouch(gone.id);
    expectProblem(v, 409, 'account_deleted');
    expect(v.headers.get('content-type')).toContain('application/problem+json');
    expectProblem(await resolve(t, mod.token, rep.id, { action: 'ban', reason: '骗子' }), 409, 'account_deleted');
    expectProblem(await resolve(t, admin.token, rep2.id, { action: 'unban', reason: '误封' }), 409, 'account_deleted');
    expect(await auditCount(t)).toBe(n);
    const row = await t.db.selectFrom('users').select(['status', 'vouchedAt']).where('id', '=', gone.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'deleted', vouchedAt: null });
  });
});
