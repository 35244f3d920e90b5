-- Chat (SPEC C6) and reports (C7). One conversation per pair of members: user_a < user_b makes
-- the pair canonical, so a unique index is enough to prevent duplicates under races.
CREATE TABLE conversations (
  id text PRIMARY KEY DEFAULT jishi_id(),
  user_a text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  user_b text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  item_id text REFERENCES items(id) ON DELETE SET NULL,   -- what the conversation is about, if anything
  risk_score int NOT NULL DEFAULT 0,                      -- the scam shield's running score
  last_message_id text,
  last_message_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (user_a < user_b)
);
CREATE UNIQUE INDEX conversations_pair ON conversations (user_a, user_b);

-- Per-member state of a conversation: unread count and read position; ordered for the inbox.
CREATE TABLE conversation_members (
  conversation_id text NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  peer_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  unread_count int NOT NULL DEFAULT 0 CHECK (unread_count >= 0),
  last_read_message_id text,
  sort_key text NOT NULL,                                 -- last message id (time-ordered), or the conversation id
  PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX conversation_members_inbox ON conversation_members (user_id, sort_key DESC);

CREATE TABLE messages (
  id text PRIMARY KEY DEFAULT jishi_id(),
  conversation_id text NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  sender_id text REFERENCES users(id) ON DELETE SET NULL,  -- NULL: posted by the system (order cards)
  kind text NOT NULL CHECK (kind IN ('text', 'photo', 'item', 'offer', 'order')),
  text text CHECK (char_length(text) <= 1000),
  media_id text REFERENCES media(id),
  item_id text REFERENCES items(id) ON DELETE SET NULL,
  offer_id text REFERENCES offers(id) ON DELETE SET NULL,
  order_id text REFERENCES orders(id) ON DELETE SET NULL,
  order_status text,
  warnings text[] NOT NULL DEFAULT '{}',
  risk_score int NOT NULL DEFAULT 0,
  auto_reply boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_conversation ON messages (conversation_id, id DESC);
-- Repeat offenders: flagged messages per sender in the last 24 hours.
CREATE INDEX messages_flagged_sender ON messages (sender_id, created_at) WHERE cardinality(warnings) > 0;

CREATE TABLE blocks (
  blocker_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  blocked_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (blocker_id, blocked_id),
  CHECK (blocker_id <> blocked_id)
);

CREATE TABLE reports (
  id text PRIMARY KEY DEFAULT jishi_id(),
  reporter_id text REFERENCES users(id) ON DELETE CASCADE,   -- NULL: raised by the system (scam shield)
  target_type text NOT NULL CHECK (target_type IN ('user', 'message', 'conversation', 'note', 'comment', 'item')),
  target_id text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('scam', 'off_platform', 'harassment', 'spam', 'prohibited', 'counterfeit', 'other')),
  detail text NOT NULL DEFAULT '' CHECK (char_length(detail) <= 500),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'dismissed')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reports_open ON reports (created_at) WHERE status = 'open';
CREATE UNIQUE INDEX reports_once ON reports (reporter_id, target_type, target_id) WHERE status = 'open';

-- Order events are the outbox for chat order cards: dispatched after commit, exactly once.
ALTER TABLE order_events ADD COLUMN dispatched_at timestamptz;
CREATE INDEX order_events_undispatched ON order_events (id) WHERE dispatched_at IS NULL;
UPDATE order_events SET dispatched_at = now();
