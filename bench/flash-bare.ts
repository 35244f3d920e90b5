// The flash sale's floor (issue 17): a bare node:http + pg server that answers
// `POST /api/v1/orders` by sending the SAME statements the API sends for that request — the session
// lookup by the token's hash, the item's terms when it has none read in the last 2 s (as the API),
// and the one statement that takes the stock and inserts the order and its event — with the same
// parameters, built here the way the API builds them (a statement the API prepares, db/prepared.ts,
// is prepared here too, under its name). bench/flash-sale.ts captures the API's SQL
// text (spec file) and checks, before any round, that `takeValues` gives the parameters the API
// sent for the same buyer and item. No router, validation library, Kysely, middleware or
// presenter: 201 with the order row as JSON, 409 out_of_stock, 401 without a live session.
//
//   DATABASE_URL=… PORT=… node --import tsx bench/flash-bare.ts spec.json
import { createHash, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import pg from 'pg';
import type { Terms } from '../apps/api/src/modules/orders/service/take-order.ts';

/** What flash-sale.ts captured from the API: the three statements' text and the settings they used. */
export type FlashSpec = {
  session: string;
  terms: string;
  take: string;
  /** The statements the API sends as named prepared statements, under the API's names. */
  names: { session?: string; terms?: string; take?: string };
  feeBps: number;
  expiryMinutes: number;
  termsTtlMs: number;
};

/** The take statement's parameters, in the API's order (take-order.ts), for a pickup order without offer or deposit. */
export function takeValues(spec: FlashSpec, terms: Terms, buyerId: string, quantity: number, now: Date, pickupCode: string): unknown[] {
  const itemTotal = terms.price * quantity;
  const total = itemTotal; // pickup: no shipping fee
  const fee = Math.floor((total * spec.feeBps + 5000) / 10000); // half-up, as lib/money.ts
  const snapshot = {
    title: terms.title,
    coverUrl: terms.coverId ? `/media/${terms.coverId}/card.webp` : null,
    condition: terms.condition,
    category: terms.category,
    version: terms.version,
    listPrice: terms.price,
    location: terms.locationLabel || null,
  };
  const expiresAt = new Date(now.getTime() + spec.expiryMinutes * 60_000);
  return [
    terms.id, quantity, terms.id, quantity, terms.version, buyerId, terms.sellerId, null, quantity, terms.price, itemTotal, 0, total, fee,
    total - fee, spec.feeBps, null, 'pickup', null, JSON.stringify(snapshot), pickupCode, expiresAt, now, now, buyerId,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) serve(JSON.parse(readFileSync(process.argv[2] as string, 'utf8')));

function serve(spec: FlashSpec) {
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v)); // as the API's db/index.ts
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX ?? 20) });
  pool.on('error', () => {});
  // As the API's pool: a statement it sends named is prepared once per connection here too.
  const query = (which: 'session' | 'terms' | 'take', values: unknown[]) => pool.query({ name: spec.names[which], text: spec[which], values });
  const remembered = new Map<string, { terms: Terms; at: number }>();
  const readTerms = async (itemId: string) => {
    const terms = (await query('terms', [itemId])).rows[0]?.terms as Terms | undefined;
    if (terms) remembered.set(itemId, { terms, at: performance.now() });
    return terms;
  };
  const send = (res: import('node:http').ServerResponse, status: number, body: unknown, type = 'application/json') =>
    res.writeHead(status, { 'content-type': type }).end(JSON.stringify(body));
  const problem = (res: import('node:http').ServerResponse, status: number, code: string) =>
    send(res, status, { type: 'about:blank', title: code, status, code }, 'application/problem+json');

  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/api/v1/orders') return void res.writeHead(404).end();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      order(req.headers.authorization, Buffer.concat(chunks).toString('utf8')).then(
        ([status, body]) => (status === 201 ? send(res, 201, body) : problem(res, status, body as string)),
        (err) => res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err)),
      );
    });
  });

  async function order(auth: string | undefined, raw: string): Promise<[number, unknown]> {
    const token = auth?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) return [401, 'invalid_token'];
    const s = (await query('session', [createHash('sha256').update(token).digest('hex'), new Date()])).rows[0];
    if (s?.status !== 'active') return [401, 'invalid_token'];
    const body = JSON.parse(raw) as { itemId: string; quantity?: number; delivery: string };
    const q = body.quantity ?? 1;
    if (body.delivery !== 'pickup') return [422, 'unsupported_here'];
    const hit = remembered.get(body.itemId);
    let terms = hit && performance.now() - hit.at < spec.termsTtlMs ? hit.terms : undefined;
    let fresh = !terms;
    terms ??= await readTerms(body.itemId);
    for (let attempt = 0; ; attempt++) {
      if (!terms || terms.hidden) return [404, 'not_found'];
      if (terms.withdrawn) return [409, 'item_withdrawn'];
      if (fresh && terms.available < q) return [409, 'out_of_stock'];
      const pickup = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const row = (await query('take', takeValues(spec, terms, s.id, q, new Date(), pickup))).rows[0];
      if (row?.placed_at) {
        const { seen: _seen, placed_at, ...o } = row;
        return [201, { ...o, events: [{ type: 'placed', at: placed_at, by: 'buyer' }] }];
      }
      // Missed: as the API, the statement's snapshot says why unless it saw the take as possible
      // (it waited on the row lock), then the item is read again.
      let seen = row?.seen as Terms | undefined;
      if (seen && seen.version === terms.version && !seen.withdrawn && !seen.hidden && seen.available >= q) seen = await readTerms(body.itemId);
      if (seen && seen.version === terms.version && !seen.hidden && !seen.withdrawn && seen.available < q) return [409, 'out_of_stock'];
      if (attempt >= 3) return [409, 'item_changed'];
      [terms, fresh] = [seen, true];
    }
  }

  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const a = server.address();
    process.stdout.write(`listening ${typeof a === 'object' && a ? a.port : ''}\n`);
  });
  process.on('SIGTERM', () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}
