-- After-sale cases and the community jury (SPEC C7, API.md "After-sale, jury (小法庭)").
-- A case is opened by the buyer of a shipped, delivered or recently completed order; while it
-- is open the order is 'refunding' and its escrow (if not settled yet) stays held. The case's
-- state machine lives in modules/aftersale/state.ts; the CHECKs here only keep rows sane.
CREATE TABLE after_sales (
  id text PRIMARY KEY DEFAULT jishi_id(),
  order_id text NOT NULL REFERENCES orders(id),
  buyer_id text NOT NULL REFERENCES users(id),
  seller_id text NOT NULL REFERENCES users(id),
  status text NOT NULL CHECK (status IN (
    'open', 'awaiting_return', 'returning', 'rejected', 'in_jury', 'with_operator', 'refunded', 'released', 'withdrawn'
  )),
  reason text NOT NULL CHECK (reason IN ('not_received', 'not_as_described', 'damaged', 'counterfeit')),
  description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 1000),
  return_item boolean NOT NULL DEFAULT false,
  -- What the buyer asks back, fen: the order's total or less (a partial refund).
  amount bigint NOT NULL CHECK (amount >= 0),
  -- Where the order goes back to when the case ends without a refund.
  order_status_before text NOT NULL CHECK (order_status_before IN ('shipped', 'delivered', 'completed')),
  -- True while the order's money still sits in its escrow (the order had not completed when the
  -- case opened, and no decision has moved it since): a refund then comes from escrow, not
  -- from the seller's balance.
  escrow_held boolean NOT NULL,
  seller_response text CHECK (char_length(seller_response) <= 1000),
  return_carrier text,
  return_tracking_number text,
  verdict text CHECK (verdict IN ('refund', 'release')),
  decided_by text CHECK (decided_by IN ('seller', 'jury', 'operator', 'system')),
  decision_reason text CHECK (char_length(decision_reason) <= 1000),
  decided_at timestamptz,
  -- The current step's deadline (seller's answer, the return, the escalation window); NULL
  -- when nothing waits on a clock. Jurors' own deadlines are on their rows.
  deadline_at timestamptz,
  rejected_at timestamptz,
  -- The buyer's refund through the gateway: booked to clearing at the decision, 'paid' once the
  -- gateway confirmed (a sweep retries until it does).
  refund_status text CHECK (refund_status IN ('processing', 'paid')),
  refund_ref text,
  fee_returned bigint CHECK (fee_returned >= 0),
  -- What the seller could not cover of a refund on a settled order: taken from their next proceeds.
  advanced bigint CHECK (advanced >= 0),
  closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (buyer_id <> seller_id),
  CHECK ((status = 'refunded') = (refund_status IS NOT NULL)),
  CHECK ((status IN ('refunded', 'released', 'withdrawn')) = (closed_at IS NOT NULL))
);
-- One open case per order (409 case_open), enforced by the database under any race.
CREATE UNIQUE INDEX after_sales_one_open ON after_sales (order_id)
  WHERE status IN ('open', 'awaiting_return', 'returning', 'rejected', 'in_jury', 'with_operator');
CREATE INDEX after_sales_order ON after_sales (order_id, id DESC);
CREATE INDEX after_sales_buyer ON after_sales (buyer_id, id DESC);
CREATE INDEX after_sales_seller ON after_sales (seller_id, id DESC);
CREATE INDEX after_sales_due ON after_sales (deadline_at) WHERE deadline_at IS NOT NULL;
CREATE INDEX after_sales_refund_owed ON after_sales (updated_at) WHERE refund_status = 'processing';
-- The public log: cases a jury or an operator decided, newest first.
CREATE INDEX after_sales_log ON after_sales (decided_at DESC, id DESC) WHERE decided_by IN ('jury', 'operator');

-- Photos attached as evidence, by side. Private to the case's parties, jurors and operators.
CREATE TABLE after_sale_media (
  case_id text NOT NULL REFERENCES after_sales(id) ON DELETE CASCADE,
  media_id text NOT NULL REFERENCES media(id),
  side text NOT NULL CHECK (side IN ('buyer', 'seller')),
  position int NOT NULL CHECK (position BETWEEN 0 AND 8),
  PRIMARY KEY (case_id, media_id)
);
CREATE INDEX after_sale_media_media ON after_sale_media (media_id);

CREATE TABLE after_sale_events (
  id text PRIMARY KEY DEFAULT jishi_id(),
  case_id text NOT NULL REFERENCES after_sales(id) ON DELETE CASCADE,
  type text NOT NULL,
  actor text NOT NULL CHECK (actor IN ('buyer', 'seller', 'system', 'jury', 'operator')),
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX after_sale_events_case ON after_sale_events (case_id, id);

-- Jurors: JURY_SIZE seats per escalated case. A juror who misses the deadline is marked
-- 'missed' and a new member is drawn for the seat; 'dismissed' when the case was decided (or
-- left the jury) before they voted. `agreed` records whether their vote matched the final
-- outcome, for the credit score.
CREATE TABLE after_sale_jurors (
  case_id text NOT NULL REFERENCES after_sales(id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users(id),
  status text NOT NULL CHECK (status IN ('pending', 'voted', 'missed', 'dismissed')),
  verdict text CHECK (verdict IN ('refund', 'release')),
  reason text CHECK (char_length(reason) BETWEEN 1 AND 500),
  drawn_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  voted_at timestamptz,
  agreed boolean,
  PRIMARY KEY (case_id, user_id),
  CHECK ((status = 'voted') = (verdict IS NOT NULL AND reason IS NOT NULL AND voted_at IS NOT NULL))
);
CREATE INDEX after_sale_jurors_user ON after_sale_jurors (user_id, case_id DESC);
CREATE INDEX after_sale_jurors_due ON after_sale_jurors (due_at) WHERE status = 'pending';
