// The market for `npm run bench`: members, photos, items, notes, likes, follows, orders and a
// stall, written with set-based SQL (INSERT … SELECT generate_series, in chunks for the
// progress bar) — minutes for 1M rows, not hours of API calls.
//
// Rows are what the app itself would have written:
// - search vectors come from the app's own itemVector / noteVector (jieba, folding, weights):
//   titles are drawn from a few hundred templates, each template's vector is computed once in
//   Node and assigned in SQL to every row that uses it;
// - credit scores are computed by the app's credit sweep (sweepCredit), not invented;
// - what triggers would have done (note_tags, published photos) is done in the same way here,
//   because the bulk load runs with session_replication_role = replica (no per-row FK checks or
//   triggers: ids are computed, so every reference is right by construction);
// - counters (like_count) equal the rows they count.
//
// Ids are computed (16 hex digits, a table prefix and the row number) so that references are
// arithmetic instead of look-ups: user g is u(g), the seller of item g is seller(g), and so on.
import type pg from 'pg';
import { itemVector, noteVector } from '../apps/api/src/modules/search/indexer.ts';

export type Scale = { name: string; users: number; items: number; notes: number; likesPerNote: number; orders: number; stallOffers: number };

export const SCALES: Record<'full' | 'quick', Scale> = {
  full: { name: '1M', users: 100_000, items: 1_000_000, notes: 1_000_000, likesPerNote: 10, orders: 1_000_000, stallOffers: 5_000 },
  quick: { name: '100k', users: 10_000, items: 100_000, notes: 100_000, likesPerNote: 10, orders: 100_000, stallOffers: 2_000 },
};

