// Module boundaries (issue 10): lib never imports a module, no module imports the demo, and no
// module reaches into another module's repo — it imports the owner's public entry (index.ts) or
// service. What cannot move yet goes on the allowlist below with its reason; anything else fails.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, internalImports, violations } from './boundaries.ts';

/** `from -> to`: imports allowed for now, and why. */
const ALLOWED: Record<string, string> = {
  // none left: a new entry needs a reason, e.g.
  // 'modules/a/x.ts -> modules/b/repo.ts': 'why it cannot go through b/index.ts yet',
};

const key = (v: { from: string; to: string }) => `${v.from} -> ${v.to}`;

describe('module boundaries', () => {
  const edges = importGraph();

  it('reads the real graph', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges).toContainEqual({ from: 'app.ts', to: 'modules/chat/routes.ts' });
  });

  it('lib and db import no module, and no module imports the demo, cli or openapi', () => {
    const bad = violations(edges).filter((v) => v.rule !== 'foreign-repo').map(key);
    expect(bad).toEqual([]);
  });

  it("no module imports another module's repo outside the allowlist", () => {
    const bad = violations(edges).filter((v) => v.rule === 'foreign-repo' && !(key(v) in ALLOWED)).map(key);
    expect(bad).toEqual([]);
  });

  it('catches each kind of crossing', () => {
    const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
    const file = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    file('lib/http.ts', "import type { X } from '../modules/orders/gateway.ts';\n");
    file('db/index.ts', "import { seedDemo } from '../demo/seed.ts';\n");
    file('modules/items/seed.ts', "export { seed } from '../../demo/seed.ts';\n");
    file('modules/offers/service.ts', "import {\n  blockState,\n} from '../chat/repo.ts';\nimport { a } from './repo.ts';\n");
    file('modules/aftersale/jury.ts', "const m = await import('../trust/credit-repo.ts');\n");
    file('modules/chat/repo.ts', "import { queueHosting } from '../assist/index.ts';\n");
    file('modules/feed/feed.test.ts', "import { findItem } from '../items/repo.ts';\n");
    const found = violations(importGraph(root)).map((v) => `${v.rule}: ${key(v)}`);
    expect(found.sort()).toEqual([
      'foreign-repo: modules/aftersale/jury.ts -> modules/trust/credit-repo.ts',
      'foreign-repo: modules/offers/service.ts -> modules/chat/repo.ts',
      'lib-imports-module: db/index.ts -> demo/seed.ts',
      'lib-imports-module: lib/http.ts -> modules/orders/gateway.ts',
      'module-imports-tool: modules/items/seed.ts -> demo/seed.ts',
    ]);
    // A public entry is fine; tests may reach in; within a module anything goes.
    expect(internalImports(importGraph(root)).map(key)).not.toContain('modules/chat/repo.ts -> modules/assist/index.ts');
  });
});
