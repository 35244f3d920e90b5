// The headers every answer carries: the security headers and the request id (X-Request-Id, the
// client's own when it is a sane token, else a fresh UUID; it also tags the request's log lines).
//
// The same headers Hono's `secureHeaders` and `requestId` middlewares sent (the list is theirs,
// with the web app's CSP), written differently (issue 17): on the Node server they go straight
// onto Node's response object, which merges them into the head it writes. Through Hono they made
// every answer build a WHATWG `Headers` object and set a dozen fields on it one by one — about
// 0.05 ms of CPU a request, a quarter of what the whole stack costs for a 404. An in-process
// request (`app.request()`, the WebSocket upgrade) has no Node response: it gets the same headers
// through Hono's. `response-headers.test.ts` checks both paths against Hono's two middlewares.
//
// A handler that sets one of these headers itself keeps its own value on the Node path (no
// handler does today); Hono's middleware replaced it.
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { type AppEnv, nodeBindings } from './http.ts';

/** Header → value, in the order Hono's secureHeaders wrote them. */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
  // The web app's: own origin, data:/blob: images, inline styles, WebSocket.
  ['Content-Security-Policy', "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self' ws: wss:"],
];

export const REQUEST_ID_HEADER = 'X-Request-Id';
const MAX_REQUEST_ID = 255;
const UNSAFE_REQUEST_ID = /[^\w\-=]/;

/** The client's id when it is a short token of letters, digits, `_`, `-` and `=`; else a new UUID. */
export function requestIdFrom(given: string | undefined): string {
  return !given || given.length > MAX_REQUEST_ID || UNSAFE_REQUEST_ID.test(given) ? randomUUID() : given;
}

export const responseHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { incoming, outgoing } = nodeBindings(c);
  if (incoming && outgoing) {
    const given = incoming.headers['x-request-id'];
    const id = requestIdFrom(Array.isArray(given) ? given[0] : given);
    c.set('requestId', id);
    for (const [name, value] of SECURITY_HEADERS) outgoing.setHeader(name, value);
    outgoing.setHeader(REQUEST_ID_HEADER, id);
    return next();
  }
  const id = requestIdFrom(c.req.header(REQUEST_ID_HEADER));
  c.set('requestId', id);
  c.header(REQUEST_ID_HEADER, id);
  await next();
  for (const [name, value] of SECURITY_HEADERS) c.res.headers.set(name, value);
  c.res.headers.delete('X-Powered-By');
};
