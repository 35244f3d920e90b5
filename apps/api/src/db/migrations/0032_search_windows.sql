-- Search without visiting every match of a common word (issue 12; bench/README.md has the plans).
--
-- Relevance ranks the newest CANDIDATES matches (search/repo.ts). For a common word (显示器 in
-- 23,050 of a million listings) PostgreSQL built the GIN bitmap of every match, then read all
-- 23,050 rows to find the newest 500. Now the matches are first taken among the listings newer
-- than a recent threshold (the created_at of the ~25,000th newest item on sale): the GIN bitmap
-- is ANDed with this range before any row is read, and the older listings are read only when
-- the window holds fewer than CANDIDATES matches — the same newest CANDIDATES either way.
--
-- A BRIN index: rows are appended in created_at order (correlation 0.997 at 1M), so a range of
-- recent times is a few block ranges, and a BRIN scan is a bitmap only — the planner cannot
-- walk it row by row. On an expression the B-tree indexes do not have (`AT TIME ZONE 'UTC'`,
-- immutable): on created_at itself the planner preferred walking items_on_sale_latest through
-- the 25,000 newest rows, testing the words on each (18–48 ms). Not partial: PostgreSQL never
-- ANDs two bitmaps of indexes that share a predicate (both would be `status = 'on_sale'`).
CREATE INDEX IF NOT EXISTS items_age ON items USING brin ((created_at AT TIME ZONE 'UTC')) WITH (autosummarize = on);

-- Words within a radius: the GIN bitmap ANDed with the box, instead of reading every listing in
-- the box to test its words (15,205 rows in 12,013 pages for 自行车 within 10 km of Shanghai's
-- centre: 26 ms warm, 318 ms cold → 9 ms). items_on_sale_place stays for the box without words;
-- this one has no `status` predicate for the same reason as above.
CREATE INDEX IF NOT EXISTS items_place ON items (lat, lng) WHERE lat IS NOT NULL;
