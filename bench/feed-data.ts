// Generates a community of the benchmark's size straight into PostgreSQL with
// INSERT … SELECT generate_series: seconds, not minutes, for 100k notes.
import type pg from 'pg';

export type Shape = { users: number; notes: number; media: number; follows: number; hotComments: number };

export const DEFAULT_SHAPE: Shape = { users: 2_000, notes: 100_000, media: 5_000, follows: 200, hotComments: 5_000 };

export type Fixture = { viewerId: string; authorId: string; hotNoteId: string; popularId: string };

export async function generate(pool: pg.Pool, s: Shape): Promise<Fixture> {
  await pool.query(
    `INSERT INTO users (username, password_hash, display_name, city)
     SELECT 'bench_' || g, 'not-a-hash', '用户' || g, (ARRAY['上海','杭州','北京','广州'])[1 + g % 4]
     FROM generate_series(1, $1::int) g`,
    [s.users],
  );
  await pool.query(
    `WITH u AS (SELECT array_agg(id ORDER BY id) AS ids FROM users)
     INSERT INTO media (owner_id, kind, width, height, bytes, variants)
     SELECT u.ids[1 + g % $2::int], 'photo', 600, CASE WHEN g % 2 = 0 THEN 800 ELSE 600 END, 50000, ARRAY['thumb','card','detail']
     FROM u, generate_series(1, $1::int) g`,
    [s.media, s.users],
  );
  // One note every 5 minutes going back ~a year, authors spread by a multiplicative hash except
  // one prolific member (bench_3) who wrote every 20th note; one in five without a photo. created_at at millisecond precision, like the app writes it.
  await pool.query(
    `WITH u AS (SELECT array_agg(id ORDER BY id) AS ids FROM users),
          m AS (SELECT array_agg(id ORDER BY id) AS ids FROM media)
     INSERT INTO notes (author_id, kind, title, body, tags, explicit_tags, cover_id, image_count, like_count, created_at, updated_at)
     SELECT CASE WHEN g % 20 = 0 THEN u.ids[3] ELSE u.ids[1 + (g * 7919) % $2::int] END, (ARRAY['note','note','stall','wanted'])[1 + g % 4],
            '笔记 ' || g, '正文 #搬家清仓 ' || g, ARRAY['搬家清仓'], ARRAY[]::text[],
            CASE WHEN g % 5 = 0 THEN NULL ELSE m.ids[1 + g % $3::int] END, CASE WHEN g % 5 = 0 THEN 0 ELSE 1 END,
            g % 97, t.ts, t.ts
     FROM u, m, generate_series(1, $1::int) g,
          LATERAL (SELECT date_trunc('milliseconds', now() - g * interval '5 minutes' - (g % 7) * interval '1 ms')) t(ts)`,
    [s.notes, s.users, s.media],
  );
  const viewerId = (await pool.query(`SELECT id FROM users WHERE username = 'bench_1'`)).rows[0].id as string;
  // The viewer follows `follows` members, likes one note in 7 and collected one in 20.
  await pool.query(
    `INSERT INTO follows (follower_id, followee_id)
     SELECT $1, id FROM users WHERE id <> $1 ORDER BY id LIMIT $2`,
    [viewerId, s.follows],
  );
  await pool.query(
    `INSERT INTO follows (follower_id, followee_id)
     SELECT id, (SELECT id FROM users WHERE username = 'bench_2') FROM users WHERE username <> 'bench_2'
     ON CONFLICT DO NOTHING`,
  );
  // Everyone else follows ~20 members, so follows is not just the two rows above.
  await pool.query(
    `WITH u AS (SELECT array_agg(id ORDER BY id) AS ids FROM users)
     INSERT INTO follows (follower_id, followee_id)
     SELECT u.ids[i], u.ids[1 + (i * 31 + k * 97) % $1::int] FROM u, generate_series(4, $1::int) i, generate_series(1, 20) k
     WHERE u.ids[i] <> u.ids[1 + (i * 31 + k * 97) % $1::int]
     ON CONFLICT DO NOTHING`,
    [s.users],
  );
  await pool.query(`INSERT INTO note_likes (user_id, note_id) SELECT $1, id FROM notes WHERE like_count % 7 = 0`, [
    viewerId,
  ]);
  await pool.query(
    `INSERT INTO note_collects (user_id, note_id, created_at)
     SELECT $1, id, date_trunc('milliseconds', created_at + interval '1 hour') FROM notes WHERE like_count % 20 = 0`,
    [viewerId],
  );
  const hotNoteId = (await pool.query(`SELECT id FROM notes ORDER BY created_at DESC LIMIT 1`)).rows[0].id as string;
  // Likes by everyone else: 5 per note on average and the whole community on the newest note,
  // so likedByMe's look-up meets notes with many likes (the planner must use the primary key).
  await pool.query(
    `WITH u AS (SELECT array_agg(id ORDER BY id) AS ids FROM users)
     INSERT INTO note_likes (user_id, note_id)
     SELECT u.ids[2 + (n.rn * 13 + k * 101) % ($1::int - 1)], n.id
     FROM u, (SELECT id, row_number() OVER () AS rn FROM notes) n, generate_series(1, 5) k
     ON CONFLICT DO NOTHING`,
    [s.users],
  );
  await pool.query(
    `INSERT INTO note_likes (user_id, note_id) SELECT u.id, $1 FROM users u WHERE u.id <> $2 ON CONFLICT DO NOTHING`,
    [hotNoteId, viewerId],
  );
  await pool.query(
    `WITH u AS (SELECT array_agg(id ORDER BY id) AS ids FROM users)
     INSERT INTO comments (note_id, author_id, body, created_at)
     SELECT $1, u.ids[1 + g % $3::int], '评论 ' || g, date_trunc('milliseconds', now() - g * interval '1 second')
     FROM u, generate_series(1, $2::int) g`,
    [hotNoteId, s.hotComments, s.users],
  );
  await pool.query(
    `INSERT INTO comments (note_id, author_id, parent_id, body, created_at)
     SELECT c.note_id, c.author_id, c.id, '回复', date_trunc('milliseconds', c.created_at + k * interval '1 second')
     FROM comments c, generate_series(1, 5) k WHERE c.note_id = $1 AND c.parent_id IS NULL`,
    [hotNoteId],
  );
  await pool.query(`UPDATE comments SET reply_count = 5 WHERE note_id = $1 AND parent_id IS NULL`, [hotNoteId]);
  await pool.query(
    `UPDATE notes SET comment_count = (SELECT count(*) FROM comments WHERE note_id = $1) WHERE id = $1`,
    [hotNoteId],
  );
  const authorId = (await pool.query(`SELECT id FROM users WHERE username = 'bench_3'`)).rows[0].id as string;
  const popularId = (await pool.query(`SELECT id FROM users WHERE username = 'bench_2'`)).rows[0].id as string;
  await pool.query('VACUUM ANALYZE');
  return { viewerId, authorId, hotNoteId, popularId };
}
