// Opaque random tokens; only their SHA-256 is stored. The web uses them as an httpOnly cookie,
// API clients as a bearer token: one mechanism, so logout revokes both the same way.
import { createHash, randomBytes } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { parse as parseCookies } from 'hono/utils/cookie';
import { DAY_MS } from '../../lib/clock.ts';
import { forbidden, unauthorized } from '../../lib/errors.ts';
import { type AppEnv, type Deps, type Role, requestHeader } from '../../lib/http.ts';
import { insertSession, revokeSession } from './repo.ts';
import { forgetSessions, liveSession, sessionTag } from './session-cache.ts';

export const SESSION_COOKIE = 'jishi_session';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(deps: Deps, userId: string, userAgent: string) {
  const token = `js_${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(deps.clock.now().getTime() + deps.config.sessionDays * DAY_MS);
  await insertSession(deps.db, { tokenHash: hashToken(token), userId, expiresAt, userAgent: userAgent.slice(0, 200) });
  return { token, expiresAt };
}

// Names a session in a push to its member's sockets: a prefix of the token's hash, never the token.
export { forgetSessions, sessionTag } from './session-cache.ts';

/**
 * Signs one session out on every process: the row is revoked, every process's session cache
 * forgets it (session-cache.ts), and the sockets opened with it close wherever they are held —
 * the push names the session, so the member's other devices stay connected (modules/chat/ws.ts).
 */
export async function endSession(deps: Deps, userId: string, tokenHash: string) {
  await revokeSession(deps.db, tokenHash, deps.clock.now());
  await Promise.all([
    forgetSessions(deps, userId, tokenHash),
    deps.hub
      .publish(deps.db, [userId], { type: 'session_ended', reason: 'signed_out', session: sessionTag(tokenHash) })
      .catch((err) => deps.log.warn({ err }, 'sign-out push failed')),
  ]);
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const deps = c.get('deps');
  const header = requestHeader(c, 'authorization');
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const cookies = bearer ? undefined : requestHeader(c, 'cookie');
  const cookie = cookies ? parseCookies(cookies, SESSION_COOKIE)[SESSION_COOKIE] : undefined;
  c.set('user', null);
  c.set('authVia', null);
  const token = bearer ?? cookie;
  if (token) {
    const s = await liveSession(deps, hashToken(token));
    if (s && s.status === 'active') {
      c.set('user', { id: s.id, username: s.username, role: s.role as Role, tokenHash: s.tokenHash });
      c.set('authVia', bearer ? 'bearer' : 'cookie');
    } else if (bearer || header) {
      // Explicit credentials that do not work are an error; a stale cookie is just a visitor.
      throw unauthorized('invalid_token', 'This token is not valid: it expired or was revoked. Sign in again.');
    }
  } else if (header) {
    throw unauthorized('invalid_token', 'Use "Authorization: Bearer <token>".');
  }
  // Cookies ride along on cross-site requests; refuse state changes that another site started.
  if (c.get('authVia') === 'cookie' && !SAFE.has(c.req.method)) {
    const origin = requestHeader(c, 'origin');
    const host = requestHeader(c, 'host');
    if (origin && host && new URL(origin).host !== host) throw forbidden('csrf_rejected', 'Cross-site request refused.');
  }
  await next();
});
