-- The no-show contest window is an operator setting (noShowContestHours, 24 by default): the
-- deadline is written on the order when the seller records the no-show, so a change of the
-- setting applies only to no-shows recorded afterwards. Every reader (the contest check, the
-- settlement sweep, the order's `contestUntil`) uses this column.
ALTER TABLE orders ADD COLUMN contest_until timestamptz;
-- Claims recorded before this migration had the fixed 24 h window.
UPDATE orders SET contest_until = no_show_at + interval '24 hours' WHERE no_show_at IS NOT NULL;
ALTER TABLE orders ADD CONSTRAINT orders_contest_until_with_no_show
  CHECK ((no_show_at IS NULL) = (contest_until IS NULL) AND (contest_until IS NULL OR contest_until > no_show_at));

-- The settlement sweep looks for claims whose deadline has passed.
DROP INDEX IF EXISTS orders_no_show_due;
CREATE INDEX orders_no_show_due ON orders (contest_until) WHERE status = 'reserved' AND contest_until IS NOT NULL;
