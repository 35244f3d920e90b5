-- Labelled messages for the scam shield's learned layer (issue 9). The moderator console (to
-- come) records here its decision on a reported message: a lure, with the warnings it
-- deserves when the moderator says which, or ordinary talk the shield should leave alone.
-- The trainer (modules/trust/scam-labels.ts) merges these rows with the built-in labelled set
-- at start-up and on a schedule. Only the text is kept, not who wrote it.
CREATE TABLE scam_labels (
  id text PRIMARY KEY DEFAULT jishi_id(),
  text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
  is_lure boolean NOT NULL,
  warnings text[] NOT NULL DEFAULT '{}'
    CHECK (warnings <@ ARRAY['off_platform_contact', 'deposit_request', 'external_payment', 'suspicious_link']::text[]),
  source text NOT NULL CHECK (source IN ('moderator', 'report', 'import')),
  report_id text REFERENCES reports(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (is_lure OR cardinality(warnings) = 0) -- ordinary talk deserves no warning
);
CREATE INDEX scam_labels_created ON scam_labels (created_at DESC);
