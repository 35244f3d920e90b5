-- Issue 9, holes 5, 6 and 8: idempotency keys that commit with the money they guard, payments
-- reconciled with the gateway, payouts retried with a limit.

-- Idempotency (lib/idempotency.ts). A key's row is now written by the very transaction that
-- moves the money, so it never exists without its effect, and nothing deletes it afterwards.
--   owner     the request that wrote it (a random id): a request tells its own row from a
--             concurrent duplicate's
--   resource  what a later step completes ('withdrawal:<id>', 'pay:<payment id>',
--             'refund:<payment id>'): that step refreshes the stored answer in its own transaction
--   state     'running' while the request that committed it is still answering (a duplicate
--             waits for its final answer a little), 'done' after
-- Rows left 'running' by the old protocol were claims of requests that never answered and
-- carry no answer: they go.
DELETE FROM idempotency_keys WHERE state = 'running' OR response_status IS NULL;
ALTER TABLE idempotency_keys ADD COLUMN owner text, ADD COLUMN resource text;
CREATE INDEX idempotency_keys_resource ON idempotency_keys (resource) WHERE resource IS NOT NULL;

-- Payments the gateway has not confirmed, for the reconciliation sweep (orders/reconcile.ts).
-- updated_at moves each time a charge is (re)sent, so a payment being charged right now is
-- never taken for a stuck one.
CREATE INDEX payments_unconfirmed ON payments (updated_at) WHERE status = 'created';

-- Payouts: how many times the provider was asked, and why the last try did not go through.
-- A definite "not sent, try again" answer is retried up to a limit and then reversed; an
-- unknown outcome (timeout) is retried without limit, because the money may have left.
ALTER TABLE withdrawals ADD COLUMN attempts int NOT NULL DEFAULT 0, ADD COLUMN last_error text;
