-- Engagement on items and topics (issue 15 item 11): 想要 (item collects), view counts, and the
-- #话题 index behind the tag page. Code: modules/engagement.

-- 想要: a member wants an item (Xianyu's "want"). One row per member and item; the count is kept
-- exact in item_stats by the same transaction that inserts or deletes the row.
CREATE TABLE item_collects (
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  item_id text NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  PRIMARY KEY (user_id, item_id)
);
CREATE INDEX item_collects_item ON item_collects (item_id);
CREATE INDEX item_collects_user_recent ON item_collects (user_id, created_at DESC, item_id DESC);

-- Counters kept apart from `items`: a view or a 想要 never updates (or waits on the lock of)
-- the row the stock reservation takes with its guarded UPDATE. A missing row reads as zeros.
CREATE TABLE item_stats (
  item_id text PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
  view_count bigint NOT NULL DEFAULT 0 CHECK (view_count >= 0),
  collect_count int NOT NULL DEFAULT 0 CHECK (collect_count >= 0)
);

-- Who has been counted today: one row per item, Beijing day and viewer, where the viewer is a
-- 64-bit hash of the member id (or, for a visitor, of the address and user agent). The insert
-- that succeeds is the one view counted; repeats conflict and write nothing. Rows older than
-- yesterday are pruned by a sweep, so the table holds about two days of distinct views.
CREATE TABLE item_view_marks (
  item_id text NOT NULL,
  day date NOT NULL,
  viewer bigint NOT NULL,
  PRIMARY KEY (item_id, day, viewer)
);
CREATE INDEX item_view_marks_day ON item_view_marks (day);

-- #话题 → notes, newest first, for the tag page. notes.tags has a GIN index (0021), but a
-- keyset page "this tag, newest first" over it sorts every note of the tag; this table is the
-- btree that walks (tag, created_at DESC, note_id DESC) and stops after a page. Kept by a
-- trigger on notes so that every writer (notes service, demo, imports) keeps it right.
CREATE TABLE note_tags (
  tag text NOT NULL,
  note_id text NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tag, note_id)
);
CREATE INDEX note_tags_page ON note_tags (tag, created_at DESC, note_id DESC);
CREATE INDEX note_tags_note ON note_tags (note_id);

CREATE FUNCTION note_tags_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM note_tags WHERE note_id = NEW.id AND NOT (tag = ANY (NEW.tags));
  INSERT INTO note_tags (tag, note_id, created_at)
    SELECT DISTINCT t, NEW.id, NEW.created_at FROM unnest(NEW.tags) AS t
    ON CONFLICT (tag, note_id) DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER note_tags_insert AFTER INSERT ON notes FOR EACH ROW EXECUTE FUNCTION note_tags_sync();
CREATE TRIGGER note_tags_update AFTER UPDATE OF tags ON notes FOR EACH ROW
  WHEN (OLD.tags IS DISTINCT FROM NEW.tags) EXECUTE FUNCTION note_tags_sync();

INSERT INTO note_tags (tag, note_id, created_at)
  SELECT DISTINCT t, n.id, n.created_at FROM notes n, unnest(n.tags) AS t
  ON CONFLICT DO NOTHING;
