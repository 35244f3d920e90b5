-- Reputation (SPEC C7): two-way reviews after a trade, and a stored, explainable credit score.

-- One review per side per order. A review is blind: `visible_at` is when it may be shown —
-- the end of the review window, or earlier, the moment the other side reviews too (both rows
-- are then set to that moment in one transaction), so neither side can answer the other's words.
CREATE TABLE reviews (
  id text PRIMARY KEY DEFAULT jishi_id(),
  order_id text NOT NULL REFERENCES orders(id),
  author_id text REFERENCES users(id) ON DELETE SET NULL,
  subject_id text NOT NULL REFERENCES users(id),
  author_role text NOT NULL CHECK (author_role IN ('buyer', 'seller')),
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  text text NOT NULL DEFAULT '' CHECK (char_length(text) <= 500),
  tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 6),
  reply text CHECK (char_length(reply) <= 300),
  replied_at timestamptz,
  visible_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (order_id, author_role)
);
CREATE INDEX reviews_subject_visible ON reviews (subject_id, visible_at DESC, id DESC);

-- The score as last computed, with its factors, so thresholds (the jury's JURY_MIN_CREDIT) and
-- lists read a number instead of recomputing it. `dirty` is set by the triggers below whenever
-- an input changes; a dirty or day-old row is recomputed on its next read and by a sweep.
CREATE TABLE credit_scores (
  user_id text PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  score int CHECK (score BETWEEN 0 AND 1000),
  factors jsonb NOT NULL DEFAULT '[]',
  -- The visible reviews' average and count as of computed_at, for seller cards in lists.
  rating_average real,
  rating_count int NOT NULL DEFAULT 0,
  computed_at timestamptz,
  dirty boolean NOT NULL DEFAULT true
);
CREATE INDEX credit_scores_dirty ON credit_scores (user_id) WHERE dirty;
CREATE INDEX credit_scores_score ON credit_scores (score);

-- A point each time the score changed, for the member's history chart.
CREATE TABLE credit_history (
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  score int NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, at)
);

CREATE FUNCTION credit_mark_dirty(uid text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO credit_scores (user_id, dirty) VALUES (uid, true)
  ON CONFLICT (user_id) DO UPDATE SET dirty = true WHERE NOT credit_scores.dirty;
$$;

-- Inputs of the score live in other modules' tables; triggers keep the "what changed" rule in one
-- place instead of asking every service to remember to call us.
CREATE FUNCTION credit_on_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM credit_mark_dirty(NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER credit_user AFTER INSERT OR UPDATE OF verified_at ON users
  FOR EACH ROW EXECUTE FUNCTION credit_on_user();

CREATE FUNCTION credit_on_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM credit_mark_dirty(NEW.buyer_id);
  PERFORM credit_mark_dirty(NEW.seller_id);
  RETURN NULL;
END $$;
CREATE TRIGGER credit_order AFTER UPDATE OF status ON orders
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.status IN ('completed', 'cancelled', 'refunded'))
  EXECUTE FUNCTION credit_on_order();

CREATE FUNCTION credit_on_review() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM credit_mark_dirty(NEW.subject_id);
  RETURN NULL;
END $$;
CREATE TRIGGER credit_review AFTER INSERT OR UPDATE OF visible_at ON reviews
  FOR EACH ROW EXECUTE FUNCTION credit_on_review();

CREATE FUNCTION credit_on_flagged_message() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.sender_id IS NOT NULL THEN PERFORM credit_mark_dirty(NEW.sender_id); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER credit_flagged_message AFTER INSERT ON messages
  FOR EACH ROW WHEN (cardinality(NEW.warnings) > 0)
  EXECUTE FUNCTION credit_on_flagged_message();

CREATE FUNCTION credit_on_content_flag() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM credit_mark_dirty(NEW.author_id);
  RETURN NULL;
END $$;
CREATE TRIGGER credit_content_flag AFTER INSERT ON content_flags
  FOR EACH ROW EXECUTE FUNCTION credit_on_content_flag();

-- The member a report is about: the user itself, or the author of the reported content.
CREATE FUNCTION report_subject(target_type text, target_id text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE target_type
    WHEN 'user' THEN target_id
    WHEN 'note' THEN (SELECT author_id FROM notes WHERE id = target_id)
    WHEN 'comment' THEN (SELECT author_id FROM comments WHERE id = target_id)
    WHEN 'item' THEN (SELECT seller_id FROM items WHERE id = target_id)
    WHEN 'message' THEN (SELECT sender_id FROM messages WHERE id = target_id)
    ELSE NULL
  END;
$$;

CREATE FUNCTION credit_on_report() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE subject text := report_subject(NEW.target_type, NEW.target_id);
BEGIN
  IF subject IS NOT NULL THEN PERFORM credit_mark_dirty(subject); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER credit_report AFTER UPDATE OF status ON reports
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION credit_on_report();

CREATE FUNCTION credit_on_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM credit_mark_dirty(NEW.buyer_id);
  PERFORM credit_mark_dirty(NEW.seller_id);
  RETURN NULL;
END $$;
CREATE TRIGGER credit_case AFTER UPDATE OF verdict ON after_sales
  FOR EACH ROW WHEN (OLD.verdict IS DISTINCT FROM NEW.verdict)
  EXECUTE FUNCTION credit_on_case();

CREATE FUNCTION credit_on_juror() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM credit_mark_dirty(NEW.user_id);
  RETURN NULL;
END $$;
CREATE TRIGGER credit_juror AFTER UPDATE OF agreed ON after_sale_jurors
  FOR EACH ROW WHEN (OLD.agreed IS DISTINCT FROM NEW.agreed)
  EXECUTE FUNCTION credit_on_juror();

-- A blind review becomes visible when its window closes, with no write to fire a trigger: the
-- credit sweep finds those by this index.
CREATE INDEX reviews_visible_at ON reviews (visible_at);

-- Existing members get a row to compute.
INSERT INTO credit_scores (user_id) SELECT id FROM users ON CONFLICT DO NOTHING;
