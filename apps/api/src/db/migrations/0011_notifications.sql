-- Notifications (SPEC C8): one row per entry of a member's list. Written by the module whose
-- transaction caused it (outbox style) and pushed to the member's sockets after that commit.
--
-- Grouping: likes and collects on one note, and follows, merge while unread into one row per
-- `group_key` (one key per note and Beijing day). The partial unique index makes the merge an
-- atomic INSERT … ON CONFLICT DO UPDATE, so twenty likes at once still make one entry.
CREATE TABLE notifications (
  id text PRIMARY KEY DEFAULT jishi_id(),
  recipient_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type ~ '^[a-z_]{1,40}$'),
  -- Who did it, most recent first, distinct, at most 20 kept (a group shows the first few);
  -- empty for the system (auto-confirmation, jury draws).
  actor_ids text[] NOT NULL DEFAULT '{}' CHECK (cardinality(actor_ids) <= 20),
  -- Distinct members in the entry (1 for a single action, n for "n 人赞了你的笔记").
  actor_count int NOT NULL DEFAULT 0 CHECK (actor_count >= 0),
  -- What it is about. Cases belong to the after-sale module (no foreign key across its migration).
  note_id text REFERENCES notes(id) ON DELETE CASCADE,
  comment_id text REFERENCES comments(id) ON DELETE CASCADE,
  item_id text REFERENCES items(id) ON DELETE CASCADE,
  order_id text REFERENCES orders(id) ON DELETE CASCADE,
  offer_id text REFERENCES offers(id) ON DELETE CASCADE,
  case_id text,
  -- Small, type-specific facts for the text (an excerpt, a status, a price in fen).
  data jsonb NOT NULL DEFAULT '{}' CHECK (pg_column_size(data) <= 2048),
  group_key text,
  -- The latest activity: a group moves to the top when someone joins it.
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  read_at timestamptz,
  CHECK (created_at = date_trunc('milliseconds', created_at))
);

-- The list: keyset on (created_at, id) per recipient, newest first.
CREATE INDEX notifications_list ON notifications (recipient_id, created_at DESC, id DESC);
-- The bell: unread entries only, so the count stays cheap however long the history grows.
CREATE INDEX notifications_unread ON notifications (recipient_id) WHERE read_at IS NULL;
-- One open (unread) group per key and member: the arbiter of the grouping upsert.
CREATE UNIQUE INDEX notifications_open_group ON notifications (recipient_id, group_key)
  WHERE read_at IS NULL AND group_key IS NOT NULL;
