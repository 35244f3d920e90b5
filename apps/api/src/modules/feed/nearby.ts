// The nearby feed's query: notes with a point within radiusKm of the viewer, pickup-friendly
// first (tier 0: an item on sale in the note can be picked up), then nearest, then by id.
//
// On the index notes_earth (migration 0028): a point's position on the unit sphere as a cube,
// GiST. The chord between two positions grows with the great-circle distance, so a KNN scan
// (`<->`) returns notes nearest first and stops at the LIMIT, and `<@` the radius's box bounds
// it. The order (tier, chord, id) is read as four streams one after another, an Append that
// the outer LIMIT stops as soon as the page is full (PostgreSQL runs a UNION ALL's branches in
// order; the last ORDER BY sorts only the page):
//   tier 0 among the NEAR nearest notes → tier 0 beyond them → tier 1 among them → beyond.
// Each stream walks the KNN order (an incremental sort puts notes at one point in id order,
// index-only) and tests pickup only for the notes it reads (the EXISTS in the select list is
// evaluated after the sort and LIMIT, not for every note in the radius). The NEAR cap is what
// lets the planner choose the KNN walk; the "beyond" streams keep the order exact when pickup
// notes are rare, and run only then. EXPLAIN at 1M notes: bench/README.md.
import { type RawBuilder, sql } from 'kysely';
import { compiledShapes } from '../../db/compiled.ts';
import type { Executor } from '../../db/index.ts';
import type { CardRow } from './repo.ts';

export const EARTH_KM = 6371.0088;
const NEAR = 1000;
const rad = (d: number) => (d * Math.PI) / 180;

/** The cube expression of the index notes_earth — keep it identical to migration 0028. */
const earthOf = (lat: RawBuilder<unknown>, lng: RawBuilder<unknown>) =>
  sql`cube(ARRAY[cos(radians(${lat})) * cos(radians(${lng})), cos(radians(${lat})) * sin(radians(${lng})), sin(radians(${lat}))])`;

/** The unit-sphere position of a point, as a float8[] for cube(). */
export function earthPoint(p: { lat: number; lng: number }): number[] {
  const [la, ln] = [rad(p.lat), rad(p.lng)];
  return [Math.cos(la) * Math.cos(ln), Math.cos(la) * Math.sin(ln), Math.sin(la)];
}

/** Great-circle km ⇄ chord of the unit sphere (monotonic both ways). */
export const chordOfKm = (km: number) => 2 * Math.sin(Math.min(Math.PI, km / EARTH_KM) / 2);
export const kmOfChord = (chord: number) => 2 * EARTH_KM * Math.asin(Math.min(1, chord / 2));

export type NearbyRow = CardRow & { chord: number; tier: number };

type Shape = 'first' | 'after-tier0' | 'after-tier1';

/**
 * The statement of one shape, compiled once (db/compiled.ts): a first page, or the next ones
 * after a tier-0 or a tier-1 note (the cursor's tier picks which streams run and where the key
 * applies). The viewer's position, the radius's chord, the cursor and the page size are values.
 */
const nearby = compiledShapes(
  { point: 'floats', limit: 'float', chord: 'float', id: 'text', take: 'int' },
  (_db, p, shape: Shape) => {
    const pos = earthOf(sql.ref('n.lat'), sql.ref('n.lng'));
    const viewer = sql`cube(${p.floats('point')}::float8[])`;
    const limit = p.float('limit');
    const take = p.int('take');
    const afterTier = shape === 'after-tier0' ? 0 : shape === 'after-tier1' ? 1 : null;
    const stream = (tier: 0 | 1, beyond: boolean) => {
      const keyset = afterTier === tier ? sql`(${pos} <-> ${viewer}, n.id) > (${p.float('chord')}::float8, ${p.text('id')})` : sql`true`;
      const ordered = sql`SELECT n.id, ${pos} <-> ${viewer} AS chord,
          EXISTS (
            SELECT 1 FROM note_items ni JOIN items i ON i.id = ni.item_id
            WHERE ni.note_id = n.id AND i.status = 'on_sale' AND i.hidden_at IS NULL AND 'pickup' = ANY (i.delivery)
          ) AS pickup
        FROM notes n
        WHERE n.lat IS NOT NULL AND n.hidden_at IS NULL AND ${pos} <@ cube_enlarge(${viewer}, ${limit}::float8, 3) AND ${keyset}
        ORDER BY chord, n.id ${beyond ? sql`OFFSET ${NEAR}` : sql`LIMIT ${NEAR}`}`;
      return sql`(SELECT s.id, s.chord, ${sql.lit(tier)} AS tier FROM (${ordered}) s
        WHERE s.pickup = ${sql.lit(tier === 0)} AND s.chord <= ${limit}::float8 LIMIT ${take})`;
    };
    const streams = afterTier === 1 ? [stream(1, false), stream(1, true)] : [stream(0, false), stream(0, true), stream(1, false), stream(1, true)];
    return sql<NearbyRow>`
      SELECT n.id, n.kind, n.title, n.author_id, n.cover_id, n.like_count, n.created_at, k.chord, k.tier
      FROM (SELECT * FROM (${sql.join(streams, sql` UNION ALL `)}) u LIMIT ${take}) k
      JOIN notes n ON n.id = k.id
      ORDER BY k.tier, k.chord, k.id`;
  },
  'nearby notes',
);

/** `after`: [tier, chord, id] of the last note of the previous page. */
export function nearbyNotes(
  db: Executor,
  near: { lat: number; lng: number; radiusKm: number },
  after: [number, number, string] | null,
  take: number,
): Promise<NearbyRow[]> {
  const shape: Shape = !after ? 'first' : after[0] === 1 ? 'after-tier1' : 'after-tier0';
  return nearby(shape).all(db, {
    point: earthPoint(near),
    limit: chordOfKm(near.radiusKm),
    ...(after ? { chord: after[1], id: after[2] } : {}),
    take,
  });
}
