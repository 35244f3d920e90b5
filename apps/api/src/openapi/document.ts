// The OpenAPI document third parties build on: the routes' own definitions (zod schemas,
// responses) plus, from operations.ts, each operation's operationId, summary, security and
// request example, and the problem+json answers every operation can give because of the
// middleware in front of it (bad JSON, body limit, credentials, CSRF). Served at
// /api/v1/openapi.json and written to packages/client by `npm run api:client`.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { SESSION_COOKIE } from '../modules/accounts/sessions.ts';
import { OPERATIONS, type OperationMeta } from './operations.ts';

type Json = Record<string, unknown>;
type Response = { description: string; content?: Record<string, Json>; headers?: Json } | { $ref: string };
export type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, Json> };
  responses: Record<string, Response>;
};
export type Document = {
  info: Json;
  paths: Record<string, Record<string, Operation>>;
  components?: Record<string, Record<string, unknown>>;
  tags?: { name: string; description?: string }[];
};

export const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

const INFO = {
  title: 'Jishi 集市 API',
  version: '1.0.0',
  description: [
    'A self-hostable community second-hand marketplace.',
    '',
    '- Auth: `Authorization: Bearer <token>` from `POST /auth/login` (scripts and apps), or the `jishi_session` cookie it also sets (browsers; cross-site writes are refused).',
    '- Money is integer fen (`price: 4900` is ¥49.00). Ids are 16 hex characters. Times are ISO 8601 in UTC.',
    '- Lists are `{items, nextCursor}`; pass `cursor` back for the next page.',
    '- Money-moving POSTs take an `Idempotency-Key` header: the same key with the same body replays the first answer; with another body it is 422 `idempotency_key_reused`.',
    '- Every failure is `application/problem+json` with a stable `code`; validation failures list field `errors`.',
  ].join('\n'),
  license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
};

const TAGS: Record<string, string> = {
  accounts: 'Registration, sign-in, profiles, identity verification, data export and deletion',
  items: 'Quick-sell listings',
  assist: 'Smart publish (智能发布)',
  offers: 'Price offers, counters and the private floor price of smart hosting',
  orders: 'Checkout, payment into escrow, fulfilment, cancellation and saved addresses',
  wallet: 'Balance, ledger entries and withdrawals',
  'after-sale': 'After-sale cases between buyer and seller',
  jury: 'The community jury (小法庭)',
  reviews: 'Reviews after a trade, and the credit score',
  trust: 'Blocks, reports and the professional-seller guard',
  chat: 'Conversations and messages (live delivery on the WebSocket /api/v1/ws)',
  notifications: 'Notifications and their unread count',
  media: 'Photo uploads',
  notes: 'Notes (笔记), likes, collects and stall grids',
  comments: 'Comments and replies on notes',
  follows: 'Following members',
  feed: 'Feeds and a member’s notes',
  search: 'Search, suggestions and saved searches',
  admin: 'The operator console (moderators and admins)',
  engagement: 'Collected items, seller stats and #tag pages',
};

const problem = (description: string, headers?: Json): Response => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** One reusable answer per status; an operation refers to those it can give. */
const PROBLEMS: Record<string, Response> = {
  '400': problem('Bad input: `validation_failed` with field `errors`, `malformed_json`, or a code of this operation'),
  '401': problem('Not signed in (`unauthenticated`), or a token that expired or was revoked (`invalid_token`)'),
  '402': problem('The payment was declined (`payment_declined`); the order stays payable'),
  '403': problem('Not allowed: a stable `code` says why (`csrf_rejected` for a cross-site write with the cookie)'),
  '404': problem('No such resource, or not visible to you (`not_found`)'),
  '409': problem('Not possible in the current state (`invalid_state`, `out_of_stock`, …)'),
  '413': problem('The body is too large (`payload_too_large`)'),
  '415': problem('Send the body as the declared media type (`unsupported_media_type`)'),
  '422': problem('Well-formed but refused by a rule (the `code` names it)'),
  '429': problem('Too many requests: retry after `Retry-After` seconds (`rate_limited`, `too_many_attempts`)', {
    'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
  }),
  '503': problem('Not available right now; try again later (the `code` says what is missing)'),
  default: problem('Any other failure, also problem+json (500 `internal_error`, logged with the request id)'),
};

const MEMBER = [{ Bearer: [] }, { SessionCookie: [] }];

/** The generated document from an app (or router) that has every module's routes mounted. */
export function openApiDocument<E extends Env>(app: OpenAPIHono<E>, prefix: string): Document {
  const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: INFO, servers: [{ url: '/' }] }) as unknown as Document;
  const used = new Set<string>();
  const tags = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const key = `${method.toUpperCase()} ${path.slice(prefix.length)}`;
      item[method] = describe(op, method, OPERATIONS[key], used);
      for (const t of op.tags ?? []) tags.add(t);
    }
  }
  optionalDefaults(doc);
  nullableRefs(doc);
  const responses = Object.fromEntries([...used].sort().map((s) => [`Problem${s === 'default' ? 'Default' : s}`, PROBLEMS[s]]));
  doc.components = {
    ...doc.components,
    responses,
    securitySchemes: {
      Bearer: { type: 'http', scheme: 'bearer', description: 'The `token` from POST /auth/login or /auth/register' },
      SessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /auth/login (browsers)' },
    },
  };
  doc.tags = [...tags].sort().map((name) => ({ name, ...(TAGS[name] ? { description: TAGS[name] } : {}) }));
  return doc;
}

