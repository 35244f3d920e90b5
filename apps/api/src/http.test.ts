// The plumbing every route shares: problem+json for every failure, limits, docs, headers.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../test/helpers.ts';

const t = await createTestApp();

describe('HTTP plumbing', () => {
  it('health answers ok once the database is reachable', async () => {
    const r = await t.req('GET', '/health');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'ok' });
  });

  it('unknown routes are 404 problem+json', async () => {
    expectProblem(await t.req('GET', '/no/such/route'), 404, 'not_found');
    expectProblem(await t.req('DELETE', '/health'), 404, 'not_found');
  });

  it('malformed JSON is 400 malformed_json', async () => {
    const r = await t.req('POST', '/auth/register', { raw: '{"username": "abc",', headers: { 'content-type': 'application/json' } });
    expectProblem(r, 400, 'malformed_json');
  });

  it('a body over 1 MiB is 413', async () => {
    const big = JSON.stringify({ username: 'abc', password: 'x'.repeat(1024 * 1024 + 10) });
    const r = await t.req('POST', '/auth/register', { raw: big, headers: { 'content-type': 'application/json' } });
    expectProblem(r, 413, 'payload_too_large');
  });

  it('wrong content type is 415 problem+json', async () => {
    const r = await t.req('POST', '/auth/register', { raw: 'username=abc', headers: { 'content-type': 'text/plain' } });
    expect(r.status).toBe(415);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
  });

  it.each([
    ['an array body', []],
    ['a string body', 'hello'],
    ['null', null],
    ['nested garbage', { username: { $gt: '' }, password: ['a'] }],
    ['NUL bytes', { username: 'abc_def', password: 'password12', displayName: 'bad\u0000name' }],
    ['huge strings', { username: 'u'.repeat(100_000), password: 'p'.repeat(100_000) }],
  ])('hostile input (%s) gets 4xx problem+json, never 5xx', async (_, body) => {
    const r = await t.req('POST', '/auth/register', { body });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
  });

  it('problems carry type, title, status, detail and code', async () => {
    const r = await t.req('GET', '/me');
    expect(r.json).toMatchObject({ status: 401, code: 'unauthenticated', title: 'Unauthorized' });
    expect(typeof r.json.type).toBe('string');
    expect(typeof r.json.detail).toBe('string');
  });

  it('sets security headers and a request id', async () => {
    const r = await t.req('GET', '/health');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('x-request-id')).toBeTruthy();
  });

  it('describes the API in OpenAPI 3.1, including the account routes', async () => {
    const r = await t.req('GET', '/openapi.json');
    expect(r.status).toBe(200);
    expect(r.json.openapi).toBe('3.1.0');
    for (const p of ['/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/me', '/api/v1/me/verification', '/api/v1/users/{id}']) {
      expect(Object.keys(r.json.paths)).toContain(p);
    }
  });

  it('serves interactive docs locally, without a CDN', async () => {
    const page = await t.app.request('/api/docs');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('/api/docs/assets/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    const js = await t.app.request('/api/docs/assets/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect((await js.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });
});
