// Shared HTTP plumbing: the app's context type, a router factory whose validation failures
// become problem+json with field paths, and small helpers every module uses.
import type { HttpBindings } from '@hono/node-server';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import type { Clock } from './clock.ts';
import { type FieldError, unauthorized, validationFailed } from './errors.ts';
import type { Secrets } from './secrets.ts';
import type { MediaStore } from './storage.ts';
import type { Hub } from './realtime.ts';
import type { PaymentGateway, PayoutProvider } from './providers.ts';

/** member; moderator (moderation, cases, withdrawals); admin (also settings and roles). */
export type Role = 'member' | 'moderator' | 'admin';
export type AuthUser = { id: string; username: string; role: Role; tokenHash: string };

export type Deps = {
  db: Db;
  config: Config;
  clock: Clock;
  log: Logger;
  secrets: Secrets;
  media: MediaStore;
  /** The edge: external providers, faked in sandbox mode (they behave like the real ones). */
  providers: { payouts: PayoutProvider; payments: PaymentGateway };
  /** Real-time delivery to members' sockets on every process (LISTEN/NOTIFY). */
  hub: Hub;
};

export type AppEnv = {
  Variables: {
    deps: Deps;
    user: AuthUser | null;
    authVia: 'bearer' | 'cookie' | null;
    requestId: string;
    log: Logger;
  };
};

export type Ctx = Context<AppEnv>;

/**
 * Node's request and response behind a request, under the Node server; neither for an
 * in-process request (`app.request()`, the WebSocket upgrade), whose `c.env` is undefined.
 */
export function nodeBindings(c: Context): Partial<HttpBindings> {
  return (c.env as Partial<HttpBindings> | undefined) ?? {};
}

/**
 * A request header (`name` in lower case), read from Node's parsed headers under the Node server.
 * `c.req.header()` builds a WHATWG `Headers` object from all of them for its first read — ~10 µs
 * a request, for the one or two headers a read path looks at. Node keeps the first of repeated
 * `authorization`, `host` or `user-agent` headers and joins other repeats (`cookie` with `; `).
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const { incoming } = nodeBindings(c);
  if (!incoming) return c.req.header(name);
  const v = incoming.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
}

export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationFailed(fieldErrors(result.error as z.ZodError));
    },
  });
}

export function requireUser(c: Ctx): AuthUser {
  const u = c.get('user');
  if (!u) throw unauthorized();
  return u;
}

export const IdParam = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f]{16}$/, 'an id')
    .openapi({ param: { name: 'id', in: 'path' }, example: '0000a1b2c3d4e5f6' }),
});

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: 'Problem', content: { 'application/problem+json': { schema: ProblemSchema } } },
    ]),
  );

export const jsonContent = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
