// The API's import graph and the rules it keeps (docs/ARCHITECTURE.md, "Module boundaries"):
//   - lib/ and db/ never import a module or the demo (they are what modules share);
//   - a module never imports a tool: demo/ (drives the modules, not a domain), cli/, openapi/;
//   - a module never reads another module's tables through that module's repo (`repo.ts`,
//     `*-repo.ts`): it calls the owner's service or its public entry (`index.ts`) instead.
// Read as text (import/export … from, import()), so it needs no build; boundaries.unit.test.ts
// holds the allowlist, cli/import-graph.ts prints the picture.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const SRC = import.meta.dirname;

export type Edge = { from: string; to: string };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

/** Every relative import inside apps/api/src, as paths relative to it (`modules/chat/repo.ts`). */
export function importGraph(root = SRC): Edge[] {
  const edges: Edge[] = [];
  for (const file of walk(root)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec?.startsWith('.')) continue;
      const target = relative(root, resolve(dirname(file), spec));
      if (target.startsWith('..')) continue; // apps/api/test, packages: outside the source tree
      edges.push({ from: relative(root, file), to: target });
    }
  }
  return edges;
}

/** `modules/chat/repo.ts` → `chat`; anything outside modules/ → its top folder (`lib`, `demo`, `cli`) or `root`. */
export function areaOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] === 'modules') return parts[1] ?? 'modules';
  return parts.length > 1 ? (parts[0] as string) : 'root';
}

export const isModule = (path: string) => path.startsWith('modules/');
const isRepo = (path: string) => /(^|\/|-)repo\.ts$/.test(path);
const isTest = (path: string) => /\.test\.ts$/.test(path);
const isTool = (path: string) => /^(demo|cli|openapi)\//.test(path);

export type Violation = { rule: 'lib-imports-module' | 'module-imports-tool' | 'foreign-repo'; from: string; to: string };

export function violations(edges: Edge[]): Violation[] {
  const out: Violation[] = [];
  for (const e of edges) {
    if (/^(lib|db)\//.test(e.from) && (isModule(e.to) || isTool(e.to))) out.push({ rule: 'lib-imports-module', ...e });
    else if (isModule(e.from) && isTool(e.to)) out.push({ rule: 'module-imports-tool', ...e });
    else if (isModule(e.from) && isModule(e.to) && isRepo(e.to) && areaOf(e.from) !== areaOf(e.to) && !isTest(e.from)) {
      out.push({ rule: 'foreign-repo', ...e });
    }
  }
  return out;
}

/** Imports of another module's files other than its public entry (index.ts), tests and fixtures aside: the next seam to close. */
export function internalImports(edges: Edge[]): Edge[] {
  return edges.filter(
    (e) => isModule(e.from) && isModule(e.to) && !isTest(e.from) && areaOf(e.from) !== areaOf(e.to) && !/\/index\.ts$/.test(e.to),
  );
}

/** Which area imports which (module → module, lib, demo, …), with how many imports. */
export function areaGraph(edges: Edge[]): Map<string, Map<string, number>> {
  const g = new Map<string, Map<string, number>>();
  for (const e of edges) {
    if (isTest(e.from)) continue;
    const [a, b] = [areaOf(e.from), areaOf(e.to)];
    if (a === b) continue;
    const row = g.get(a) ?? new Map<string, number>();
    row.set(b, (row.get(b) ?? 0) + 1);
    g.set(a, row);
  }
  return g;
}
