import { createRoute, z } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, setCookie } from 'hono/cookie';
import { notFound } from '../../lib/errors.ts';
import { type Ctx, IdParam, jsonBody, jsonContent, newRouter, ProblemSchema, problemResponses, requestHeader, requireUser } from '../../lib/http.ts';
import { profileStats } from '../notes/follows.ts';
import { getCredit } from '../trust/index.ts';
import { reviewSummary } from '../trust/reviews.ts';
import { presentMe, presentPublicUser } from './presenter.ts';
import { findUserById } from './repo.ts';
import { AuthResult, LoginBody, Me, ProfilePatch, PublicUser, RegisterBody, VerificationBody } from './schema.ts';
import { login, register, updateProfile, verifyIdentity } from './service.ts';
import { SESSION_COOKIE, endSession } from './sessions.ts';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });

export function clientIp(c: Ctx): string {
  if (c.get('deps').config.trustProxy) {
    const fwd = requestHeader(c, 'x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

const meta = (c: Ctx) => ({ ip: clientIp(c), userAgent: requestHeader(c, 'user-agent') ?? '' });

function setSessionCookie(c: Ctx, token: string, expiresAt: Date) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: c.req.url.startsWith('https:'),
    expires: expiresAt,
  });
}

const tags = ['accounts'];

export function accountsRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'post', path: '/auth/register', tags, request: { body: jsonBody(RegisterBody) },
      responses: { 201: jsonContent(AuthResult, 'Registered and signed in'), ...problemResponses(400, 409, 429) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const s = await register(deps, c.req.valid('json'), meta(c));
      setSessionCookie(c, s.token, s.expiresAt);
      return c.json({ user: presentMe(s.user, deps), token: s.token }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/auth/login', tags, request: { body: jsonBody(LoginBody) },
      responses: { 200: jsonContent(AuthResult, 'Signed in'), ...problemResponses(400, 401, 429) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const s = await login(deps, c.req.valid('json'), meta(c));
      setSessionCookie(c, s.token, s.expiresAt);
      return c.json({ user: presentMe(s.user, deps), token: s.token }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/auth/logout', tags, security: [{ Bearer: [] }],
      responses: { 204: { description: 'Signed out; the token no longer works' }, ...problemResponses(401) },
    }),
    async (c) => {
      const u = requireUser(c);
      const deps = c.get('deps');
      await endSession(deps, u.id, u.tokenHash);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/me', tags, security: [{ Bearer: [] }],
      responses: { 200: jsonContent(Me), ...problemResponses(401) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const u = await findUserById(deps.db, requireUser(c).id);
      if (!u) throw notFound('user');
      return c.json(presentMe(u, deps), 200);
    },
  );

  // The web app asks this on every start: a visitor is an answer (user null), not a 401, so a
  // browser has no failed request to log for someone who simply has not signed in.
  r.openapi(
    createRoute({
      method: 'get', path: '/session', tags,
      description: 'Who is signed in: the member as in GET /me, or `user: null` for a visitor (never 401; an expired cookie is a visitor too).',
      responses: { 200: jsonContent(z.object({ user: z.union([Me, z.null()]) }).openapi('Session'), 'The signed-in member, or null') },
    }),
    async (c) => {
      const deps = c.get('deps');
      const id = c.get('user')?.id;
      const u = id ? await findUserById(deps.db, id) : undefined;
      return c.json({ user: u ? presentMe(u, deps) : null }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch', path: '/me', tags, security: [{ Bearer: [] }], request: { body: jsonBody(ProfilePatch) },
      responses: { 200: jsonContent(Me), ...problemResponses(400, 401, 422) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const u = await updateProfile(deps, requireUser(c).id, c.req.valid('json'));
      return c.json(presentMe(u, deps), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/me/verification', tags, security: [{ Bearer: [] }],
      request: { body: jsonBody(VerificationBody) },
      responses: {
        200: jsonContent(z.object({ verified: z.literal(true), user: Me })),
        ...problemResponses(400, 401),
        409: problem('`already_verified`: this account is verified already. `id_number_in_use`: the number verifies another account (one ID number, one account; compared by a keyed hash).'),
        422: problem('`invalid_id_number`, with `reason`: format, region, birth_date, checksum or under_18.'),
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const u = await verifyIdentity(deps, requireUser(c).id, c.req.valid('json'));
      return c.json({ verified: true as const, user: presentMe(u, deps) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/users/{id}', tags, request: { params: IdParam },
      responses: { 200: jsonContent(PublicUser), ...problemResponses(404) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const u = await findUserById(deps.db, c.req.valid('param').id);
      if (!u || u.status === 'banned') throw notFound('user');
      const now = deps.clock.now();
      const [credit, rating, community] = await Promise.all([
        getCredit(deps.db, u.id, now),
        reviewSummary(deps.db, u.id, now),
        profileStats(deps.db, u.id, c.get('user')?.id ?? null),
      ]);
      const extra = { creditScore: credit?.score ?? 0, ratingAverage: rating.average, ratingCount: rating.count };
      return c.json(presentPublicUser(u, { ...extra, ...community }), 200);
    },
  );

  return r;
}
