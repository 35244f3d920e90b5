-- The credit sweep (trust/credit-repo.ts `sweepCredit`, every minute) asks which scores are due:
-- marked dirty, never computed, or computed more than a day ago. `dirty` had its partial index,
-- the other two none, so each minute PostgreSQL read every score: a sequential scan of 100,000
-- rows, 200 ms at the bench's 1M market (bench/README.md), growing with the members. With this
-- index the three conditions are a BitmapOr of index scans that read only the due rows.
CREATE INDEX IF NOT EXISTS credit_scores_computed ON credit_scores (computed_at NULLS FIRST);
