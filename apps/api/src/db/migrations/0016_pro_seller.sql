-- Professional-seller guard (SPEC C7, issue 13): the community stays a place for individuals.
-- Signals are computed from listings, photos and sales (modules/trust/pro-seller.ts); a member
-- who crosses a threshold is flagged, limited, told why, and queued for operators.

-- A 64-bit difference hash of each photo (16 hex), computed from its smallest rendition: the
-- same picture re-uploaded, resized or re-saved differs in at most a few bits. Near copies
-- (Hamming distance ≤ 3) always share one of the four 16-bit quarters exactly (pigeonhole),
-- so four expression indexes find the candidates and bit_count checks the distance.
ALTER TABLE media ADD COLUMN phash text CHECK (phash ~ '^[0-9a-f]{16}$');
CREATE INDEX media_phash_q1 ON media (substr(phash, 1, 4)) WHERE phash IS NOT NULL;
CREATE INDEX media_phash_q2 ON media (substr(phash, 5, 4)) WHERE phash IS NOT NULL;
CREATE INDEX media_phash_q3 ON media (substr(phash, 9, 4)) WHERE phash IS NOT NULL;
CREATE INDEX media_phash_q4 ON media (substr(phash, 13, 4)) WHERE phash IS NOT NULL;

CREATE TABLE seller_flags (
  user_id text PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('flagged', 'cleared')),
  -- The signals that crossed their thresholds, with the numbers and the evidence (item ids).
  signals jsonb NOT NULL,
  flagged_at timestamptz NOT NULL,
  evaluated_at timestamptz NOT NULL,
  -- The member asked an operator to look again.
  review_requested_at timestamptz,
  cleared_at timestamptz,
  CHECK ((status = 'cleared') = (cleared_at IS NOT NULL))
);

-- System-raised entries in the moderation queue: `pro_seller` joins the report reasons.
ALTER TABLE reports DROP CONSTRAINT reports_reason_check;
ALTER TABLE reports ADD CONSTRAINT reports_reason_check
  CHECK (reason IN ('scam', 'off_platform', 'harassment', 'spam', 'prohibited', 'counterfeit', 'other', 'pro_seller'));
ALTER TABLE reports ADD COLUMN evidence jsonb;
