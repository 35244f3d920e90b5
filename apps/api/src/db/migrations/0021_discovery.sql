-- Discovery, part two (SPEC C2 feeds, C8): the signals behind the recommended feed, wanted
-- (求购) matching, saved searches and their alerts. Code: modules/discovery.

-- What a member looked at: one row per member, target and Beijing day, upserted (a count), so
-- reading a note twenty times a day writes one row and the table grows with distinct views.
CREATE TABLE member_views (
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  target_type text NOT NULL CHECK (target_type IN ('note', 'item')),
  target_id text NOT NULL,
  day date NOT NULL,
  count int NOT NULL DEFAULT 1 CHECK (count >= 1),
  last_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, day, target_type, target_id)
);
-- The profile reads a member's recent days.
CREATE INDEX member_views_recent ON member_views (user_id, last_at DESC);

-- What a member searched for (folded text), the same way: one row per query and day.
CREATE TABLE member_searches (
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  query text NOT NULL CHECK (char_length(query) BETWEEN 1 AND 100),
  day date NOT NULL,
  count int NOT NULL DEFAULT 1 CHECK (count >= 1),
  last_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, day, query)
);
CREATE INDEX member_searches_recent ON member_searches (user_id, last_at DESC);

-- Open wanted requests: a wanted note (notes.kind = 'wanted') or a comment's wanted request.
-- `query` is the request's words as a tsquery (modules/search parseQuery, strict form), so a
-- new item is matched in SQL against its stored search_vector. Written in the transaction that
-- writes the note or comment; gone with it (cascade); a deleted comment or a hidden note closes it.
CREATE TABLE wanted_requests (
  id text PRIMARY KEY DEFAULT jishi_id(),
  author_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  note_id text NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  comment_id text REFERENCES comments(id) ON DELETE CASCADE,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 50),
  category text CHECK (category ~ '^[a-z_]{2,30}$'),
  max_price bigint CHECK (max_price >= 0),
  query text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
);
CREATE UNIQUE INDEX wanted_requests_note ON wanted_requests (note_id) WHERE comment_id IS NULL;
CREATE UNIQUE INDEX wanted_requests_comment ON wanted_requests (comment_id) WHERE comment_id IS NOT NULL;
CREATE INDEX wanted_requests_recent ON wanted_requests (created_at DESC);
CREATE INDEX wanted_requests_author ON wanted_requests (author_id);

-- Each (request, item) pair is told once: the insert is the arbiter of "notified already".
CREATE TABLE wanted_notified (
  request_id text NOT NULL REFERENCES wanted_requests(id) ON DELETE CASCADE,
  item_id text NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  PRIMARY KEY (request_id, item_id)
);

-- Saved searches: the /search parameters (items only) and their parsed words. Alerts are
-- batched: at most one notification per saved search per hour; matches in between are counted
-- in pending_count and told with the next alert.
CREATE TABLE saved_searches (
  id text PRIMARY KEY DEFAULT jishi_id(),
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  params jsonb NOT NULL CHECK (pg_column_size(params) <= 2048),
  label text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 100),
  -- strict tsquery of params.q, NULL when the search has no words (filters only).
  query text,
  min_price bigint,
  max_price bigint,
  category text,
  last_alert_at timestamptz,
  pending_count int NOT NULL DEFAULT 0 CHECK (pending_count >= 0),
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  UNIQUE (user_id, params)
);
CREATE INDEX saved_searches_user ON saved_searches (user_id, created_at DESC, id DESC);

-- The profile reads a member's latest likes (200 of them) without sorting all their likes.
CREATE INDEX note_likes_user_recent ON note_likes (user_id, created_at DESC);
-- Recommended candidates by interest tag (notes.tags && the profile's top tags).
CREATE INDEX notes_tags ON notes USING gin (tags);
-- Popular and fresh notes for visitors and new members: a recent range of notes_latest is
-- enough (no index on counters that change on every like).