function describe(op: Operation, method: string, meta: OperationMeta | undefined, used: Set<string>): Operation {
  const member = !!op.security?.length;
  const security = member ? MEMBER : meta?.auth === 'optional' ? [{}, ...MEMBER] : [];
  const content = op.requestBody?.content ?? {};
  const json = content['application/json'];
  if (json && meta?.example) json.example = meta.example;
  const statuses = new Set<string>();
  for (const [status, r] of Object.entries(op.responses)) if (isGenericProblem(r)) statuses.add(status);
  // What the middleware in front of every route can answer (app.ts, accounts/sessions.ts).
  if (json) for (const s of ['400', '413', '415']) statuses.add(s);
  if (op.parameters?.some((p) => p.in === 'path' || p.in === 'query')) statuses.add('400');
  // A wrong Authorization header is 401 `invalid_token` on every route, public ones too.
  statuses.add('401');
  if (member && method !== 'get') statuses.add('403');
  for (const s of meta?.errors ?? []) statuses.add(String(s));
  statuses.add('default');
  // An answer the route describes in its own words (e.g. 403 `wrong_password`) stays.
  const responses: Record<string, Response> = {};
  for (const [status, r] of Object.entries(op.responses)) {
    if (isGenericProblem(r)) continue;
    responses[status] = r;
    statuses.delete(status);
  }
  for (const s of [...statuses].sort()) {
    PROBLEMS[s] ??= problem('A problem: the `code` says which');
    used.add(s);
    responses[s] = { $ref: `#/components/responses/Problem${s === 'default' ? 'Default' : s}` };
  }
  return {
    ...(meta ? { operationId: meta.id } : {}),
    ...op,
    summary: op.summary ?? meta?.summary,
    security,
    responses,
  };
}

/** The answer problemResponses() declares: problem+json and nothing operation-specific. */
function isGenericProblem(r: Response): boolean {
  return !('$ref' in r) && r.description === 'Problem' && Object.keys(r.content ?? {}).join() === 'application/problem+json';
}

/** GET {prefix}/openapi.json: built on the first request, once every route is mounted. */
export function mountOpenApi<E extends Env>(app: OpenAPIHono<E>, prefix: string) {
  let doc: Document | undefined;
  app.get(`${prefix}/openapi.json`, (c) => {
    doc ??= openApiDocument(app, prefix);
    return c.json(doc);
  });
}

/**
 * A request field with a default may be left out (zod fills it in), but the generator lists it
 * as required, as it is in the parsed value. In the schemas a request body reaches, such a field
 * is made optional, so clients are not made to send `quantity: 1`.
 */
function optionalDefaults(doc: Document) {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Json>;
  const seen = new Set<Json>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object' || seen.has(node as Json)) return;
    const s = node as Json;
    seen.add(s);
    if (typeof s.$ref === 'string') return visit(schemas[s.$ref.replace('#/components/schemas/', '')]);
    const props = s.properties as Record<string, Json> | undefined;
    if (props && Array.isArray(s.required)) {
      s.required = s.required.filter((k: string) => props[k]?.default === undefined);
      if ((s.required as string[]).length === 0) delete s.required;
    }
    for (const v of Object.values(s)) {
      if (Array.isArray(v)) v.forEach(visit);
      else visit(v);
    }
  };
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) visit(item[method]?.requestBody);
  }
}

/**
 * zod's `Ref.nullable()` comes out as `allOf: [{$ref}, {type: ['object', 'null']}]`, which
 * openapi-typescript turns into `Ref & (Record<string, never> | null)` — a type no value of Ref
 * fits. The same meaning, said as `anyOf: [{$ref}, {type: 'null'}]`, gives `Ref | null`.
 */
function nullableRefs(node: unknown) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(nullableRefs);
  const s = node as Json;
  const all = s.allOf;
  if (Array.isArray(all) && all.length === 2) {
    const [ref, nul] = all as Json[];
    const { type, description, ...rest } = nul ?? {};
    const onlyNull = JSON.stringify(type) === '["object","null"]' && Object.keys(rest).length === 0;
    if (ref && typeof ref.$ref === 'string' && Object.keys(ref).length === 1 && onlyNull) {
      delete s.allOf;
      s.anyOf = [ref, { type: 'null' }];
      if (description !== undefined) s.description ??= description;
    }
  }
  for (const v of Object.values(s)) nullableRefs(v);
}
