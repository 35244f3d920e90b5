// `npx tsx apps/api/src/cli/import-graph.ts`: prints the Mermaid picture of which module imports
// which (tests aside), read from the source as boundaries.unit.test.ts reads it. Paste the output
// into docs/ARCHITECTURE.md ("Module boundaries") after moving an import across modules.
import { areaGraph, importGraph, internalImports, violations } from '../boundaries.ts';

const edges = importGraph();
const graph = areaGraph(edges);
const TOOLS = new Set(['cli', 'demo', 'openapi', 'safety', 'root']);
const SHARED = new Set(['lib', 'db']);
const modules = [...new Set([...graph.keys(), ...[...graph.values()].flatMap((r) => [...r.keys()])])]
  .filter((a) => !TOOLS.has(a) && !SHARED.has(a))
  .sort();
const viaEntry = new Set(
  edges.filter((e) => e.from.startsWith('modules/') && /^modules\/[^/]+\/index\.ts$/.test(e.to)).map((e) => `${e.from.split('/')[1]}>${e.to.split('/')[1]}`),
);
const foreignRepo = new Set(violations(edges).filter((v) => v.rule === 'foreign-repo').map((v) => `${v.from.split('/')[1]}>${v.to.split('/')[1]}`));

const lines = ['flowchart LR'];
lines.push('  subgraph tools["tools (no module imports them)"]', '    demo; cli; openapi', '  end');
lines.push('  subgraph shared["shared (imports no module)"]', '    lib; db', '  end');
lines.push('  subgraph modules');
for (const m of modules) lines.push(`    ${m.replace(/-/g, '_')}["${m}"]`);
lines.push('  end');
lines.push('  modules --> shared', '  tools --> modules');
for (const from of modules) {
  for (const to of [...(graph.get(from)?.keys() ?? [])].sort()) {
    if (!modules.includes(to)) continue;
    const k = `${from}>${to}`;
    const arrow = foreignRepo.has(k) ? '-. repo .->' : viaEntry.has(k) ? '==>' : '-->';
    lines.push(`  ${from.replace(/-/g, '_')} ${arrow} ${to.replace(/-/g, '_')}`);
  }
}
console.log(lines.join('\n'));
const internal = internalImports(edges);
console.error(
  `${modules.length} modules, ${[...graph.values()].reduce((s, r) => s + r.size, 0)} area edges; ` +
    `${internal.length} imports of another module's files other than its index.ts; ${foreignRepo.size} module pairs still through a repo`,
);
