// One request of a safety suite, and the checks every answer must pass whatever was sent.
import type { Res } from '../../test/helpers.ts';
import type { Cls } from './operations.ts';
import type { T } from './world.ts';

export type Sent = {
  method: string;
  /** Path after /api/v1, query included. */
  url: string;
  token?: string;
  /** A JSON value, sent as application/json. */
  json?: unknown;
  /** Exact bytes or text with their own content type (malformed JSON, duplicate keys, forms). */
  raw?: BodyInit;
  headers?: Record<string, string>;
  /** The url is from the root (routes outside /api/v1, e.g. /media/…). */
  root?: boolean;
};

export async function send(t: T, s: Sent): Promise<Res> {
  const r = s.root ? await rootRequest(t, s) : await t.req(s.method, s.url, { token: s.token, body: s.json, raw: s.raw, headers: s.headers });
  // Callbacks of the sandbox gateway land after the answer: let them, so that what a request
  // changed is counted for that request and not the next one.
  await t.gateway.settled();
  return r;
}

async function rootRequest(t: T, s: Sent): Promise<Res> {
  const headers: Record<string, string> = { ...s.headers, ...(s.token ? { authorization: `Bearer ${s.token}` } : {}) };
  const r = await t.app.request(s.url, { method: s.method, headers, body: s.raw });
  const text = r.headers.get('content-type')?.startsWith('image/') ? `[${(await r.arrayBuffer()).byteLength} bytes]` : await r.text();
  let json: Res['json'] = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: r.status, json, text, headers: r.headers };
}

export function classOf(status: number): Cls | `${number}` {
  if (status >= 200 && status < 300) return '2xx';
  if (status === 401 || status === 403 || status === 404) return String(status) as Cls;
  if (status >= 400 && status < 500) return '4xx';
  return String(status) as `${number}`;
}

/** Every refusal is RFC 9457 problem+json whose `status` is the HTTP status, with a `code`. */
export function problemIssue(r: Res): string | null {
  if (r.status < 400) return null;
  const type = r.headers.get('content-type') ?? '';
  if (!type.includes('application/problem+json')) return `content-type ${type || '(none)'}, not application/problem+json`;
  if (!r.json || typeof r.json !== 'object') return 'body is not a JSON object';
  if (r.json.status !== r.status) return `problem status ${JSON.stringify(r.json.status)} ≠ HTTP ${r.status}`;
  if (typeof r.json.code !== 'string' || !r.json.code) return 'problem has no code';
  return null;
}

export const brief = (r: Res) => `${r.status} ${r.json?.code ?? ''} ${r.text.slice(0, 160).replace(/\s+/g, ' ')}`;
