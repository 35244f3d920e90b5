// The session cache across processes (modelled on src/scale-out.test.ts, in one test process):
// two app instances A and B on one database, each with its own pool, hub and session cache
// (the cache is per hub), both with SESSION_CACHE_MS at its maximum. What A does to a session
// must reach B's cache through the hub's signal, long before B's entry could expire by itself:
// each check below polls B only until `before(t0)`, a second short of the earliest moment B's
// entry (read after t0) would lapse on its own — so without the signal every one of them fails.
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type Res } from '../../../test/helpers.ts';
import { buildApp } from '../../app.ts';
import { openDatabase } from '../../db/index.ts';
import { fixedOffsetClock, systemClock } from '../../lib/clock.ts';
import type { Deps } from '../../lib/http.ts';
import { createHub } from '../../lib/realtime.ts';
import { setRole } from '../admin/operations.ts';
import { liveConfig } from '../admin/settings.ts';

const TTL = 10_000;
const a = await createTestApp({ SESSION_CACHE_MS: String(TTL) });
const b = await secondProcess();

/** Process B: the same database, its own pool, hub (its listener named, to be cut) and cache. */
async function secondProcess() {
  const database = openDatabase(a.url, { max: 10 });
  const listenerUrl = new URL(a.url);
  listenerUrl.searchParams.set('application_name', 'jishi_b_listener');
  const hub = createHub(listenerUrl.toString(), pino({ level: 'silent' }));
  await hub.start();
  const deps: Deps = { ...a.deps, db: database.db, config: liveConfig(a.config, database.db), clock: fixedOffsetClock(), hub };
  const app = buildApp(deps);
  afterAll(async () => {
    await hub.stop();
    await database.close();
  });
  async function req(method: string, path: string, token: string): Promise<Res> {
    const r = await app.request(`/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}` } });
    const text = await r.text();
    return { status: r.status, json: text ? JSON.parse(text) : null, text, headers: r.headers };
  }
  return { req, hub };
}

/** The last moment at which a refusal by B cannot be its entry (read after t0) lapsing by itself. */
const before = (t0: number) => t0 + TTL - 1000;

/** Polls B until `path` answers `status`, no later than `deadline`. */
async function refusedInB(path: string, token: string, status: number, deadline: number): Promise<Res> {
  for (;;) {
    const r = await b.req('GET', path, token);
    if (r.status === status) return r;
    if (Date.now() > deadline) throw new Error(`B still answered ${r.status} for ${path} (its cached entry outlived the change)`);
    await new Promise((res) => setTimeout(res, 20));
  }
}

async function until(cond: () => boolean, what: string) {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > 20_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 10));
  }
}

async function anAdmin() {
  const admin = await a.user({ payoutMethod: false, prefix: 'adm' });
  await a.db.updateTable('users').set({ role: 'admin' }).where('id', '=', admin.id).execute(); // before any request of theirs in B
  return admin;
}

