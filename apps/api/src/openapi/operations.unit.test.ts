// Every operation in the document has its entry in operations.ts: a stable operationId (the
// client's method name), a summary, and security that matches what the route enforces.
import { describe, expect, it } from 'vitest';
import { MATRIX } from '../safety/operations.ts';
import { METHODS, type Operation } from './document.ts';
import { generateDocument, mountedRoutes } from './generate.ts';
import { OPERATIONS } from './operations.ts';

const PREFIX = '/api/v1';
const doc = generateDocument();
const ops: { key: string; op: Operation }[] = Object.entries(doc.paths).flatMap(([path, item]) =>
  METHODS.flatMap((m) => (item[m] ? [{ key: `${m.toUpperCase()} ${path.slice(PREFIX.length)}`, op: item[m] }] : [])),
);

describe('the OpenAPI operations registry', () => {
  it('has an entry for every route (add one to openapi/operations.ts for a new route)', () => {
    const missing = ops.filter(({ key }) => !OPERATIONS[key]).map(({ key }) => `  '${key}': { id: 'TODO', summary: 'TODO' },`);
    expect(missing, `routes without an entry:\n${missing.join('\n')}`).toEqual([]);
  });

  it('has no entry for a route that no longer exists', () => {
    const keys = new Set(ops.map((o) => o.key));
    expect(Object.keys(OPERATIONS).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('gives every operation a unique camelCase operationId and a summary, said in one place', () => {
    const ids = ops.map(({ op }) => op.operationId);
    expect(ids.filter((id) => !/^[a-z][a-zA-Z0-9]*$/.test(id ?? ''))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ops.filter(({ op }) => !op.summary?.trim()).map((o) => o.key)).toEqual([]);
    // A summary the route declares is not repeated (and so cannot drift) in the registry.
    const raw = mountedRoutes().getOpenAPI31Document({ openapi: '3.1.0', info: { title: '', version: '' } });
    const routeSummaries = new Set(
      Object.entries(raw.paths ?? {}).flatMap(([path, item]) =>
        METHODS.filter((m) => item[m]?.summary).map((m) => `${m.toUpperCase()} ${path.slice(PREFIX.length)}`),
      ),
    );
    expect(Object.keys(OPERATIONS).filter((k) => OPERATIONS[k]?.summary && routeSummaries.has(k))).toEqual([]);
  });

  it('declares security as the routes enforce it: members-only exactly where a visitor gets 401', () => {
    const rows = MATRIX as Record<string, { visitor?: string }>;
    const wrong = ops
      .filter(({ key }) => rows[key]?.visitor)
      .filter(({ key, op }) => {
        const membersOnly = !!op.security?.length && op.security.every((s) => Object.keys(s).length > 0);
        return membersOnly !== (rows[key]?.visitor === '401');
      })
      .map((o) => o.key);
    expect(wrong).toEqual([]);
    expect(ops.every(({ op }) => Array.isArray(op.security))).toBe(true);
  });

  it('lists the problem answers every operation can give, with the licence third parties need', () => {
    for (const { op } of ops) {
      expect(op.responses.default).toEqual({ $ref: '#/components/responses/ProblemDefault' });
      expect(op.responses['401']).toBeDefined();
      if (op.requestBody?.content?.['application/json']) expect(op.responses['400']).toBeDefined();
    }
    expect(doc.info.license).toEqual({ name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' });
  });
});
