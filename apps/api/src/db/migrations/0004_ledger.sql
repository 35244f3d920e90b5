-- Double-entry ledger (SPEC C5, decision 0001). Every movement of money is a transaction made of
-- postings that each move a positive amount from one account to another, so the sum of all
-- balances is zero by construction. Member balances can never go below zero (CHECK); postings
-- are never updated or deleted (trigger); an order is paid, settled and refunded at most once
-- (unique indexes on the transaction's kind and reference).
CREATE TABLE ledger_accounts (
  id text PRIMARY KEY,                 -- 'user:<id>', 'escrow:order:<id>', 'platform:fees', 'external:gateway', …
  kind text NOT NULL CHECK (kind IN ('member', 'escrow', 'platform', 'clearing', 'external')),
  owner_id text REFERENCES users(id),
  balance bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Only the outside world (gateway, payouts) may be negative: it is where money comes from.
  CHECK (kind = 'external' OR balance >= 0)
);
CREATE INDEX ledger_accounts_owner ON ledger_accounts (owner_id) WHERE owner_id IS NOT NULL;

CREATE TABLE ledger_transactions (
  id text PRIMARY KEY DEFAULT jishi_id(),
  kind text NOT NULL CHECK (kind IN (
    'payment', 'settlement', 'refund', 'withdrawal', 'withdrawal_paid', 'withdrawal_reversed',
    'deposit_hold', 'deposit_release', 'deposit_refund', 'adjustment'
  )),
  reference text NOT NULL,             -- the order, withdrawal or deposit this is about
  memo text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_transactions_reference ON ledger_transactions (reference);
-- At most once per order: paid once, settled once, refunded once.
CREATE UNIQUE INDEX ledger_once_per_reference ON ledger_transactions (kind, reference)
  WHERE kind IN ('payment', 'settlement', 'refund', 'withdrawal', 'withdrawal_paid', 'withdrawal_reversed',
                 'deposit_hold', 'deposit_release', 'deposit_refund');

CREATE TABLE ledger_postings (
  id text PRIMARY KEY DEFAULT jishi_id(),
  transaction_id text NOT NULL REFERENCES ledger_transactions(id),
  from_account text NOT NULL REFERENCES ledger_accounts(id),
  to_account text NOT NULL REFERENCES ledger_accounts(id),
  amount bigint NOT NULL CHECK (amount > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_account <> to_account)
);
CREATE INDEX ledger_postings_tx ON ledger_postings (transaction_id);
CREATE INDEX ledger_postings_from ON ledger_postings (from_account, id);
CREATE INDEX ledger_postings_to ON ledger_postings (to_account, id);

CREATE FUNCTION ledger_postings_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger postings are never updated or deleted; post a correcting transaction';
END $$;
CREATE TRIGGER ledger_postings_no_update BEFORE UPDATE OR DELETE ON ledger_postings
  FOR EACH ROW EXECUTE FUNCTION ledger_postings_immutable();
CREATE TRIGGER ledger_transactions_no_update BEFORE UPDATE OR DELETE ON ledger_transactions
  FOR EACH ROW EXECUTE FUNCTION ledger_postings_immutable();

CREATE TABLE withdrawals (
  id text PRIMARY KEY DEFAULT jishi_id(),
  user_id text NOT NULL REFERENCES users(id),
  amount bigint NOT NULL CHECK (amount > 0),
  status text NOT NULL CHECK (status IN ('processing', 'paid', 'failed')),
  method text NOT NULL DEFAULT 'sandbox',
  provider_ref text,
  failure_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX withdrawals_user ON withdrawals (user_id, id);
CREATE INDEX withdrawals_processing ON withdrawals (created_at) WHERE status = 'processing';

-- Idempotency-Key (API.md): the first response is stored and replayed; the same key with a
-- different request is refused. Scoped per member.
CREATE TABLE idempotency_keys (
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  key text NOT NULL,
  request_hash text NOT NULL,
  state text NOT NULL CHECK (state IN ('running', 'done')),
  response_status int,
  response_body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  locked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
