-- Issue 15, items 4 and 5.

-- 4. Whose action a system card tells. An order card has no sender (the system posts it), but
-- it tells a step someone took: the buyer's payment, the seller's shipment. What I did myself
-- is not unread for me; a card with neither sender nor actor (a sweep's expiry, an
-- auto-confirmation) is unread for both. A member's own messages are theirs by sender_id.
ALTER TABLE messages ADD COLUMN actor_id text REFERENCES users(id) ON DELETE SET NULL;

-- The cards posted so far take the actor of the order event they tell.
UPDATE messages m SET actor_id = e.actor_id
  FROM order_events e
 WHERE m.kind = 'order' AND m.sender_id IS NULL AND e.order_id = m.order_id AND e.type = m.order_status
   AND e.actor_id IS NOT NULL;

-- And the unread counts are counted again under the rule: after the last read message, not
-- sent by me, not my own step.
UPDATE conversation_members cm SET unread_count = (
  SELECT count(*) FROM messages m
   WHERE m.conversation_id = cm.conversation_id
     AND (cm.last_read_message_id IS NULL OR m.id > cm.last_read_message_id)
     AND m.sender_id IS DISTINCT FROM cm.user_id
     AND m.actor_id IS DISTINCT FROM cm.user_id)
 WHERE cm.unread_count > 0;

-- 5. What an online order delivers: {message?, code?, link?, mediaIds?}, written by the seller
-- when marking it delivered; shown to the order's two parties only (modules/orders). The photos
-- stay private media; the 'orders' grant (modules/orders/delivery.ts) admits the buyer, found
-- through this index.
ALTER TABLE orders ADD COLUMN delivery_content jsonb;
CREATE INDEX orders_delivery_media ON orders USING gin ((delivery_content -> 'mediaIds')) WHERE delivery_content IS NOT NULL;
