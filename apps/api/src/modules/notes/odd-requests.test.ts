// Requests the hostile-input corpus found answering 500: each is bad input (or nothing to do),
// answered as such, never a 5xx.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { encodeCursor } from '../../lib/pagination.ts';

const t = await createTestApp();

describe('odd requests', () => {
  it('a forged stall-grid cursor is 400 invalid_cursor', async () => {
    const u = await t.user();
    const note = await t.req('POST', '/notes', { token: u.token, body: { title: '周末电子地摊', kind: 'stall' } });
    expect(note.status).toBe(201);
    for (const cursor of [encodeCursor(['not a date', '0000a1b2c3d4e5f6']), encodeCursor([12, 'x']), encodeCursor(['2026-01-01T00:00:00Z', 7])]) {
      expectProblem(await t.req('GET', `/notes/${note.json.id}/items?cursor=${cursor}`), 400, 'invalid_cursor');
    }
    expectProblem(await t.req('GET', `/notes/${note.json.id}/items?sort=price_asc&cursor=${encodeCursor(['2026-01-01', '0000a1b2c3d4e5f6'])}`), 400, 'invalid_cursor');
  });

  it('an empty profile patch changes nothing and answers the profile', async () => {
    const u = await t.user();
    const r = await t.req('PATCH', '/me', { token: u.token, body: {} });
    expect(r.status).toBe(200);
    expect(r.json.id).toBe(u.id);
  });
});
