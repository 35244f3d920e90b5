-- Account deletion on request (issue 14 item 7; SPEC C11, PIPL/GDPR): the member's row stays,
-- because orders, cases, reviews and the ledger of their counterparties point at it, but it
-- holds nothing that identifies a person (modules/privacy/delete.ts).

ALTER TABLE users DROP CONSTRAINT users_status_check;
ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status IN ('active', 'banned', 'deleted'));
ALTER TABLE users ADD COLUMN deleted_at timestamptz;
ALTER TABLE users ADD CONSTRAINT users_deleted_at CHECK ((status = 'deleted') = (deleted_at IS NOT NULL));

-- The old username is free again at once: a deleted row takes the tombstone 'deleted:<id>',
-- which no registration can ask for (the colon is outside the username alphabet), so the
-- tombstone never collides with a member's name and a member's name never with a tombstone.
ALTER TABLE users DROP CONSTRAINT users_username_check;
ALTER TABLE users ADD CONSTRAINT users_username_check
  CHECK (username ~ '^[A-Za-z0-9_]{3,20}$' OR (status = 'deleted' AND username = 'deleted:' || id));

-- Nothing personal survives on a deleted row: no password, no identity (the keyed hash of the
-- ID number included, so that person can verify a new account), no profile.
ALTER TABLE users ADD CONSTRAINT users_deleted_is_empty CHECK (
  status <> 'deleted' OR (
    password_hash = '' AND real_name_enc IS NULL AND id_number_enc IS NULL AND id_number_hash IS NULL
    AND id_number_masked IS NULL AND verified_at IS NULL AND avatar_id IS NULL
    AND bio = '' AND city = '' AND interest_tags = '{}' AND role = 'member'
  )
);

-- A deleted member's comments are erased, not removed: replies of others stay readable under
-- "该评论已删除", but the text itself is gone. An erased comment may therefore be empty.
DO $$
DECLARE c text;
BEGIN
  SELECT conname INTO STRICT c FROM pg_constraint
   WHERE conrelid = 'comments'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%body <> %';
  EXECUTE format('ALTER TABLE comments DROP CONSTRAINT %I', c);
END $$;
ALTER TABLE comments ADD CONSTRAINT comments_not_empty
  CHECK (deleted_at IS NOT NULL OR body <> '' OR wanted_title IS NOT NULL OR item_id IS NOT NULL);

-- The export and the deletion read a member's rows by these.
CREATE INDEX IF NOT EXISTS messages_sender ON messages (sender_id) WHERE sender_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS reports_reporter ON reports (reporter_id) WHERE reporter_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS reviews_author ON reviews (author_id) WHERE author_id IS NOT NULL;
