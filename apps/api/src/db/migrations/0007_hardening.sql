-- Issue 9 hardening.

-- One resident ID number, one account. id_number_hash is the keyed hash (HMAC-SHA256 under the
-- server's ID key, lib/secrets.ts) of the normalised number, written by every verification since
-- 0001; the plaintext is never compared. SQL cannot compute an HMAC (the key is not in the
-- database), so this migration works only with the hashes already stored; a verified row
-- without one is filled at start-up from its encrypted number (accounts/id-number-hashes.ts).
--
-- Accounts verified before this rule with a number an earlier account already used lose their
-- verification: the earliest keeps it, every later one must verify again with its own number.
-- Each is put in the moderation queue (a system report), because a reused number is what an
-- account farm looks like.
WITH ranked AS (
  SELECT id, row_number() OVER (PARTITION BY id_number_hash ORDER BY verified_at, id) AS n
  FROM users WHERE id_number_hash IS NOT NULL
), unverified AS (
  UPDATE users u
  SET verified_at = NULL, real_name_enc = NULL, id_number_enc = NULL, id_number_hash = NULL, id_number_masked = NULL
  FROM ranked r WHERE r.id = u.id AND r.n > 1
  RETURNING u.id
)
INSERT INTO reports (reporter_id, target_type, target_id, reason, detail)
SELECT NULL, 'user', id, 'other', 'id_number_in_use: verified with an ID number another account verified first; verification withdrawn'
FROM unverified;

DROP INDEX users_id_number_hash;
CREATE UNIQUE INDEX users_id_number_hash_unique ON users (id_number_hash) WHERE id_number_hash IS NOT NULL;

-- Notes and comments the scam shield flagged, one row per flagged write (a post, or an edit that
-- puts a lure in). Kept apart from the posts: deleting a lure does not take it out of its
-- author's count for the repeat-offender rule (trust/repeat-offender.ts), which counts these
-- together with flagged chat messages.
CREATE TABLE content_flags (
  id text PRIMARY KEY DEFAULT jishi_id(),
  author_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  target_type text NOT NULL CHECK (target_type IN ('note', 'comment')),
  target_id text NOT NULL,
  warnings text[] NOT NULL CHECK (cardinality(warnings) > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX content_flags_author ON content_flags (author_id, created_at);
