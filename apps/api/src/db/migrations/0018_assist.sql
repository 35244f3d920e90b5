-- Smart assistance (SPEC C9, issue 16): smart publish and smart hosting.

-- Smart hosting is the seller's choice per item. Automatic answers are messages from the
-- seller's side with messages.auto_reply = true (column from 0006), shown as `automatic`.
ALTER TABLE items ADD COLUMN hosting boolean NOT NULL DEFAULT false;

-- The outbox of smart hosting: a buyer's message in a conversation about a hosted item gets a
-- row in the same transaction as the message, so a crash between sending and answering loses
-- nothing. Dispatchers on any process claim rows (claimed_until is a lease, taken with SKIP
-- LOCKED) and close them with what they did; the closed rows are the audit of every decision.
CREATE TABLE hosting_tasks (
  message_id text PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
  conversation_id text NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  item_id text NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  claimed_until timestamptz,
  attempts int NOT NULL DEFAULT 0,
  done_at timestamptz,
  -- answered: an automatic reply; accepted: an offer at or above the floor accepted (and said so);
  -- handover: left to the seller, who is notified; flagged: the scam shield flagged the
  -- conversation, so no answer; skipped: hosting off, item gone, the seller already replied,
  -- or too old to answer automatically.
  outcome text CHECK (outcome IN ('answered', 'accepted', 'handover', 'flagged', 'skipped')),
  intents text[] NOT NULL DEFAULT '{}',
  reason text,
  reply_message_id text REFERENCES messages(id) ON DELETE SET NULL,
  CHECK ((done_at IS NULL) = (outcome IS NULL))
);
CREATE INDEX hosting_tasks_pending ON hosting_tasks (created_at) WHERE done_at IS NULL;

-- The trained category classifier (naive Bayes counts), retrained by a job as the market
-- grows; every process reads the newest row. Old rows are deleted by the job.
CREATE TABLE assist_category_models (
  id text PRIMARY KEY DEFAULT jishi_id(),
  trained_at timestamptz NOT NULL DEFAULT now(),
  documents int NOT NULL CHECK (documents >= 0),
  vocabulary int NOT NULL CHECK (vocabulary >= 0),
  model jsonb NOT NULL
);
CREATE INDEX assist_category_models_latest ON assist_category_models (trained_at DESC);

-- Comparable trades for the price range: completed orders of one category, newest first.
-- The category is the one in the order's item snapshot (what was sold, as it was listed).
CREATE INDEX orders_completed_category ON orders ((item_snapshot ->> 'category'), completed_at DESC)
  WHERE status = 'completed';
