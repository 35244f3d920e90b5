// EXPLAIN (ANALYZE, BUFFERS) of the recommended feed's statements (interest profile and each
// candidate set), the exact SQL the repo functions send, on the feed benchmark's community
// (feed-data.ts: 100k notes, 2,000 members) with varied tags, views, searches and items.
//   npx tsx bench/recommend-explain.ts            (BENCH_NOTES=20000 for a quick look)
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { startEmbeddedPostgres } from '../apps/api/src/db/embedded.ts';
import { migrate } from '../apps/api/src/db/migrate.ts';
import type { DB } from '../apps/api/src/db/types.ts';
import * as rec from '../apps/api/src/modules/discovery/recommend-repo.ts';
import { parseQuery } from '../apps/api/src/modules/search/query.ts';
import { DEFAULT_SHAPE, generate } from './feed-data.ts';

const shape = { ...DEFAULT_SHAPE, notes: Number(process.env.BENCH_NOTES ?? DEFAULT_SHAPE.notes) };

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'jishi-rec-'));
  chmodSync(dir, 0o755);
  const pgEmbedded = await startEmbeddedPostgres(join(dir, 'db'));
  const pool = new pg.Pool({ connectionString: pgEmbedded.url, max: 4 });
  try {
    await migrate(pool);
    const f = await generate(pool, shape);
    const TAGS = ['露营', '烘焙', '多肉', '家电', '数码', '搬家清仓', '穿搭', '猫', '考研', '骑行'];
    await pool.query(`UPDATE notes SET tags = ARRAY[($1::text[])[1 + (hashtext(id) & 1023) % 10], ($1::text[])[1 + (hashtext(id || 'x') & 1023) % 10]],
      collect_count = like_count % 13, comment_count = like_count % 5, search_vector = to_tsvector('simple', title || ' ' || array_to_string(tags, ' '))`, [TAGS]);
    // Points over a 100 km square for one note in two.
    await pool.query(`UPDATE notes SET lat = 31.0 + ((hashtext(id) & 65535) / 65535.0), lng = 121.0 + ((hashtext(id || 'y') & 65535) / 65535.0) WHERE hashtext(id) % 2 = 0`);
    // The viewer: views of 300 notes, 20 searches, orders are left out (no items in the fixture).
    await pool.query(`INSERT INTO member_views (user_id, target_type, target_id, day, count, last_at)
      SELECT $1, 'note', n.id, (n.created_at)::date, 1 + (n.like_count % 3), n.created_at FROM notes n ORDER BY n.created_at DESC LIMIT 300`, [f.viewerId]);
    await pool.query(`INSERT INTO member_searches (user_id, query, day, count, last_at)
      SELECT $1, q, (now() - g * interval '1 day')::date, 1, now() - g * interval '1 day' FROM unnest(ARRAY['露营','帐篷','笔记 12']) q, generate_series(1, 7) g`, [f.viewerId]);
    await pool.query('ANALYZE');
    let captured: { sql: string; parameters: readonly unknown[] } | null = null;
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool }),
      plugins: [new CamelCasePlugin()],
      log: (e) => {
        captured = { sql: e.query.sql, parameters: e.query.parameters };
      },
    });
    const asOf = new Date();
    const profile = await rec.interestProfile(db, f.viewerId, asOf);
    const tags = profile.filter((p) => p.kind === 'tag').slice(0, 8).map((p) => p.key);
    const tsq = parseQuery('露营')?.strict ?? "'露营'";
    const cases: [string, () => Promise<unknown>][] = [
      ['interest profile (likes, collects, views, searches, orders)', () => rec.interestProfile(db, f.viewerId, asOf)],
      ['followed authors (200 followees)', () => rec.followedCandidates(db, f.viewerId, asOf)],
      [`interest tags (${tags.length})`, () => rec.tagCandidates(db, f.viewerId, tags, asOf)],
      ['category (notes with items on sale)', () => rec.categoryCandidates(db, f.viewerId, ['digital', 'furniture'], asOf)],
      ['a searched query (露营)', () => rec.queryCandidates(db, f.viewerId, [tsq], asOf)],
      ['nearby 10 km', () => rec.nearbyCandidates(db, f.viewerId, { lat: 31.5, lng: 121.5, radiusKm: 10 }, asOf)],
      ['popular and fresh (member)', () => rec.popularCandidates(db, f.viewerId, asOf)],
      ['popular and fresh (visitor)', () => rec.popularCandidates(db, null, asOf)],
    ];
    console.log(`${shape.notes} notes, ${shape.users} members; profile: ${profile.length} interests`);
    for (const [name, run] of cases) {
      captured = null;
      await run();
      const q = captured as { sql: string; parameters: readonly unknown[] } | null;
      if (!q) throw new Error(`no query for ${name}`);
      await pool.query(`EXPLAIN (ANALYZE) ${q.sql}`, [...q.parameters]); // warm
      const r = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${q.sql}`, [...q.parameters]);
      const plan = r.rows.map((row) => row['QUERY PLAN'] as string);
      console.log(`\n### ${name}\n${plan.join('\n')}`);
    }
  } finally {
    await pool.end();
    await pgEmbedded.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
