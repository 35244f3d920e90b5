-- Ids: 16 hex characters, time-ordered (ms since 2026-01-01 in the high bits, a sequence in the
-- low 20), so they sort by creation, work as keyset tiebreakers, and are not a bare counter.
CREATE SEQUENCE jishi_id_seq;
CREATE FUNCTION jishi_id() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT lpad(to_hex(
    ((floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint - 1767225600000) << 20)
    | (nextval('jishi_id_seq') & 1048575)
  ), 16, '0')
$$;

CREATE TABLE media (
  id text PRIMARY KEY DEFAULT jishi_id(),
  owner_id text,
  kind text NOT NULL CHECK (kind IN ('avatar', 'photo')),
  width int NOT NULL CHECK (width > 0),
  height int NOT NULL CHECK (height > 0),
  bytes int NOT NULL CHECK (bytes >= 0),
  variants text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX media_owner ON media (owner_id, created_at);

CREATE TABLE users (
  id text PRIMARY KEY DEFAULT jishi_id(),
  username text NOT NULL CHECK (username ~ '^[A-Za-z0-9_]{3,20}$'),
  password_hash text NOT NULL,
  display_name text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 30),
  bio text NOT NULL DEFAULT '' CHECK (char_length(bio) <= 200),
  city text NOT NULL DEFAULT '' CHECK (char_length(city) <= 30),
  interest_tags text[] NOT NULL DEFAULT '{}',
  avatar_id text REFERENCES media(id) ON DELETE SET NULL,
  role text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'operator')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'banned')),
  created_at timestamptz NOT NULL DEFAULT now(),
  verified_at timestamptz,
  real_name_enc text,
  id_number_enc text,
  id_number_hash text,
  id_number_masked text,
  CHECK ((verified_at IS NULL) = (id_number_enc IS NULL))
);
CREATE UNIQUE INDEX users_username_lower ON users (lower(username));
CREATE INDEX users_id_number_hash ON users (id_number_hash) WHERE id_number_hash IS NOT NULL;
ALTER TABLE media ADD CONSTRAINT media_owner_fk FOREIGN KEY (owner_id) REFERENCES users(id) ON DELETE CASCADE;

-- Only a hash of each token is stored: a leaked table does not hand out sessions.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  user_agent text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Fixed-window counters shared by every process (login failures, registrations per address).
CREATE TABLE rate_counters (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  count int NOT NULL,
  locked_until timestamptz
);
