-- An order that completes, is cancelled or refunded marks both parties' credit scores dirty. The
-- marks lock the two credit_scores rows; taken buyer-then-seller, two members who sell to each
-- other and finish both orders at once took them in opposite orders and deadlocked (the order
-- fuzz's hand-over 500; orders/crossing.test.ts). Every transaction now takes them in id order.
CREATE OR REPLACE FUNCTION credit_on_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM credit_mark_dirty(LEAST(NEW.buyer_id, NEW.seller_id));
  PERFORM credit_mark_dirty(GREATEST(NEW.buyer_id, NEW.seller_id));
  RETURN NULL;
END $$;
