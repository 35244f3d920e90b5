// The per-process session cache (SESSION_CACHE_MS, on here; the other tests run without it):
// a burst of a member's requests reads the session once, and signing out or a ban still takes
// effect at the very next request of this process, and so does a role taken away.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { DAY_MS } from '../../lib/clock.ts';

const t = await createTestApp({ SESSION_CACHE_MS: '10000' });

describe('session cache', () => {
  it('serves repeated requests from the cache: a session revoked behind its back still works until the TTL', async () => {
    const m = await t.user({ payoutMethod: false });
    expect((await t.req('GET', '/me', { token: m.token })).status).toBe(200);
    // Revoked directly in the database, as another process would: this process has it cached.
    await t.db.updateTable('sessions').set({ revokedAt: new Date() }).where('userId', '=', m.id).execute();
    expect((await t.req('GET', '/me', { token: m.token })).status).toBe(200);
  });

  it('signing out takes effect at the next request', async () => {
    const m = await t.user({ payoutMethod: false });
    expect((await t.req('GET', '/me', { token: m.token })).status).toBe(200);
    expect((await t.req('POST', '/auth/logout', { token: m.token })).status).toBe(204);
    expectProblem(await t.req('GET', '/me', { token: m.token }), 401, 'invalid_token');
  });

  it('a ban takes effect at the next request of the banned member', async () => {
    const admin = await t.user({ payoutMethod: false, prefix: 'adm' });
    await t.db.updateTable('users').set({ role: 'admin' }).where('id', '=', admin.id).execute(); // before any request of theirs
    const target = await t.user({ payoutMethod: false });
    expect((await t.req('GET', '/me', { token: target.token })).status).toBe(200); // cached now
    const rep = await t.req('POST', '/reports', { token: (await t.user({ payoutMethod: false })).token, body: { targetType: 'user', targetId: target.id, reason: 'scam' } });
    expect(rep.status, rep.text).toBe(201);
    const r = await t.req('POST', `/admin/reports/${rep.json.id}/resolve`, { token: admin.token, body: { action: 'ban', reason: '诈骗' } });
    expect(r.status, r.text).toBe(200);
    expectProblem(await t.req('GET', '/me', { token: target.token }), 401, 'invalid_token');
  });

  it('a role taken away takes effect at the next request of that member', async () => {
    const admin = await t.user({ payoutMethod: false, prefix: 'adm' });
    const other = await t.user({ payoutMethod: false, prefix: 'mod' });
    await t.db.updateTable('users').set({ role: 'admin' }).where('id', 'in', [admin.id, other.id]).execute();
    expect((await t.req('GET', '/admin/users', { token: other.token })).status).toBe(200); // cached as admin now
    const r = await t.req('PUT', `/admin/users/${other.id}/role`, { token: admin.token, body: { role: 'member', reason: '离职' } });
    expect(r.status, r.text).toBe(200);
    expectProblem(await t.req('GET', '/admin/users', { token: other.token }), 403, 'forbidden');
  });

  it('an entry is not used past its session’s expiry', async () => {
    const m = await t.user({ payoutMethod: false });
    expect((await t.req('GET', '/me', { token: m.token })).status).toBe(200); // cached now
    const past = t.config.sessionDays * DAY_MS + 60_000;
    t.clock.advance(past); // the session's expires_at is behind us; the entry is seconds old
    try {
      expectProblem(await t.req('GET', '/me', { token: m.token }), 401, 'invalid_token');
    } finally {
      t.clock.advance(-past);
    }
  });
});

// A short TTL, so that an entry reaches its refresh point (drawn between 50% and 85% of the TTL)
// within the test.
const quick = await createTestApp({ SESSION_CACHE_MS: '8000' });

describe('session cache: an entry past its refresh point', () => {
  it('is served and read again behind the request (two members in one read): a revocation with no signal is seen before the TTL runs out', async () => {
    const [a, b] = [await quick.user({ payoutMethod: false }), await quick.user({ payoutMethod: false })];
    const cachedAt = performance.now();
    for (const m of [a, b]) expect((await quick.req('GET', '/me', { token: m.token })).status).toBe(200); // cached now
    await quick.db.updateTable('sessions').set({ revokedAt: new Date() }).where('userId', 'in', [a.id, b.id]).execute();
    for (const m of [a, b]) expect((await quick.req('GET', '/me', { token: m.token })).status).toBe(200); // from the cache
    await new Promise((r) => setTimeout(r, 6900 - (performance.now() - cachedAt)));
    // Past the refresh point (85% of 8,000 ms at the latest): still answered from the entries, and
    // the two requests start the read that finds the revocations.
    const [ra, rb] = await Promise.all([a, b].map((m) => quick.req('GET', '/me', { token: m.token })));
    expect([ra?.status, rb?.status]).toEqual([200, 200]);
    const statuses = [200, 200];
    while (statuses.includes(200) && performance.now() - cachedAt < 7900) {
      await new Promise((r) => setTimeout(r, 20));
      for (const [i, m] of [a, b].entries()) statuses[i] = (await quick.req('GET', '/me', { token: m.token })).status;
    }
    // Before the TTL would have ended the entries: only the read behind the requests can have.
    expect(statuses).toEqual([401, 401]);
  });
});
