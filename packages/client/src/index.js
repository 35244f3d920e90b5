// @jishi/client: a typed client for the Jishi 集市 HTTP API. The types (schema.d.ts) are
// generated from the server's OpenAPI document; the runtime is openapi-fetch, so a call is
// `client.GET('/api/v1/items/{id}', { params: { path: { id } } })` → `{ data, error, response }`.
// Plain JavaScript with hand-written types beside it, so the package needs no build step.
import createFetchClient from 'openapi-fetch';

/** @param {import('./index.d.ts').JishiClientOptions} [options] */
export function createClient(options = {}) {
  const { baseUrl = '', token, headers, ...rest } = options;
  return createFetchClient({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    ...rest,
  });
}

/** A problem+json answer (RFC 9457) as an Error: switch on `code`, never on the words. */
export class ProblemError extends Error {
  constructor(status, problem) {
    const p = problem && typeof problem === 'object' ? problem : {};
    super(typeof p.detail === 'string' && p.detail ? p.detail : `HTTP ${status}`);
    this.name = 'ProblemError';
    this.status = status;
    this.code = typeof p.code === 'string' ? p.code : `http_${status}`;
    this.problem = p;
  }
}

/** Resolves to `data`, or throws a ProblemError for a 4xx/5xx answer. */
export async function unwrap(result) {
  const { data, error, response } = await result;
  if (!response.ok) throw new ProblemError(response.status, error);
  return data;
}
