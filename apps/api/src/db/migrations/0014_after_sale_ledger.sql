-- Ledger kinds for after-sale money (modules/aftersale/money.ts):
--   case_refund       the decision: the refunded amount leaves escrow (or, on a settled order, the
--                     seller's balance, the returned fee and any advance) for clearing:refunds;
--                     on a partial refund of a held escrow the rest settles in the same transaction
--   case_refund_paid  the gateway confirmed the refund: clearing:refunds → external:gateway
--   debt_recovery     a seller's later proceeds repay what the platform advanced for them
-- One case_refund and one case_refund_paid per case (unique index below).
-- The kind CHECK is extended rather than rewritten, so kinds added by other migrations survive.
DO $$
DECLARE
  def text;
  kinds text[];
BEGIN
  SELECT pg_get_constraintdef(c.oid) INTO def
  FROM pg_constraint c
  WHERE c.conrelid = 'ledger_transactions'::regclass AND c.contype = 'c' AND c.conname = 'ledger_transactions_kind_check';
  SELECT array_agg(DISTINCT m[1]) INTO kinds FROM regexp_matches(coalesce(def, ''), '''([a-z_]+)''', 'g') AS m;
  kinds := array(SELECT DISTINCT unnest(coalesce(kinds, '{}') || ARRAY['case_refund', 'case_refund_paid', 'debt_recovery']) ORDER BY 1);
  ALTER TABLE ledger_transactions DROP CONSTRAINT IF EXISTS ledger_transactions_kind_check;
  EXECUTE format('ALTER TABLE ledger_transactions ADD CONSTRAINT ledger_transactions_kind_check CHECK (kind = ANY (%L::text[]))', kinds);
END $$;

CREATE UNIQUE INDEX ledger_once_per_case ON ledger_transactions (kind, reference)
  WHERE kind IN ('case_refund', 'case_refund_paid');
