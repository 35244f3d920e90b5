-- Orders, payments and offers (SPEC C3 offers, C4). An order is a snapshot of the item's terms
-- at purchase time: later edits to the item never change it. Money columns are fen.
CREATE TABLE offers (
  id text PRIMARY KEY DEFAULT jishi_id(),
  item_id text NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  buyer_id text NOT NULL REFERENCES users(id),
  seller_id text NOT NULL REFERENCES users(id),
  price bigint NOT NULL CHECK (price >= 0),
  -- The seller's counter-offer, if any; the buyer accepts or declines it.
  counter_price bigint CHECK (counter_price >= 0),
  status text NOT NULL CHECK (status IN ('pending', 'countered', 'accepted', 'declined', 'withdrawn', 'expired', 'used')),
  decided_by text CHECK (decided_by IN ('seller', 'buyer', 'floor', 'system')),
  -- An accepted offer lets this buyer order at `agreed_price` until this time.
  agreed_price bigint CHECK (agreed_price >= 0),
  valid_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (buyer_id <> seller_id)
);
CREATE INDEX offers_item_buyer ON offers (item_id, buyer_id, created_at);
CREATE INDEX offers_seller ON offers (seller_id, id DESC);
CREATE INDEX offers_buyer ON offers (buyer_id, id DESC);

-- The seller's floor price is private: never sent to buyers, used only to decline lowballs.
ALTER TABLE items ADD COLUMN floor_price bigint CHECK (floor_price >= 0);

CREATE TABLE orders (
  id text PRIMARY KEY DEFAULT jishi_id(),
  item_id text NOT NULL REFERENCES items(id),
  buyer_id text NOT NULL REFERENCES users(id),
  seller_id text NOT NULL REFERENCES users(id),
  offer_id text REFERENCES offers(id),
  quantity int NOT NULL CHECK (quantity BETWEEN 1 AND 999),
  unit_price bigint NOT NULL CHECK (unit_price >= 0),
  item_total bigint NOT NULL CHECK (item_total = unit_price * quantity),
  shipping_fee bigint NOT NULL CHECK (shipping_fee >= 0),
  total bigint NOT NULL CHECK (total = item_total + shipping_fee),
  fee bigint NOT NULL CHECK (fee >= 0 AND fee <= total),
  seller_proceeds bigint NOT NULL CHECK (seller_proceeds = total - fee),
  fee_bps int NOT NULL CHECK (fee_bps BETWEEN 0 AND 10000),
  delivery text NOT NULL CHECK (delivery IN ('pickup', 'shipping', 'online')),
  address jsonb,
  -- Title, cover, condition, category and version of the item when the order was placed.
  item_snapshot jsonb NOT NULL,
  status text NOT NULL CHECK (status IN (
    'pending_payment', 'paid', 'shipped', 'delivered', 'completed', 'cancelled', 'refunding', 'refunded'
  )),
  pickup_code text CHECK (pickup_code ~ '^[0-9]{6}$'),
  carrier text,
  tracking_number text,
  cancel_reason text,
  expires_at timestamptz NOT NULL,           -- unpaid orders release their stock at this time
  auto_confirm_at timestamptz,               -- shipped/delivered orders complete themselves at this time
  paid_at timestamptz,
  completed_at timestamptz,
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (buyer_id <> seller_id),
  CHECK ((delivery = 'shipping') = (address IS NOT NULL)),
  CHECK ((delivery = 'pickup') = (pickup_code IS NOT NULL))
);
CREATE INDEX orders_buyer ON orders (buyer_id, id DESC);
CREATE INDEX orders_seller ON orders (seller_id, id DESC);
CREATE INDEX orders_buyer_status ON orders (buyer_id, status, id DESC);
CREATE INDEX orders_seller_status ON orders (seller_id, status, id DESC);
CREATE INDEX orders_item ON orders (item_id);
CREATE INDEX orders_expiring ON orders (expires_at) WHERE status = 'pending_payment';
CREATE INDEX orders_auto_confirm ON orders (auto_confirm_at) WHERE status IN ('shipped', 'delivered');
-- One live order per accepted offer.
CREATE UNIQUE INDEX orders_offer_once ON orders (offer_id) WHERE offer_id IS NOT NULL AND status <> 'cancelled';

CREATE TABLE order_events (
  id text PRIMARY KEY DEFAULT jishi_id(),
  order_id text NOT NULL REFERENCES orders(id),
  type text NOT NULL,
  actor_id text REFERENCES users(id),
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_events_order ON order_events (order_id, id);

-- Payments at the provider. The sandbox gateway, like a real one, confirms asynchronously by a
-- signed callback; `provider_ref` is the provider's id and is unique.
CREATE TABLE payments (
  id text PRIMARY KEY DEFAULT jishi_id(),
  order_id text NOT NULL REFERENCES orders(id),
  provider text NOT NULL,
  provider_ref text,
  amount bigint NOT NULL CHECK (amount > 0),
  status text NOT NULL CHECK (status IN ('created', 'succeeded', 'failed', 'refunded')),
  failure_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_order ON payments (order_id);
CREATE UNIQUE INDEX payments_provider_ref ON payments (provider, provider_ref) WHERE provider_ref IS NOT NULL;
-- At most one successful payment per order.
CREATE UNIQUE INDEX payments_one_success ON payments (order_id) WHERE status IN ('succeeded', 'refunded');

-- Callbacks seen, so a replayed notification is refused.
CREATE TABLE payment_callbacks (
  provider text NOT NULL,
  event_id text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, event_id)
);

-- Addresses members ship to, for the checkout's address book.
CREATE TABLE addresses (
  id text PRIMARY KEY DEFAULT jishi_id(),
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 30),
  phone text NOT NULL CHECK (phone ~ '^[0-9+\- ]{5,20}$'),
  line text NOT NULL CHECK (char_length(line) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX addresses_user ON addresses (user_id, id DESC);
