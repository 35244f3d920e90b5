-- Discovery (SPEC C8): full-text search over items and notes, and the nearby lists.
--
-- The search vectors are computed in Node (modules/search/text.ts): Chinese needs word
-- segmentation (jieba), traditional → simplified folding, full-width → half-width, and Latin +
-- digit runs split ("iPhone13" → iphone13, iphone, 13), none of which the built-in parsers do.
-- The result is stored as a 'simple' tsvector (lexemes are final, no stemming) and written by
-- the service that writes the row, in the same transaction. NULL means "not indexed yet": rows
-- inserted by other paths (demo seed, bulk generators, rows older than this migration) are
-- picked up by the indexer at start (search/indexer.ts), found through the *_search_pending
-- partial indexes.
ALTER TABLE items ADD COLUMN search_vector tsvector;
ALTER TABLE notes ADD COLUMN search_vector tsvector;

-- Search answers only items on sale; sold-out and withdrawn ones leave the index entries
-- behind a partial predicate, so a popular word does not drag every sold listing along.
CREATE INDEX items_search ON items USING gin (search_vector) WHERE status = 'on_sale';
CREATE INDEX notes_search ON notes USING gin (search_vector);
CREATE INDEX items_search_pending ON items (id) WHERE search_vector IS NULL;
CREATE INDEX notes_search_pending ON notes (id) WHERE search_vector IS NULL;

-- Listing with filters and no words: newest first or by price, keyset-paged, on sale only.
CREATE INDEX items_on_sale_latest ON items (created_at DESC, id DESC) WHERE status = 'on_sale';
CREATE INDEX items_on_sale_price ON items (price, id) WHERE status = 'on_sale';

-- Nearby: a bounding box on (lat, lng) narrows the rows, haversine orders them. Only rows with
-- a point: a place given as a label alone never takes part in anything about distance.
CREATE INDEX items_on_sale_place ON items (lat, lng) WHERE status = 'on_sale' AND lat IS NOT NULL;
CREATE INDEX notes_place ON notes (lat, lng) WHERE lat IS NOT NULL;
