-- Quick-sell items (SPEC C3). One row per listing; stock and state live on the row so the
-- orders module can reserve stock with one guarded statement and never oversell:
--
--   UPDATE items SET available = available - $q
--    WHERE id = $1 AND available >= $q AND status = 'on_sale' RETURNING …
--
-- `status` is a STORED generated column derived from `withdrawn_at` and `available`, so it can
-- never disagree with the stock: the decrement that takes the last unit makes the item
-- sold_out in the same statement, and releasing a reservation (available + q) puts it back
-- on sale. No trigger, and no writer has to remember to set it. Withdrawal is the only state
-- a person chooses; it is a timestamp, cleared by an explicit relist.
CREATE TABLE items (
  id text PRIMARY KEY DEFAULT jishi_id(),
  seller_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 60),
  description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
  -- Fen. The operator's cap (QUICKSELL_PRICE_CAP) is enforced by the API; this is the outer bound.
  price bigint NOT NULL CHECK (price BETWEEN 0 AND 100000000),
  quantity int NOT NULL CHECK (quantity BETWEEN 1 AND 999),
  -- Units neither reserved nor sold. quantity - available = units taken by orders, which a
  -- quantity edit keeps taken (available = new quantity - taken).
  available int NOT NULL,
  delivery text[] NOT NULL CHECK (
    cardinality(delivery) BETWEEN 1 AND 3 AND delivery <@ ARRAY['pickup', 'shipping', 'online']
  ),
  -- Charged once per shipped order; 0 with shipping is free shipping (包邮), and without
  -- shipping it is always 0.
  shipping_fee bigint NOT NULL DEFAULT 0 CHECK (shipping_fee BETWEEN 0 AND 100000),
  -- Validated against the shared taxonomy (packages/shared) by the API; only the shape is
  -- checked here so that adding a category is a code change, not a migration.
  category text NOT NULL CHECK (category ~ '^[a-z_]{2,30}$'),
  -- NULL: not stated (services, or a client that did not say).
  condition text CHECK (condition IN ('new', 'like_new', 'light_wear', 'visible_wear')),
  -- Stored to 3 decimals (~100 m) for privacy: numeric(…, 3) makes that a property of the column.
  lat numeric(5, 3) CHECK (lat BETWEEN -90 AND 90),
  lng numeric(6, 3) CHECK (lng BETWEEN -180 AND 180),
  location_label text NOT NULL DEFAULT '' CHECK (char_length(location_label) <= 50),
  withdrawn_at timestamptz,
  status text NOT NULL GENERATED ALWAYS AS (
    CASE WHEN withdrawn_at IS NOT NULL THEN 'withdrawn' WHEN available = 0 THEN 'sold_out' ELSE 'on_sale' END
  ) STORED,
  -- Bumped by every seller edit (not by stock moves): orders snapshot the terms they were
  -- placed under, and a client can tell that the terms it showed have changed.
  version int NOT NULL DEFAULT 1,
  -- Millisecond precision, like the JavaScript dates that keyset cursors carry.
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  updated_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  CONSTRAINT items_available_range CHECK (available BETWEEN 0 AND quantity),
  CONSTRAINT items_shipping_fee_needs_shipping CHECK (shipping_fee = 0 OR 'shipping' = ANY (delivery)),
  CONSTRAINT items_location_pair CHECK ((lat IS NULL) = (lng IS NULL))
);
-- A seller's items, newest first: "my items" (all states) and the profile (on sale + sold out).
CREATE INDEX items_seller_created ON items (seller_id, created_at DESC, id DESC);
-- The same with one state: the tabs of "my items" and of a profile.
CREATE INDEX items_seller_status_created ON items (seller_id, status, created_at DESC, id DESC);

-- Photos in display order; position 0 is the cover. Positions 0–8: at most 9 photos.
CREATE TABLE item_images (
  item_id text NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  position smallint NOT NULL CHECK (position BETWEEN 0 AND 8),
  media_id text NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, position),
  UNIQUE (item_id, media_id)
);
CREATE INDEX item_images_media ON item_images (media_id);

-- Item cards in notes and comments (0002 created the columns before items existed). Items are
-- never deleted by the API (sellers withdraw them); only deleting the seller's account removes
-- them, and with them the cards they appear as.
ALTER TABLE note_items ADD CONSTRAINT note_items_item_fk FOREIGN KEY (item_id) REFERENCES items(id) ON DELETE CASCADE;
ALTER TABLE comments ADD CONSTRAINT comments_item_fk FOREIGN KEY (item_id) REFERENCES items(id) ON DELETE CASCADE;
