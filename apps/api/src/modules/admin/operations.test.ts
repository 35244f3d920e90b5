// Cases, withdrawals and roles in the console, and `npm run admin:grant`: each action one
// audit entry, a refused one none; only admins give roles.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { sandboxPayouts } from '../ledger/payouts.ts';
import { rejectedCase } from '../aftersale/fixtures.ts';
import { expectLedgerOk } from '../orders/fixtures.ts';
import { completedOrder } from '../aftersale/fixtures.ts';
import { auditCount, staff } from './fixtures.ts';

// The payout provider says "try again" until told otherwise.
let outage = true;
const t = await createTestApp({}, { providers: { payouts: sandboxPayouts({ outage: () => (outage ? 'unavailable' : null) }) } });
const admin = await staff(t, 'admin');
const mod = await staff(t, 'moderator');

describe('after-sale cases', () => {
  it('a with_operator case is listed, decided once with a reason and one audit entry; a second decision is refused', async () => {
    const { buyer, seller, caseId } = await rejectedCase(t);
    expect((await t.req('POST', `/after-sales/${caseId}/escalate`, { token: buyer.token })).json.status).toBe('with_operator');
    const list = await t.req('GET', '/admin/after-sales', { token: mod.token });
    expect(list.json.items.find((c: { id: string }) => c.id === caseId)).toMatchObject({ status: 'with_operator', jury: { seated: 0, voted: 0 } });
    const n = await auditCount(t);
    const r = await t.req('POST', `/admin/after-sales/${caseId}/decide`, { token: mod.token, body: { verdict: 'refund', reason: '卖家无法证明发货完好' } });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ status: 'refunded', verdict: 'refund' });
    expect(await auditCount(t)).toBe(n + 1);
    const entry = await t.db.selectFrom('auditLog').selectAll().where('targetId', '=', caseId).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'case.decide', actorId: mod.id, reason: '卖家无法证明发货完好', before: { status: 'with_operator' }, after: { status: 'refunded', verdict: 'refund' } });
    expect((await t.req('GET', `/after-sales/${caseId}`, { token: seller.token })).json).toMatchObject({ decidedBy: 'operator', decisionReason: '卖家无法证明发货完好' });
    expectProblem(await t.req('POST', `/admin/after-sales/${caseId}/decide`, { token: mod.token, body: { verdict: 'release', reason: '改判' } }), 409, 'invalid_state');
    expect(await auditCount(t)).toBe(n + 1);
    expectProblem(await t.req('POST', '/admin/after-sales/00000000000000ff/decide', { token: mod.token, body: { verdict: 'release', reason: 'x' } }), 404, 'not_found');
    await expectLedgerOk(t);
  });
});

describe('withdrawals', () => {
  it('lists withdrawals with attempts and errors; an admin’s retry asks the provider again and logs once; a paid one is final', async () => {
    const { seller } = await completedOrder(t, { price: 5000 });
    const w = await t.req('POST', '/wallet/withdrawals', { token: seller.token, body: { amount: 1000 } });
    expect(w.json).toMatchObject({ status: 'processing' });
    const list = await t.req('GET', '/admin/withdrawals?status=processing', { token: mod.token });
    expect(list.json.items.find((x: { id: string }) => x.id === w.json.id)).toMatchObject({ attempts: 1, lastError: 'provider_unavailable', username: expect.any(String) });
    expectProblem(await t.req('POST', `/admin/withdrawals/${w.json.id}/retry`, { token: mod.token, body: { reason: '渠道恢复' } }), 403, 'forbidden');
    outage = false;
    const n = await auditCount(t);
    const r = await t.req('POST', `/admin/withdrawals/${w.json.id}/retry`, { token: admin.token, body: { reason: '渠道恢复' } });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ status: 'paid', attempts: 2 });
    expect(await auditCount(t)).toBe(n + 1);
    expectProblem(await t.req('POST', `/admin/withdrawals/${w.json.id}/retry`, { token: admin.token, body: { reason: '再试' } }), 409, 'invalid_state');
    expect(await auditCount(t)).toBe(n + 1);
    await expectLedgerOk(t);
  });
});

describe('roles', () => {
  it('an admin gives and takes roles (one audit entry each); a moderator cannot; GET /me shows the role', async () => {
    const m = await t.user();
    expectProblem(await t.req('PUT', `/admin/users/${m.id}/role`, { token: mod.token, body: { role: 'moderator', reason: '自荐' } }), 403, 'forbidden');
    expectProblem(await t.req('PUT', `/admin/users/${m.id}/role`, { token: m.token, body: { role: 'admin', reason: '自荐' } }), 403, 'forbidden');
    const n = await auditCount(t);
    const r = await t.req('PUT', `/admin/users/${m.id}/role`, { token: admin.token, body: { role: 'moderator', reason: '社区志愿者' } });
    expect(r.json).toMatchObject({ role: 'moderator', changed: true });
    expect(await auditCount(t)).toBe(n + 1);
    expect((await t.req('GET', '/me', { token: m.token })).json.role).toBe('moderator');
    expect((await t.req('GET', '/admin/reports', { token: m.token })).status).toBe(200);
    await t.req('PUT', `/admin/users/${m.id}/role`, { token: admin.token, body: { role: 'member', reason: '卸任' } });
    expectProblem(await t.req('GET', '/admin/reports', { token: m.token }), 403, 'forbidden');
    expectProblem(await t.req('PUT', `/admin/users/${admin.id}/role`, { token: admin.token, body: { role: 'member', reason: '退出' } }), 403, 'forbidden');
    const found = await t.req('GET', `/admin/users?role=admin`, { token: mod.token });
    expect(found.json.items.map((u: { id: string }) => u.id)).toContain(admin.id);
  });

  it('npm run admin:grant gives a role on the configured database and logs it; unknown names and roles are refused', () => {
    const root = join(import.meta.dirname, '../../../../..');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/cli/admin-grant.ts'), ...args], {
        cwd: root, env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 60_000,
      });
    return (async () => {
      const m = await t.user();
      const username = (await t.req('GET', '/me', { token: m.token })).json.username as string;
      const ok = run(username, 'moderator');
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain(`${username} is now moderator`);
      expect((await t.req('GET', '/me', { token: m.token })).json.role).toBe('moderator');
      const entry = await t.db.selectFrom('auditLog').selectAll().where('targetId', '=', m.id).executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ action: 'role.grant', actorId: null, actorUsername: 'cli', after: { role: 'moderator' } });
      expect(run('no_such_member_x', 'admin').status).toBe(1);
      expect(run(username, 'overlord').status).toBe(2);
    })();
  }, 120_000);
});
