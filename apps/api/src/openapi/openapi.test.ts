// The document the server publishes is the one `npm run api:client` generates in-process.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers.ts';
import { generateDocument } from './generate.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});

describe('GET /api/v1/openapi.json', () => {
  it('serves the generated document, with operationIds, security and problem answers', async () => {
    const r = await t.req('GET', '/openapi.json');
    expect(r.status).toBe(200);
    expect(r.json).toEqual(JSON.parse(JSON.stringify(generateDocument())));
    const pay = r.json.paths['/api/v1/orders/{id}/pay'].post;
    expect(pay.operationId).toBe('payOrder');
    expect(pay.security).toEqual([{ Bearer: [] }, { SessionCookie: [] }]);
    expect(pay.responses['402']).toEqual({ $ref: '#/components/responses/Problem402' });
    expect(r.json.paths['/api/v1/auth/login'].post.security).toEqual([]);
  });
});
