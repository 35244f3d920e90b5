-- Community (SPEC C2): notes, their photos and item cards, comments with one level of replies,
-- likes, collects, follows.
--
-- Every timestamp that a keyset cursor carries is kept to the millisecond (the CHECKs below),
-- so a cursor made from a JavaScript Date compares exactly with the stored value.

CREATE TABLE notes (
  id text PRIMARY KEY DEFAULT jishi_id(),
  author_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL DEFAULT 'note' CHECK (kind IN ('note', 'stall', 'wanted')),
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 50),
  body text NOT NULL DEFAULT '' CHECK (char_length(body) <= 2000),
  -- explicit_tags: what the author typed into `tags`; tags: those plus the #话题 of the body,
  -- normalized. Kept apart so an edit of the body can recompute tags without losing either.
  explicit_tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(explicit_tags) <= 10),
  tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 10),
  -- The first photo, denormalized so a feed card needs no look-up in note_images.
  cover_id text REFERENCES media(id) ON DELETE SET NULL,
  image_count smallint NOT NULL DEFAULT 0 CHECK (image_count BETWEEN 0 AND 9),
  -- Coarse (3 decimals, about 100 m) for privacy: a pickup spot is never someone's door.
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng BETWEEN -180 AND 180),
  location_label text NOT NULL DEFAULT '' CHECK (char_length(location_label) <= 50),
  -- Counters kept exact: changed only in the transaction that inserts or deletes the row
  -- they count, and only when that statement really inserted or deleted one.
  like_count int NOT NULL DEFAULT 0 CHECK (like_count >= 0),
  collect_count int NOT NULL DEFAULT 0 CHECK (collect_count >= 0),
  comment_count int NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  updated_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  CHECK ((lat IS NULL) = (lng IS NULL)),
  CHECK (created_at = date_trunc('milliseconds', created_at))
);
-- Latest feed: (created_at, id) keyset, newest first.
CREATE INDEX notes_latest ON notes (created_at DESC, id DESC);
-- A profile's notes, and the following feed (one index range per followed author).
CREATE INDEX notes_author ON notes (author_id, created_at DESC, id DESC);
CREATE INDEX notes_cover ON notes (cover_id) WHERE cover_id IS NOT NULL;

-- A note's photos in order (at most 9). Only the author's own photos (checked by the service).
CREATE TABLE note_images (
  note_id text NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  position smallint NOT NULL CHECK (position BETWEEN 0 AND 8),
  media_id text NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  PRIMARY KEY (note_id, position),
  UNIQUE (note_id, media_id)
);
CREATE INDEX note_images_media ON note_images (media_id);

-- Item cards attached to a note, in order. The items migration adds the foreign key on
-- item_id (items do not exist yet at this point of the schema); until then nothing writes here.
CREATE TABLE note_items (
  note_id text NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  position smallint NOT NULL CHECK (position BETWEEN 0 AND 8),
  item_id text NOT NULL,
  PRIMARY KEY (note_id, position),
  UNIQUE (note_id, item_id)
);
CREATE INDEX note_items_item ON note_items (item_id);

-- Comments with one level of replies: parent_id is always a top-level comment of the same
-- note (a reply to a reply is attached to its top-level parent and names reply_to_user_id).
-- Deleting is soft, so replies stay readable under "该评论已删除"; the text is kept for
-- moderation and never shown.
CREATE TABLE comments (
  id text PRIMARY KEY DEFAULT jishi_id(),
  note_id text NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  author_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  parent_id text REFERENCES comments(id) ON DELETE CASCADE,
  reply_to_user_id text REFERENCES users(id) ON DELETE SET NULL,
  body text NOT NULL DEFAULT '' CHECK (char_length(body) <= 500),
  -- An item card posted in the comment ("借楼"); its foreign key comes with the items migration.
  item_id text,
  -- A wanted request (求购): what and, optionally, the most the commenter pays (fen).
  wanted_title text CHECK (char_length(wanted_title) BETWEEN 1 AND 50),
  wanted_max_price bigint CHECK (wanted_max_price >= 0),
  -- Visible (not deleted) replies of a top-level comment.
  reply_count int NOT NULL DEFAULT 0 CHECK (reply_count >= 0),
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  deleted_at timestamptz,
  deleted_by text REFERENCES users(id) ON DELETE SET NULL,
  CHECK (wanted_max_price IS NULL OR wanted_title IS NOT NULL),
  CHECK (body <> '' OR wanted_title IS NOT NULL OR item_id IS NOT NULL),
  CHECK (parent_id IS NOT NULL OR reply_to_user_id IS NULL),
  CHECK (created_at = date_trunc('milliseconds', created_at))
);
-- Top-level comments of a note, either direction.
CREATE INDEX comments_top ON comments (note_id, created_at, id) WHERE parent_id IS NULL;
-- Visible replies of a comment, oldest first (previews and the replies page).
CREATE INDEX comments_replies ON comments (parent_id, created_at, id) WHERE parent_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX comments_author ON comments (author_id);
CREATE INDEX comments_items ON comments (note_id, created_at) WHERE item_id IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE note_likes (
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  note_id text NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  PRIMARY KEY (user_id, note_id),
  CHECK (created_at = date_trunc('milliseconds', created_at))
);
CREATE INDEX note_likes_note ON note_likes (note_id);

CREATE TABLE note_collects (
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  note_id text NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  PRIMARY KEY (user_id, note_id),
  CHECK (created_at = date_trunc('milliseconds', created_at))
);
-- A member's collects, most recently collected first.
CREATE INDEX note_collects_user ON note_collects (user_id, created_at DESC, note_id DESC);
CREATE INDEX note_collects_note ON note_collects (note_id);

CREATE TABLE follows (
  follower_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  followee_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  PRIMARY KEY (follower_id, followee_id),
  CHECK (follower_id <> followee_id),
  CHECK (created_at = date_trunc('milliseconds', created_at))
);
CREATE INDEX follows_following ON follows (follower_id, created_at DESC, followee_id DESC);
CREATE INDEX follows_followers ON follows (followee_id, created_at DESC, follower_id DESC);
