import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, validIdNumber } from '../../../test/helpers.ts';

const t = await createTestApp({ LOGIN_MAX_FAILURES: '3', QUICKSELL_MIN_ACCOUNT_DAYS: '180' });

describe('register', () => {
  it('creates a member and returns a working token', async () => {
    const r = await t.req('POST', '/auth/register', { body: { username: 'Mei_01', password: 'long-enough-1', displayName: '小美' } });
    expect(r.status).toBe(201);
    expect(r.json.user).toMatchObject({ username: 'Mei_01', displayName: '小美', verified: false });
    expect(r.json.token).toMatch(/^js_/);
    expect(r.headers.get('set-cookie')).toMatch(/jishi_session=.*HttpOnly/i);
    const me = await t.req('GET', '/me', { token: r.json.token });
    expect(me.status).toBe(200);
    expect(me.json.id).toBe(r.json.user.id);
    // Never leaks internals.
    expect(JSON.stringify(me.json)).not.toMatch(/password|hash|Enc/i);
  });

  it('refuses a taken username, case-insensitively, and changes nothing', async () => {
    await t.req('POST', '/auth/register', { body: { username: 'taken_name', password: 'long-enough-1' } });
    const r = await t.req('POST', '/auth/register', { body: { username: 'TAKEN_NAME', password: 'other-pass-2' } });
    expectProblem(r, 409, 'username_taken');
    const n = await t.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('username', 'ilike', 'taken_name').executeTakeFirstOrThrow();
    expect(n.n).toBe(1);
  });

  it.each([
    [{ username: 'ab', password: 'long-enough-1' }, 'username'],
    [{ username: 'has space', password: 'long-enough-1' }, 'username'],
    [{ username: 'x'.repeat(21), password: 'long-enough-1' }, 'username'],
    [{ username: '中文名字', password: 'long-enough-1' }, 'username'],
    [{ username: 'okname', password: 'short' }, 'password'],
    [{ username: 'okname', password: 'p'.repeat(129) }, 'password'],
    [{ username: 123, password: 'long-enough-1' }, 'username'],
    [{ password: 'long-enough-1' }, 'username'],
    [{ username: 'okname', password: 'long-enough-1', displayName: '' }, 'displayName'],
  ])('validates %j with a field error on %s', async (body, field) => {
    const r = await t.req('POST', '/auth/register', { body });
    expectProblem(r, 400, 'validation_failed');
    expect(r.json.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('treats reserved names as taken', async () => {
    expectProblem(await t.req('POST', '/auth/register', { body: { username: 'admin', password: 'long-enough-1' } }), 409, 'username_taken');
  });
});

describe('GET /session', () => {
  it('answers a visitor with user null (200, not 401), and a member with the same body as GET /me', async () => {
    const visitor = await t.req('GET', '/session');
    expect(visitor.status).toBe(200);
    expect(visitor.json).toEqual({ user: null });

    const reg = await t.req('POST', '/auth/register', { body: { username: 'session_ok', password: 'long-enough-1' } });
    const cookie = reg.headers.get('set-cookie')?.split(';')[0] ?? '';
    const viaCookie = await t.req('GET', '/session', { headers: { cookie } });
    expect(viaCookie.status).toBe(200);
    const me = await t.req('GET', '/me', { headers: { cookie } });
    expect(viaCookie.json.user).toEqual(me.json);
    expect((await t.req('GET', '/session', { token: reg.json.token })).json.user.username).toBe('session_ok');

    // A signed-out cookie is a visitor again, still without an error status.
    await t.req('POST', '/auth/logout', { token: reg.json.token });
    const stale = await t.req('GET', '/session', { headers: { cookie } });
    expect(stale.status).toBe(200);
    expect(stale.json).toEqual({ user: null });
  });
});

describe('login and logout', () => {
  it('logs in by bearer and cookie; logout revokes the token', async () => {
    await t.req('POST', '/auth/register', { body: { username: 'login_ok', password: 'right-password' } });
    const r = await t.req('POST', '/auth/login', { body: { username: 'LOGIN_OK', password: 'right-password' } });
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie')?.split(';')[0] ?? '';
    const viaCookie = await t.req('GET', '/me', { headers: { cookie } });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.json.username).toBe('login_ok');
    const out = await t.req('POST', '/auth/logout', { token: r.json.token });
    expect(out.status).toBe(204);
    expectProblem(await t.req('GET', '/me', { token: r.json.token }), 401, 'invalid_token');
    // The cookie carried the same session: it stops working too.
    expectProblem(await t.req('GET', '/me', { headers: { cookie } }), 401, 'unauthenticated');
  });

  it('answers the same for a wrong password and an unknown member', async () => {
    await t.req('POST', '/auth/register', { body: { username: 'enum_test', password: 'right-password' } });
    const wrong = await t.req('POST', '/auth/login', { body: { username: 'enum_test', password: 'wrong-password' } });
    const unknown = await t.req('POST', '/auth/login', { body: { username: 'nobody_here', password: 'wrong-password' } });
    expectProblem(wrong, 401, 'invalid_credentials');
    expectProblem(unknown, 401, 'invalid_credentials');
    expect(wrong.json.detail).toBe(unknown.json.detail);
  });

  it('locks a name after repeated failures with 429 and Retry-After, even with the right password', async () => {
    await t.req('POST', '/auth/register', { body: { username: 'lock_me', password: 'right-password' } });
    for (let i = 0; i < 3; i++) {
      expectProblem(await t.req('POST', '/auth/login', { body: { username: 'lock_me', password: `bad-${i}-pass` } }), 401, 'invalid_credentials');
    }
    const locked = await t.req('POST', '/auth/login', { body: { username: 'lock_me', password: 'right-password' } });
    expectProblem(locked, 429, 'too_many_attempts');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Unknown names lock the same way: the lockout does not reveal membership.
    for (let i = 0; i < 3; i++) await t.req('POST', '/auth/login', { body: { username: 'ghost_user', password: 'bad-password' } });
    expectProblem(await t.req('POST', '/auth/login', { body: { username: 'ghost_user', password: 'bad-password' } }), 429, 'too_many_attempts');
    // After the lock window, the right password works again.
    t.clock.advance(16 * 60_000);
    expect((await t.req('POST', '/auth/login', { body: { username: 'lock_me', password: 'right-password' } })).status).toBe(200);
    t.clock.advance(-16 * 60_000);
  });

  it('refuses garbage tokens and missing auth', async () => {
    expectProblem(await t.req('GET', '/me'), 401, 'unauthenticated');
    expectProblem(await t.req('GET', '/me', { token: 'js_forged' }), 401, 'invalid_token');
    expectProblem(await t.req('GET', '/me', { headers: { authorization: 'Basic abc' } }), 401, 'invalid_token');
  });

  it('refuses a cross-site state change carried by the cookie', async () => {
    const r = await t.req('POST', '/auth/register', { body: { username: 'csrf_victim', password: 'right-password' } });
    const cookie = r.headers.get('set-cookie')?.split(';')[0] ?? '';
    const evil = await t.req('PATCH', '/me', { headers: { cookie, origin: 'https://evil.example', host: 'jishi.local' }, body: { bio: 'pwned' } });
    expectProblem(evil, 403, 'csrf_rejected');
    const me = await t.req('GET', '/me', { token: r.json.token });
    expect(me.json.bio).toBe('');
  });
});

describe('/me and quick-sell eligibility', () => {
  it('lists both unmet conditions for a new member, with the date age is met', async () => {
    const u = await t.user();
    const me = await t.req('GET', '/me', { token: u.token });
    expect(me.json.quickSell.eligible).toBe(false);
    expect(me.json.quickSell.unmet).toEqual(['account_age', 'verification']);
    const eligibleAt = new Date(me.json.quickSell.eligibleAt).getTime();
    expect(eligibleAt - new Date(me.json.createdAt).getTime()).toBe(180 * 86_400_000);
  });

  it('is eligible when old enough and verified', async () => {
    const u = await t.user({ ageDays: 181, verified: true });
    const me = await t.req('GET', '/me', { token: u.token });
    expect(me.json.quickSell).toMatchObject({ eligible: true, unmet: [] });
  });

  it('names only the age when verified but young', async () => {
    const u = await t.user({ ageDays: 179, verified: true });
    expect((await t.req('GET', '/me', { token: u.token })).json.quickSell.unmet).toEqual(['account_age']);
  });

  it('edits the profile and validates it', async () => {
    const u = await t.user();
    const r = await t.req('PATCH', '/me', { token: u.token, body: { displayName: '新名字', bio: '出闲置', city: '上海', interestTags: ['#家具', '家具', '书籍'] } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ displayName: '新名字', bio: '出闲置', city: '上海', interestTags: ['家具', '书籍'] });
    expectProblem(await t.req('PATCH', '/me', { token: u.token, body: { bio: 'x'.repeat(201) } }), 400, 'validation_failed');
    expectProblem(await t.req('PATCH', '/me', { token: u.token, body: { avatarId: '0000000000000000' } }), 422, 'invalid_media');
    expect((await t.req('GET', '/me', { token: u.token })).json.displayName).toBe('新名字');
  });
});

describe('real-name verification', () => {
  it('verifies, stores the number encrypted and shows it only masked', async () => {
    const u = await t.user();
    const id = validIdNumber(1990);
    const r = await t.req('POST', '/me/verification', { token: u.token, body: { realName: '李小龙', idNumber: id } });
    expect(r.status).toBe(200);
    expect(r.json.verified).toBe(true);
    const me = await t.req('GET', '/me', { token: u.token });
    expect(me.json.verification).toEqual({ realName: '李**', idNumber: `${id.slice(0, 4)}**********${id.slice(-4)}` });
    expect(me.text).not.toContain(id);
    const row = await t.db.selectFrom('users').selectAll().where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(id);
    expect(JSON.stringify(row)).not.toContain('李小龙');
    expect(t.deps.secrets.decrypt(row.idNumberEnc as string)).toBe(id);
    expectProblem(await t.req('POST', '/me/verification', { token: u.token, body: { realName: '李小龙', idNumber: id } }), 409, 'already_verified');
  });

  const good = validIdNumber(1992);
  const flipCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  const now = new Date();
  const minorYear = now.getUTCFullYear() - 17;
  it.each([
    ['checksum', flipCheck],
    ['format', '12345'],
    ['format', `${good.slice(0, 17)}Y`],
    ['region', `99${good.slice(2)}`],
    ['birth_date', validIdNumber(1990, '02', '30')],
    ['birth_date', validIdNumber(now.getUTCFullYear() + 1)],
    ['under_18', validIdNumber(minorYear)],
  ])('refuses %s (%s) with 422 invalid_id_number and stays unverified', async (reason, idNumber) => {
    const u = await t.user();
    const r = await t.req('POST', '/me/verification', { token: u.token, body: { realName: '王五', idNumber } });
    expectProblem(r, 422, 'invalid_id_number');
    expect(r.json.reason).toBe(reason);
    expect((await t.req('GET', '/me', { token: u.token })).json.verified).toBe(false);
  });

  it('accepts a lowercase x check character', async () => {
    let id = validIdNumber(1988);
    for (let i = 0; !id.endsWith('X') && i < 2000; i++) id = validIdNumber(1988);
    const u = await t.user();
    const r = await t.req('POST', '/me/verification', { token: u.token, body: { realName: '赵六', idNumber: id.toLowerCase() } });
    expect(r.status).toBe(200);
  });

  it('needs a plausible real name', async () => {
    const u = await t.user();
    expectProblem(await t.req('POST', '/me/verification', { token: u.token, body: { realName: 'a1', idNumber: validIdNumber() } }), 400, 'validation_failed');
  });
});

describe('public profiles', () => {
  it('shows the public fields with credit and ratings, nothing private', async () => {
    const u = await t.user({ verified: true, ageDays: 30 });
    const r = await t.req('GET', `/users/${u.id}`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: u.id, username: u.username, verified: true, ratingAverage: null, ratingCount: 0 });
    expect(r.json.creditScore).toBe(610);
    expect(r.json).not.toHaveProperty('verification');
    expect(r.json).not.toHaveProperty('quickSell');
    const credit = await t.req('GET', `/users/${u.id}/credit`);
    expect(credit.json.score).toBe(r.json.creditScore);
    expect(credit.json.factors.reduce((s: number, f: { points: number }) => s + f.points, 0)).toBe(credit.json.score);
  });

  it('404s an unknown or malformed id', async () => {
    expectProblem(await t.req('GET', '/users/0000000000000000'), 404, 'not_found');
    expectProblem(await t.req('GET', '/users/not-an-id'), 400, 'validation_failed');
  });
});