/** Ids by row number: prefix digit + 15 hex digits. */
export const idSql = (prefix: string, n: string) => `('${prefix}' || lpad(to_hex(${n}), 15, '0'))`;
export const idOf = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(15, '0')}`;
export const P = { user: '1', item: '2', note: '3', media: '4', order: '5', comment: '6' } as const;

/** The seller of item g and the author of note g (the same member: note g can show item g). */
const ownerSql = (g: string, users: number) => `(CASE WHEN ${g} % 20 = 0 THEN 3 ELSE 1 + ((${g} - 1)::bigint * 7919) % ${users} END)`;

const CITIES = [
  { name: '上海', lat: 31.23, lng: 121.47 },
  { name: '杭州', lat: 30.27, lng: 120.15 },
  { name: '北京', lat: 39.9, lng: 116.4 },
  { name: '广州', lat: 23.13, lng: 113.26 },
];
export const VIEWER_POINT = { lat: 31.23, lng: 121.47 };

const PRODUCTS: [string, string][] = [
  ['iPhone13 128G', 'digital'], ['iPad Air 5', 'digital'], ['MacBook Pro 14', 'digital'], ['索尼降噪耳机', 'digital'], ['小米显示器 27寸', 'digital'],
  ['佳能相机 EOS R50', 'digital'], ['任天堂 Switch', 'digital'], ['机械键盘', 'digital'], ['宜家书桌', 'furniture'], ['实木餐桌', 'furniture'],
  ['布艺沙发', 'furniture'], ['人体工学椅', 'furniture'], ['双人床垫', 'furniture'], ['美的空气炸锅', 'appliances'], ['戴森吹风机', 'appliances'],
  ['小熊电饭煲', 'appliances'], ['格力空调挂机', 'appliances'], ['考研数学全书', 'books'], ['三体全集', 'books'], ['英语四六级真题', 'books'],
  ['优衣库羽绒服', 'clothing'], ['耐克跑鞋 42码', 'clothing'], ['古着牛仔外套', 'clothing'], ['兰蔻小黑瓶', 'beauty'], ['婴儿推车', 'baby'],
  ['儿童安全座椅', 'baby'], ['收纳箱三件套', 'home'], ['北欧落地灯', 'home'], ['捷安特山地自行车', 'sports'], ['露营帐篷 四人', 'sports'],
  ['瑜伽垫', 'sports'], ['初音未来手办', 'anime'], ['原神谷子吧唧', 'anime'], ['龟背竹 大盆', 'plants'], ['多肉组合', 'plants'], ['搬家杂物打包', 'other'],
];
const MODIFIERS = ['九成新', '全新未拆', '自用', '搬家急出', '低价转', '毕业出'];
const NOTE_TITLES = ['周末市集淘到的好物', '搬家清仓 全部低价', '宿舍好物分享', '求购一台二手显示器', '露营装备开箱', '这家咖啡店的角落', '毕业季出闲置', '租房改造前后对比'];
const NOTE_TAGS = ['搬家清仓', '露营', '数码', '家居', '考研', '穿搭', '多肉', '骑行', '猫', '烘焙'];
const KINDS = ['note', 'note', 'stall', 'wanted'];
/** A city for row g (in runs of 10 rows): name, lat, lng. */
const CITY_SQL = `SELECT ('{${CITIES.map((x) => x.name).join(',')}}'::text[])[1 + (g / 10) % 4] AS name,
  ('{${CITIES.map((x) => x.lat).join(',')}}'::float8[])[1 + (g / 10) % 4] AS lat, ('{${CITIES.map((x) => x.lng).join(',')}}'::float8[])[1 + (g / 10) % 4] AS lng`;

type Step = { name: string; weight: number; run: (tick: (fraction: number) => void) => Promise<void> };

function progress(steps: Step[]) {
  const total = steps.reduce((s, x) => s + x.weight, 0);
  let done = 0;
  const t0 = Date.now();
  const draw = (name: string, within: number) => {
    const f = Math.min(1, (done + within) / total);
    const width = 30;
    const bar = '#'.repeat(Math.round(f * width)).padEnd(width, '-');
    process.stderr.write(`\r[${bar}] ${(f * 100).toFixed(0).padStart(3)}%  ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s  ${name.padEnd(40)}`);
  };
  return {
    async run() {
      for (const s of steps) {
        const ts = Date.now();
        draw(s.name, 0);
        await s.run((fr) => draw(s.name, fr * s.weight));
        done += s.weight;
        draw(s.name, 0);
        if (process.env.BENCH_VERBOSE) process.stderr.write(`\n  ${s.name}: ${Date.now() - ts} ms\n`);
      }
      process.stderr.write('\n');
    },
  };
}

/** Runs `sql` with $1 = from, $2 = to over [1, n] in chunks, reporting progress. */
async function chunked(c: pg.PoolClient, n: number, chunk: number, sql: string, tick: (f: number) => void) {
  for (let from = 1; from <= n; from += chunk) {
    const to = Math.min(n, from + chunk - 1);
    await c.query(sql, [from, to]);
    tick(to / n);
  }
}

export type Market = { viewerId: string; sellerId: string; stallNoteId: string; noteId: string; itemId: string; scale: Scale; seconds: number };

export function marketFacts(scale: Scale): Omit<Market, 'seconds'> {
  const stall = scale.notes - 2; // kind stall (n % 4 = 2) near the top of the feed
  return {
    viewerId: idOf(P.user, 1),
    sellerId: idOf(P.user, 3),
    stallNoteId: idOf(P.note, stall),
    noteId: idOf(P.note, scale.notes - 4),
    itemId: idOf(P.item, scale.items - 7),
    scale,
  };
}

const tableExists = async (c: pg.PoolClient, t: string) =>
  (await c.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [t])).rows[0].ok as boolean;

/** Drops a table's plain indexes (not those behind constraints) for the load; returns their definitions. */
async function dropIndexes(c: pg.PoolClient, tables: string[]): Promise<string[]> {
  const r = await c.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [tables],
  );
  for (const row of r.rows) await c.query(`DROP INDEX ${row.name}`);
  return r.rows.map((row) => row.def as string);
}

export async function generateMarket(pool: pg.Pool, scale: Scale): Promise<Market> {
  const t0 = Date.now();
  const { users: U, items: I, notes: N, orders: O } = scale;
  const c = await pool.connect();
  try {
    await c.query(`SET session_replication_role = replica; SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '64MB'`);
    // Vectors per template, from the app's own indexer.
    const itemTemplates = PRODUCTS.flatMap(([p, cat]) => MODIFIERS.map((m) => ({ title: `${m} ${p}`, category: cat, description: `${p}，${m}，可小刀，同城自提优先。` })));
    const itemVec = itemTemplates.map((t) => itemVector({ ...t, price: 100 }));
    const itemVecFree = itemTemplates.map((t) => itemVector({ ...t, price: 0 }));
    const noteTemplates = NOTE_TITLES.flatMap((title, i) =>
      KINDS.map((kind, k) => {
        const tags = [NOTE_TAGS[(i + k) % NOTE_TAGS.length] as string, NOTE_TAGS[(i + 3 * k + 1) % NOTE_TAGS.length] as string];
        const body = `${title}。#${tags[0]} 同城面交，欢迎来聊。`;
        return { title, kind, tags, body };
      }),
    );
    const noteVec = noteTemplates.map((t) => noteVector(t));
    const cities = CITIES.map((x) => x.name);
    let indexDefs: string[] = [];
    const big = ['users', 'media', 'items', 'item_images', 'notes', 'note_images', 'note_items', 'note_likes', 'follows', 'orders', 'comments', 'note_tags'];
    const steps: Step[] = [
      { name: 'drop secondary indexes for the load', weight: 1, run: async () => { indexDefs = await dropIndexes(c, big); } },
      {
        name: `members (${U})`, weight: U / 20_000,
        run: (tick) => chunked(c, U, 50_000, `
          INSERT INTO users (id, username, password_hash, display_name, city, created_at, verified_at, id_number_enc, avatar_id)
          SELECT ${idSql(P.user, 'g')}, 'bm_' || g, 'not-a-hash', '集市用户' || g, ('{${cities.join(',')}}'::text[])[1 + g % 4],
                 now() - (g % 700) * interval '1 day',
                 CASE WHEN g % 3 = 0 THEN now() - (g % 600) * interval '1 day' END, CASE WHEN g % 3 = 0 THEN 'bench' END,
                 CASE WHEN g % 2 = 0 THEN ${idSql(P.media, '2 * g')} END
          FROM generate_series($1::int, $2::int) g`, tick),
      },
      {
        name: `photos (${2 * U})`, weight: U / 10_000,
        run: (tick) => chunked(c, 2 * U, 100_000, `
          INSERT INTO media (id, owner_id, kind, width, height, bytes, variants, published_at, created_at)
          SELECT ${idSql(P.media, 'g')}, ${idSql(P.user, '(g + 1) / 2')}, 'photo', 1080, CASE WHEN g % 2 = 0 THEN 1440 ELSE 1080 END, 120000,
                 ARRAY['thumb','card','detail','avatar'], now(), now() - interval '1 year'
          FROM generate_series($1::int, $2::int) g`, tick),
      },
      {
        name: `items (${I})`, weight: I / 10_000,
        run: async (tick) => {
          await c.query(`CREATE TEMP TABLE tpl_items AS SELECT ord - 1 AS k, t, cat, d, v::tsvector AS v, vf::tsvector AS vf
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS x(t, cat, d, v, vf, ord)`,
            [itemTemplates.map((t) => t.title), itemTemplates.map((t) => t.category), itemTemplates.map((t) => t.description), itemVec, itemVecFree]);
          const nt = itemTemplates.length;
          await chunked(c, I, 50_000, `
            INSERT INTO items (id, seller_id, title, description, price, quantity, available, delivery, shipping_fee, category, condition,
                               lat, lng, location_label, withdrawn_at, created_at, updated_at, search_vector)
            SELECT ${idSql(P.item, 'g')}, ${idSql(P.user, ownerSql('g', U))}, tpl.t, tpl.d,
                   p.price, q.qty, CASE WHEN g % 7 = 0 THEN 0 ELSE q.qty END,
                   ('{"{pickup}","{shipping,pickup}","{pickup,shipping}"}'::text[])[1 + g % 3]::text[],
                   CASE WHEN g % 3 = 1 AND g % 2 = 0 THEN 1000 ELSE 0 END,
                   tpl.cat, (ARRAY['new','like_new','light_wear','visible_wear'])[1 + g % 4],
                   CASE WHEN g % 10 < 7 THEN round((cy.lat + ((g * 37) % 600 - 300) / 1000.0)::numeric, 3) END,
                   CASE WHEN g % 10 < 7 THEN round((cy.lng + ((g * 53) % 600 - 300) / 1000.0)::numeric, 3) END,
                   CASE WHEN g % 10 < 7 THEN cy.name ELSE '' END,
                   CASE WHEN g % 31 = 0 THEN ts.at + interval '1 day' END, ts.at, ts.at,
                   CASE WHEN p.price = 0 THEN tpl.vf ELSE tpl.v END
            FROM generate_series($1::int, $2::int) g
            JOIN tpl_items tpl ON tpl.k = g % ${nt}
            CROSS JOIN LATERAL (SELECT CASE WHEN g % 50 = 0 THEN 0 ELSE 500 + ((g::bigint * 7907) % 2000) * 100 END AS price) p
            CROSS JOIN LATERAL (SELECT CASE WHEN g % 9 = 0 THEN 5 ELSE 1 END AS qty) q
            CROSS JOIN LATERAL (SELECT date_trunc('milliseconds', now() - (${I} - g) * interval '${Math.round((365 * 86400_000) / I)} milliseconds') AS at) ts
            CROSS JOIN LATERAL (${CITY_SQL}) cy`, tick);
        },
      },
      {
        name: 'item photos', weight: I / 20_000,
        run: (tick) => chunked(c, I, 100_000, `
          INSERT INTO item_images (item_id, position, media_id)
          SELECT ${idSql(P.item, 'g')}, pos - 1, ${idSql(P.media, `2 * ${ownerSql('g', U)} - 2 + pos`)}
          FROM generate_series($1::int, $2::int) g, generate_series(1, 2) pos WHERE pos = 1 OR g % 2 = 0`, tick),
      },
      {
        name: `notes (${N})`, weight: N / 10_000,
        run: async (tick) => {
          await c.query(`CREATE TEMP TABLE tpl_notes AS SELECT ord - 1 AS k, t, kind, tags, b, v::tsvector AS v
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS x(t, kind, tags, b, v, ord)`,
            [noteTemplates.map((t) => t.title), noteTemplates.map((t) => t.kind), noteTemplates.map((t) => `{${t.tags.join(',')}}`), noteTemplates.map((t) => t.body), noteVec]);
          // Template k = (title i, kind k): kind must follow g % 4, so k = 4 * (g / 4 % titles) + g % 4.
          await chunked(c, N, 50_000, `
            INSERT INTO notes (id, author_id, kind, title, body, explicit_tags, tags, cover_id, image_count, lat, lng, location_label,
                               like_count, created_at, updated_at, search_vector)
            SELECT ${idSql(P.note, 'g')}, ${idSql(P.user, ownerSql('g', U))}, tpl.kind, tpl.t, tpl.b, tpl.tags::text[], tpl.tags::text[],
                   CASE WHEN g % 5 <> 4 THEN ${idSql(P.media, `2 * ${ownerSql('g', U)} - 1`)} END, CASE WHEN g % 5 <> 4 THEN 1 ELSE 0 END,
                   CASE WHEN g % 2 = 0 THEN round((cy.lat + ((g * 37) % 600 - 300) / 1000.0)::numeric, 3) END,
                   CASE WHEN g % 2 = 0 THEN round((cy.lng + ((g * 53) % 600 - 300) / 1000.0)::numeric, 3) END,
                   CASE WHEN g % 2 = 0 THEN cy.name ELSE '' END,
                   (g * 7) % ${2 * scale.likesPerNote + 1}, ts.at, ts.at, tpl.v
            FROM generate_series($1::int, $2::int) g
            JOIN tpl_notes tpl ON tpl.k = 4 * ((g / 4) % ${NOTE_TITLES.length}) + g % 4
            CROSS JOIN LATERAL (SELECT date_trunc('milliseconds', now() - (${N} - g) * interval '${Math.round((365 * 86400_000) / N)} milliseconds') AS at) ts
            CROSS JOIN LATERAL (${CITY_SQL}) cy`, tick);
        },
      },
      {
        name: 'note photos, items in notes, tags', weight: N / 20_000,
        run: async (tick) => {
          await chunked(c, N, 200_000, `INSERT INTO note_images (note_id, position, media_id)
            SELECT ${idSql(P.note, 'g')}, 0, ${idSql(P.media, `2 * ${ownerSql('g', U)} - 1`)} FROM generate_series($1::int, $2::int) g WHERE g % 5 <> 4`, (f) => tick(f / 2));
          await c.query(`INSERT INTO note_items (note_id, position, item_id)
            SELECT ${idSql(P.note, 'g')}, 0, ${idSql(P.item, 'g')} FROM generate_series(1, ${Math.min(N, I)}) g WHERE g % 5 = 0`);
          if (await tableExists(c, 'note_tags')) {
            // What the note_tags_insert trigger (0025) writes for every note.
            await chunked(c, N, 200_000, `INSERT INTO note_tags (tag, note_id, created_at)
              SELECT DISTINCT t, n.id, n.created_at FROM notes n, unnest(n.tags) t
              WHERE n.id BETWEEN ${idSql(P.note, '$1::int')} AND ${idSql(P.note, '$2::int')} ON CONFLICT DO NOTHING`, (f) => tick(0.5 + f / 2));
          }
        },
      },
      {
        name: `likes (~${scale.likesPerNote * N})`, weight: (scale.likesPerNote * N) / 20_000,
        // Note g has (g * 7) % (2k + 1) likes (its like_count), by distinct members (stride 7919 is prime to U).
        run: (tick) => chunked(c, N, 25_000, `
          INSERT INTO note_likes (user_id, note_id, created_at)
          SELECT ${idSql(P.user, `1 + (g * 131 + j * 7919) % ${U}`)}, ${idSql(P.note, 'g')},
                 date_trunc('milliseconds', now() - (${N} - g) * interval '${Math.round((365 * 86400_000) / N)} milliseconds' + j * interval '1 minute')
          FROM generate_series($1::int, $2::int) g, generate_series(1, (g * 7) % ${2 * scale.likesPerNote + 1}) j`, tick),
      },
      {
        name: 'follows (20 each, the viewer 200)', weight: U / 5_000,
        run: async (tick) => {
          await chunked(c, U, 20_000, `
            INSERT INTO follows (follower_id, followee_id, created_at)
            SELECT ${idSql(P.user, 'f')}, ${idSql(P.user, `1 + (f * 31 + k * 97) % ${U}`)}, date_trunc('milliseconds', now() - k * interval '1 day')
            FROM generate_series(greatest($1::int, 2), $2::int) f, generate_series(1, 20) k WHERE 1 + (f * 31 + k * 97) % ${U} <> f`, (f) => tick(f * 0.95));
          await c.query(`INSERT INTO follows (follower_id, followee_id, created_at)
            SELECT ${idSql(P.user, '1')}, ${idSql(P.user, `2 + (k * 37) % ${U - 1}`)}, date_trunc('milliseconds', now() - k * interval '1 hour')
            FROM generate_series(1, 200) k ON CONFLICT DO NOTHING`);
        },
      },
      {
        name: `orders (${O})`, weight: O / 10_000,
        // Order g buys one unit of item 1 + (g * 104729) % I from a member who is not its seller.
        run: (tick) => chunked(c, O, 50_000, `
          INSERT INTO orders (id, item_id, buyer_id, seller_id, quantity, unit_price, item_total, shipping_fee, total, fee, seller_proceeds, fee_bps,
                              delivery, item_snapshot, status, pickup_code, expires_at, paid_at, completed_at, cancelled_at, cancel_reason, created_at, updated_at)
          SELECT ${idSql(P.order, 'g')}, i.id, ${idSql(P.user, 'b.n')}, i.seller_id, 1, i.price, i.price, 0, i.price, i.price / 100, i.price - i.price / 100, 100,
                 'pickup', jsonb_build_object('title', i.title, 'category', i.category, 'condition', i.condition, 'version', i.version),
                 st.s, lpad((g % 1000000)::text, 6, '0'), i.created_at + interval '15 minutes',
                 CASE WHEN st.s IN ('paid', 'completed') THEN i.created_at + interval '5 minutes' END,
                 CASE WHEN st.s = 'completed' THEN i.created_at + interval '2 days' END,
                 CASE WHEN st.s = 'cancelled' THEN i.created_at + interval '1 hour' END,
                 CASE WHEN st.s = 'cancelled' THEN 'buyer' END,
                 i.created_at + interval '1 minute', i.created_at + interval '2 days'
          FROM generate_series($1::int, $2::int) g
          JOIN items i ON i.id = ${idSql(P.item, `1 + (g::bigint * 104729) % ${I}`)}
          CROSS JOIN LATERAL (SELECT CASE WHEN 1 + (g * 17) % ${U} = ${ownerSql(`(1 + (g::bigint * 104729) % ${I})`, U)} THEN 1 + (g * 17 + 1) % ${U} ELSE 1 + (g * 17) % ${U} END AS n) b
          CROSS JOIN LATERAL (SELECT CASE WHEN g % 100 < 88 THEN 'completed' WHEN g % 100 < 93 THEN 'paid' WHEN g % 100 < 97 THEN 'cancelled' ELSE 'pending_payment' END AS s) st`, tick),
      },
      {
        name: `a stall with ${scale.stallOffers} items offered`, weight: 1,
        run: async () => {
          const f = marketFacts(scale);
          await c.query(`UPDATE notes SET comment_count = $2 WHERE id = $1`, [f.stallNoteId, scale.stallOffers]);
          await c.query(`
            INSERT INTO comments (id, note_id, author_id, body, item_id, created_at)
            SELECT ${idSql(P.comment, 'k')}, $1, i.seller_id, '我也出一件', i.id, date_trunc('milliseconds', now() - k * interval '1 minute')
            FROM generate_series(1, $2::int) k JOIN items i ON i.id = ${idSql(P.item, `1 + (k * 193) % ${I}`)}`, [f.stallNoteId, scale.stallOffers]);
        },
      },
      {
        name: "the viewer's signals (views, searches)", weight: 1,
        run: async () => {
          const f = marketFacts(scale);
          await c.query(`INSERT INTO member_views (user_id, target_type, target_id, day, count, last_at)
            SELECT $1, 'note', n.id, (n.created_at)::date, 1 + (n.like_count % 3), n.created_at FROM notes n ORDER BY n.created_at DESC LIMIT 300`, [f.viewerId]);
          await c.query(`INSERT INTO member_searches (user_id, query, day, count, last_at)
            SELECT $1, q, (now() - g * interval '1 day')::date, 1, now() - g * interval '1 day'
            FROM unnest(ARRAY['露营','帐篷','显示器']) q, generate_series(1, 7) g`, [f.viewerId]);
        },
      },
      {
        name: 'rebuild indexes', weight: (I + N + scale.likesPerNote * N) / 40_000,
        run: async (tick) => {
          for (const [i, def] of indexDefs.entries()) {
            await c.query(def);
            tick((i + 1) / indexDefs.length);
          }
        },
      },
      { name: 'ANALYZE', weight: (I + N + scale.likesPerNote * N) / 200_000, run: async () => { await c.query('ANALYZE'); } },
      {
        name: 'credit scores (the app computes them)', weight: U / 2_000,
        // The app's own refreshCredit (what the credit-refresh sweep runs), on every member, four
        // batches at a time; after it no score is dirty, so the server's sweep stays idle.
        run: async (tick) => {
          await c.query(`INSERT INTO credit_scores (user_id) SELECT id FROM users ON CONFLICT DO NOTHING`);
          const { refreshCredit } = await import('../apps/api/src/modules/trust/credit-repo.ts');
          const { CamelCasePlugin, Kysely, PostgresDialect } = await import('kysely');
          const db = new Kysely<import('../apps/api/src/db/types.ts').DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
          const now = new Date();
          let next = 1;
          let done = 0;
          const worker = async () => {
            while (next <= U) {
              const from = next;
              next += 500;
              const ids = Array.from({ length: Math.min(500, U - from + 1) }, (_, k) => idOf(P.user, from + k));
              await refreshCredit(db, ids, now);
              done += ids.length;
              tick(done / U);
            }
          };
          await Promise.all([worker(), worker(), worker(), worker()]);
        },
      },
      { name: 'VACUUM ANALYZE', weight: (I + N + scale.likesPerNote * N) / 100_000, run: async () => { await c.query('RESET session_replication_role'); await c.query('VACUUM ANALYZE'); } },
    ];
    await progress(steps).run();
    const seconds = Math.round((Date.now() - t0) / 1000);
    await c.query(`CREATE TABLE IF NOT EXISTS bench_meta (scale text PRIMARY KEY, generated_at timestamptz NOT NULL, seconds int NOT NULL)`);
    await c.query(`INSERT INTO bench_meta VALUES ($1, now(), $2) ON CONFLICT (scale) DO UPDATE SET generated_at = now(), seconds = $2`, [scale.name, seconds]);
    return { ...marketFacts(scale), seconds };
  } finally {
    c.release();
  }
}

/** The market already in this database, if it was generated at this scale. */
export async function existingMarket(pool: pg.Pool, scale: Scale): Promise<Market | null> {
  const ok = (await pool.query(`SELECT to_regclass('bench_meta') IS NOT NULL AS ok`)).rows[0].ok;
  if (!ok) return null;
  const r = await pool.query(`SELECT seconds FROM bench_meta WHERE scale = $1`, [scale.name]);
  return r.rows[0] ? { ...marketFacts(scale), seconds: r.rows[0].seconds } : null;
}


