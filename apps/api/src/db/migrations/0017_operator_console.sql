-- The operator console (issue 14; API.md "Operator"; SPEC C7, C10): roles, moderation that
-- hides content and limits or bans members, an append-only audit log, and the product rules'
-- numbers as settings stored in the database.

-- Roles: member / moderator / admin. The one operator role of 0001 becomes admin.
ALTER TABLE users DROP CONSTRAINT users_role_check;
UPDATE users SET role = 'admin' WHERE role = 'operator';
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('member', 'moderator', 'admin'));
CREATE INDEX users_staff ON users (role) WHERE role <> 'member';

-- Hidden by a moderator: gone for everyone but the author and operators; restore clears it.
ALTER TABLE notes ADD COLUMN hidden_at timestamptz;
ALTER TABLE comments ADD COLUMN hidden_at timestamptz;
ALTER TABLE items ADD COLUMN hidden_at timestamptz;
ALTER TABLE messages ADD COLUMN hidden_at timestamptz;

-- A member limited for a time: no new listings, or no messages, until `until`.
CREATE TABLE member_limits (
  id text PRIMARY KEY DEFAULT jishi_id(),
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('listing', 'messaging')),
  until timestamptz NOT NULL,
  reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
  created_by text REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  lifted_at timestamptz
);
CREATE INDEX member_limits_user ON member_limits (user_id, kind, until) WHERE lifted_at IS NULL;

-- How a report was closed, and by whom.
ALTER TABLE reports
  ADD COLUMN resolved_at timestamptz,
  ADD COLUMN resolved_by text REFERENCES users(id) ON DELETE SET NULL,
  ADD COLUMN resolution text CHECK (resolution IN ('hide', 'restore', 'warn', 'limit', 'ban', 'unban', 'dismiss'));
CREATE INDEX reports_target ON reports (target_type, target_id);
CREATE INDEX reports_open_reason ON reports (reason, created_at) WHERE status = 'open';

-- Every operator action, once: who, what, when, why, and the target before and after.
-- Append-only: the trigger refuses UPDATE, DELETE and TRUNCATE, whoever runs them.
CREATE TABLE audit_log (
  id text PRIMARY KEY DEFAULT jishi_id(),
  -- No foreign key: a later change to the member (deletion) must never touch the log.
  actor_id text,
  actor_username text NOT NULL,
  actor_role text NOT NULL,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text NOT NULL,
  reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 1000),
  before jsonb,
  after jsonb,
  report_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_recent ON audit_log (created_at DESC, id DESC);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id, created_at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- The product rules' numbers, overriding the environment's defaults (modules/admin/settings.ts).
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);

-- The dashboard reads ranges of these by time. (Not items: an index on items (created_at) would
-- draw a seller's list away from items_seller_created; the dashboard scans items instead.)
CREATE INDEX orders_completed_at ON orders (completed_at) WHERE completed_at IS NOT NULL;
CREATE INDEX orders_created_at ON orders (created_at);
CREATE INDEX users_created_at ON users (created_at);
CREATE INDEX after_sales_created_at ON after_sales (created_at);
CREATE INDEX ledger_postings_fees ON ledger_postings (created_at) WHERE to_account = 'platform:fees' OR from_account = 'platform:fees';
CREATE INDEX messages_flagged ON messages (created_at) WHERE cardinality(warnings) > 0;
CREATE INDEX content_flags_created_at ON content_flags (created_at);
