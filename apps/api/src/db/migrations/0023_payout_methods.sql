-- Payout methods (收款账户, SPEC C5): where a withdrawal goes — an Alipay account or a bank card.
-- Code: modules/payout-methods. The account number and the holder's name are personal data:
-- sealed with AES-256-GCM (lib/secrets.ts, the same key as resident id numbers) in `account_enc`;
-- what the member sees is the mask taken at verification; `account_hash` (keyed HMAC) finds the
-- same account added twice without storing it in the clear.
CREATE TABLE payout_methods (
  id text PRIMARY KEY DEFAULT jishi_id(),
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('alipay', 'bank_card')),
  bank text CHECK ((kind = 'bank_card') = (bank IS NOT NULL)),
  account_enc text NOT NULL,
  account_hash text NOT NULL,
  masked text NOT NULL,
  -- The payout provider's verification of the account (its reference), before the row exists.
  provider text NOT NULL,
  provider_ref text NOT NULL,
  verified_at timestamptz NOT NULL,
  last_used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Removed by its member: hidden and no longer chosen, kept while withdrawals point at it.
  deleted_at timestamptz
);
CREATE UNIQUE INDEX payout_methods_one_account ON payout_methods (user_id, account_hash) WHERE deleted_at IS NULL;
CREATE INDEX payout_methods_user ON payout_methods (user_id, id DESC) WHERE deleted_at IS NULL;

-- A withdrawal names where it went: the method, and {kind, bank, masked} as they were then.
ALTER TABLE withdrawals
  ADD COLUMN payout_method_id text REFERENCES payout_methods(id),
  ADD COLUMN payout_to jsonb;
