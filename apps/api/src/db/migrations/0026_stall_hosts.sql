-- Stall hosts (电子地摊帖, issue 15 item 12) and saved-search alerts sent by a job (issue 12).
-- Code: modules/notes/stall-*.ts, modules/discovery/saved-alerts.ts.

-- The host's rules for item comments on a stall note: {pickupOnly, area: {label, lat, lng,
-- radiusKm} | null, categories: [...] | null, maxPrice: fen | null}. NULL: no rules. Edited by
-- the note's author only; checked in the transaction that writes an item comment.
ALTER TABLE notes ADD COLUMN stall_rules jsonb CHECK (stall_rules IS NULL OR pg_column_size(stall_rules) <= 2048);
-- A closed stall takes no new item comments; what was offered stays visible.
ALTER TABLE notes ADD COLUMN stall_closed_at timestamptz;

-- A comment the host pinned (top-level only, a few per note): shown first.
ALTER TABLE comments ADD COLUMN pinned_at timestamptz;
CREATE INDEX comments_pinned ON comments (note_id, pinned_at) WHERE pinned_at IS NOT NULL;

-- Items a saved search met and not yet told: the alert job sends one notification per saved
-- search at most once an hour (ALERT_EVERY_MS), summarising these; items that left sale in
-- the meantime are dropped, never told.
CREATE TABLE saved_search_hits (
  saved_search_id text NOT NULL REFERENCES saved_searches(id) ON DELETE CASCADE,
  item_id text NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  PRIMARY KEY (saved_search_id, item_id)
);
CREATE INDEX saved_search_hits_item ON saved_search_hits (item_id);
