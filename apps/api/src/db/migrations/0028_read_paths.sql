-- Read paths at 1M rows (issues 12 and 17; bench/README.md has the plans before and after).

-- Nearby by distance on an index that stops early. A point is stored as lat/lng; its position
-- on the unit sphere (x, y, z) is a 3-D cube, and the straight-line (chord) distance between
-- two such positions grows with the great-circle distance, so a GiST KNN scan (`<->`) on it
-- returns notes nearest first and a LIMIT stops it. `<@ cube_enlarge(…)` bounds the scan to
-- the radius's box. INCLUDE (id, lat, lng): the scan is index-only (a tie of many notes at one
-- point is ordered by id without reading them). cube is a trusted extension (PostgreSQL 13+):
-- the database owner may create it. Expressions must stay identical to feed/nearby.ts.
CREATE EXTENSION IF NOT EXISTS cube;
CREATE INDEX IF NOT EXISTS notes_earth ON notes USING gist (
  cube(ARRAY[cos(radians(lat)) * cos(radians(lng)), cos(radians(lat)) * sin(radians(lng)), sin(radians(lat))])
) INCLUDE (id, lat, lng) WHERE lat IS NOT NULL AND hidden_at IS NULL;
