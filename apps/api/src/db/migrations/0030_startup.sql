-- Start-up at scale (issue 17): before serving, every process looks for verified members whose
-- ID number has no keyed hash yet (modules/accounts/id-number-hashes.ts). On a table where every
-- hash is filled this partial index is empty, so the look-up is one index probe instead of a
-- scan of all members (100k members: ~1,900 pages read at each start of each process).
CREATE INDEX users_id_hash_pending ON users (verified_at, id)
  WHERE id_number_enc IS NOT NULL AND id_number_hash IS NULL;
