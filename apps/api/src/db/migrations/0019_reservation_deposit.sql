-- Reservation deposit (定金托管, SPEC C4, API.md "Reservation deposit"). A pickup order may be
-- placed with a deposit of 1 fen … 30% of its total. Its first payment (purpose 'deposit')
-- takes the deposit into the order's escrow and the order becomes 'reserved': the stock stays
-- held until `reserved_until`. The second payment (purpose 'balance') brings the rest, and the
-- order is 'paid' and completes at hand-over as any pickup order (the settlement is the
-- total, fee on the total). Ledger kinds (all once per order, ledger_once_per_reference):
--   deposit_hold     gateway → escrow:order:<id>, the deposit captured
--   deposit_refund   escrow → gateway, the deposit's payment refunded (seller cancelled, the
--                    reservation ran out, or a paid deposit order cancelled)
--   deposit_release  escrow → the seller, the buyer did not come (a no-show recorded by the
--                    seller and not contested within 24 h, or the contest decided for the seller)
-- The balance's payment books 'payment' and its refund 'refund', as a full payment does.
ALTER TABLE orders
  ADD COLUMN deposit bigint CHECK (deposit > 0 AND deposit * 10 <= total * 3),
  -- The hold's end while 'reserved' (set when the deposit is captured).
  ADD COLUMN reserved_until timestamptz,
  -- The seller recorded that the buyer did not come: the deposit settles to the seller 24 h
  -- later unless the buyer opens an after-sale case first.
  ADD COLUMN no_show_at timestamptz,
  ADD CONSTRAINT orders_deposit_pickup CHECK (deposit IS NULL OR delivery = 'pickup');

ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN (
  'pending_payment', 'reserved', 'paid', 'shipped', 'delivered', 'completed', 'cancelled', 'refunding', 'refunded'
));
ALTER TABLE orders ADD CONSTRAINT orders_reserved_has_deposit CHECK (status <> 'reserved' OR (deposit IS NOT NULL AND reserved_until IS NOT NULL));
CREATE INDEX orders_reservation_due ON orders (reserved_until) WHERE status = 'reserved' AND no_show_at IS NULL;
CREATE INDEX orders_no_show_due ON orders (no_show_at) WHERE status = 'reserved' AND no_show_at IS NOT NULL;

-- Two successful payments for a deposit order (the deposit, then the balance): one per purpose.
ALTER TABLE payments ADD COLUMN purpose text NOT NULL DEFAULT 'full' CHECK (purpose IN ('full', 'deposit', 'balance'));
DROP INDEX IF EXISTS payments_one_success;
CREATE UNIQUE INDEX payments_one_success ON payments (order_id, purpose) WHERE status IN ('succeeded', 'refunded');

-- A no-show contest is an after-sale case on a reserved order (its deposit is what is at stake).
ALTER TABLE after_sales DROP CONSTRAINT IF EXISTS after_sales_order_status_before_check;
ALTER TABLE after_sales ADD CONSTRAINT after_sales_order_status_before_check
  CHECK (order_status_before IN ('shipped', 'delivered', 'completed', 'reserved'));
