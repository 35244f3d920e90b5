// The flash sale's profile, rounds only: bench/prof-summary.ts counts the whole life of the
// process (start-up, module loading, the scam shield's training); this counts only the samples
// from the first `POST /orders` on, per request when told how many were served, and says who
// calls the costly natives (writev: which socket) and what each app/middleware frame costs
// inclusive of what it calls.
//
//   npx tsx bench/flash-prof.ts <file.cpuprofile> [requests] [top=30]
import { readFileSync } from 'node:fs';

type Frame = { functionName: string; url: string; lineNumber: number };
type Node = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, reqArg, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: flash-prof.ts <file.cpuprofile> [requests] [top]');
const requests = Number(reqArg ?? 0);
const top = Number(topArg ?? 30);
const p: Profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const stackOf = (id: number) => {
  const out: Node[] = [];
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) out.push(byId.get(cur) as Node);
  return out; // leaf first
};
const name = (f: Frame) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/apps\//, 'apps/').replace(/^file:\/\/.*\/bench\//, 'bench/')}:${f.lineNumber + 1}`;

// The window: from the first sample inside the order service to the last non-idle sample.
const stacks = p.samples.map((id) => stackOf(id));
const first = stacks.findIndex((s) => s.some((n) => n.callFrame.functionName === 'placeOrderWithEvents'));
let last = stacks.length - 1;
while (last > first && stacks[last]?.[0]?.callFrame.functionName === '(idle)') last--;
let busy = 0;
const self = new Map<string, number>();
const incl = new Map<string, number>();
const callers = new Map<string, Map<string, number>>();
// Each busy sample charged to the nearest frame of our own code (apps/…) on its stack, with the
// package the leaf is in: what the app's code costs, including the libraries it calls.
const owner = new Map<string, number>();
const pkg = (f: Frame) => (!f.url ? f.functionName || '(native)' : (f.url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? (f.url.startsWith('node:') ? 'node' : 'app')));
for (let i = first; i <= last; i++) {
  const s = stacks[i] as Node[];
  const dt = p.timeDeltas[i] ?? 0;
  const leaf = name((s[0] as Node).callFrame);
  if (leaf.startsWith('(idle)')) continue;
  busy += dt;
  self.set(leaf, (self.get(leaf) ?? 0) + dt);
  for (const k of new Set(s.map((n) => name(n.callFrame)))) incl.set(k, (incl.get(k) ?? 0) + dt);
  const mine = s.find((n) => n.callFrame.url.includes('/apps/api/src/'));
  const o = `${mine ? name(mine.callFrame) : '(no app frame)'}  [${pkg((s[0] as Node).callFrame)}]`;
  owner.set(o, (owner.get(o) ?? 0) + dt);
  if (!s[0]?.callFrame.url) {
    // a native: who called it (the first frames with a source, up to 4)
    const chain = s.filter((n) => n.callFrame.url).slice(0, 4).map((n) => `${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.split('/').slice(-1)[0]}`).join(' < ');
    const m = callers.get(leaf) ?? new Map<string, number>();
    m.set(chain, (m.get(chain) ?? 0) + dt);
    callers.set(leaf, m);
  }
}
const per = (us: number) => (requests ? ` ${(us / 1000 / requests).toFixed(3)} ms/req` : '');
const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)}%${per(us)}`;
console.log(`${file}: ${(busy / 1000).toFixed(0)} ms busy from the first order on${per(busy)}\n\nself:`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(v)}  ${k}`);
console.log('\ninclusive (app, hono, middleware, pg, kysely, zod):');
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).filter(([k]) => /apps\/|hono|kysely|zod|pg\/|pg-pool|_http_/.test(k)).slice(0, top)) console.log(`${pct(v)}  ${k}`);
console.log('\ninclusive, our code only (apps/…):');
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).filter(([k]) => k.includes('apps/')).slice(0, top)) console.log(`${pct(v)}  ${k}`);
console.log('\nby the nearest app frame [package of the leaf]:');
for (const [k, v] of [...owner].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(v)}  ${k}`);
for (const nat of ['writev :0', 'writeUtf8String :0', 'writeBuffer :0', '(garbage collector) :0']) {
  const m = callers.get(nat);
  if (!m) continue;
  console.log(`\n${nat} called from:`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${pct(v)}  ${k}`);
}
