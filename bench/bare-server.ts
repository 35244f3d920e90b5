// The floor for `npm run bench`: node:http + pg and nothing else. For each scenario it runs the
// statements the API sent for the same request (captured by bench/run.ts: the same SQL text and
// parameters, in the same round trips — statements the API sent side by side are sent side by
// side here too) and answers the rows as JSON. No router, validation, session logic, Kysely or
// presenter: what is left is the database's time and the cost of talking to it. Statements the
// API prepares (`/*prepared:<name>*/`) are prepared here as well.
//
//   DATABASE_URL=… PORT=… node --import tsx bench/bare-server.ts scenarios.json
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import pg from 'pg';
import { preparedName } from '../apps/api/src/db/prepared.ts';

type Statement = { text: string; values: unknown[] };
type Scenario = { slug: string; stages: Statement[][] };

const scenarios: Scenario[] = JSON.parse(readFileSync(process.argv[2] as string, 'utf8'));
const bySlug = new Map(scenarios.map((s) => [`/${s.slug}`, s]));
// The API's pool size (db/index.ts openDatabase default).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX ?? 20) });
pool.on('error', () => {});

// A statement the API sends as a named (prepared) one goes named here too, so the floor gets the
// same saving in PostgreSQL's parse and plan (db/prepared.ts).
function send(q: Statement) {
  const name = preparedName(q.text);
  return name ? pool.query({ name, text: q.text, values: q.values }) : pool.query(q.text, q.values);
}

const server = createServer(async (req, res) => {
  const s = bySlug.get(req.url ?? '');
  if (!s) return void res.writeHead(404).end();
  try {
    const out: unknown[][] = [];
    for (const stage of s.stages) {
      const results = await Promise.all(stage.map(send));
      for (const r of results) out.push(r.rows);
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
  }
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const a = server.address();
  process.stdout.write(`listening ${typeof a === 'object' && a ? a.port : ''}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