describe('session cache across processes', () => {
  it('B serves a session from its cache: a revocation written straight into the database (no signal) is not seen there', async () => {
    const m = await a.user({ payoutMethod: false });
    expect((await b.req('GET', '/me', m.token)).status).toBe(200);
    await a.db.updateTable('sessions').set({ revokedAt: new Date() }).where('userId', '=', m.id).execute();
    expect((await b.req('GET', '/me', m.token)).status).toBe(200);
    expectProblem(await a.req('GET', '/me', { token: m.token }), 401, 'invalid_token'); // A never cached it
  });

  it('signing out in A ends the session in B at once; the member’s other session stays cached in B', async () => {
    const m = await a.user({ payoutMethod: false });
    const login = await a.req('POST', '/auth/login', { body: { username: m.username, password: 'correct-horse-9' } });
    expect(login.status).toBe(200);
    const t0 = Date.now();
    for (const token of [login.json.token, m.token]) expect((await b.req('GET', '/me', token)).status).toBe(200);
    expect((await a.req('POST', '/auth/logout', { token: login.json.token })).status).toBe(204);
    expectProblem(await refusedInB('/me', login.json.token, 401, before(t0)), 401, 'invalid_token');
    // Only the signed-out session was forgotten in B: the other one is still served from B's
    // cache (a revocation behind its back is not seen), as its own entry.
    await a.db.updateTable('sessions').set({ revokedAt: new Date() }).where('userId', '=', m.id).execute();
    expect((await b.req('GET', '/me', m.token)).status).toBe(200);
  });

  it('a ban in A refuses the member in B at once', async () => {
    const admin = await anAdmin();
    const target = await a.user({ payoutMethod: false });
    const t0 = Date.now();
    expect((await b.req('GET', '/me', target.token)).status).toBe(200); // cached in B now
    const rep = await a.req('POST', '/reports', { token: (await a.user({ payoutMethod: false })).token, body: { targetType: 'user', targetId: target.id, reason: 'scam' } });
    expect(rep.status, rep.text).toBe(201);
    const r = await a.req('POST', `/admin/reports/${rep.json.id}/resolve`, { token: admin.token, body: { action: 'ban', reason: '诈骗' } });
    expect(r.status, r.text).toBe(200);
    expectProblem(await refusedInB('/me', target.token, 401, before(t0)), 401, 'invalid_token');
  });

  it('a role taken away in A: B no longer grants it', async () => {
    const admin = await anAdmin();
    const other = await a.user({ payoutMethod: false, prefix: 'mod' });
    await a.db.updateTable('users').set({ role: 'admin' }).where('id', '=', other.id).execute();
    const t0 = Date.now();
    expect((await b.req('GET', '/admin/users', other.token)).status).toBe(200); // cached in B as admin
    const r = await a.req('PUT', `/admin/users/${other.id}/role`, { token: admin.token, body: { role: 'member', reason: '离职' } });
    expect(r.status, r.text).toBe(200);
    expectProblem(await refusedInB('/admin/users', other.token, 403, before(t0)), 403, 'forbidden');
  });

  it('a role changed by `npm run admin:grant` (a process without a hub) reaches B’s cache', async () => {
    const m = await a.user({ payoutMethod: false, prefix: 'mod' });
    await a.db.updateTable('users').set({ role: 'moderator' }).where('id', '=', m.id).execute();
    const t0 = Date.now();
    expect((await b.req('GET', '/admin/reports', m.token)).status).toBe(200); // cached in B as moderator
    // What cli/admin-grant.ts runs: its own database handle, no hub, no cache.
    const cli = openDatabase(a.url, { max: 1 });
    try {
      const r = await setRole({ db: cli.db, clock: systemClock }, { id: null, username: 'cli', role: 'system' }, { username: m.username }, 'member', 'test');
      expect(r.changed).toBe(true);
    } finally {
      await cli.close();
    }
    expectProblem(await refusedInB('/admin/reports', m.token, 403, before(t0)), 403, 'forbidden');
  });

  it('deleting the account in A refuses it in B at once', async () => {
    const m = await a.user({ payoutMethod: false });
    const t0 = Date.now();
    expect((await b.req('GET', '/me', m.token)).status).toBe(200);
    const r = await a.req('DELETE', '/me', { token: m.token, body: { password: 'correct-horse-9' } });
    expect(r.status, r.text).toBe(204);
    expectProblem(await refusedInB('/me', m.token, 401, before(t0)), 401, 'invalid_token');
  });

  it('B drops its whole cache when its listening connection comes back: a forget it may have missed cannot leave a stale entry', async () => {
    const m = await a.user({ payoutMethod: false });
    expect((await b.req('GET', '/me', m.token)).status).toBe(200);
    // Revoked with no signal at all — what B would see if it missed the signal.
    await a.db.updateTable('sessions').set({ revokedAt: new Date() }).where('userId', '=', m.id).execute();
    expect((await b.req('GET', '/me', m.token)).status).toBe(200); // still B's cached entry
    const cut = await sql<{ n: number }>`
      SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'jishi_b_listener'`.execute(a.db);
    expect(cut.rows[0]?.n).toBe(1);
    await until(() => !b.hub.listening(), 'B to notice its listener is gone');
    await until(() => b.hub.listening(), 'B to listen again');
    expectProblem(await b.req('GET', '/me', m.token), 401, 'invalid_token');
    // And the hub still carries signals after its reconnect: a sign-out in A reaches B.
    const m2 = await a.user({ payoutMethod: false });
    const t0 = Date.now();
    expect((await b.req('GET', '/me', m2.token)).status).toBe(200);
    expect((await a.req('POST', '/auth/logout', { token: m2.token })).status).toBe(204);
    expectProblem(await refusedInB('/me', m2.token, 401, before(t0)), 401, 'invalid_token');
  });
});
