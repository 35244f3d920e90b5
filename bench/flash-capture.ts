// What the API sends for a flash-sale `POST /api/v1/orders` (for bench/flash-bare.ts): the API runs
// once in this process (the same startServer `npm start` runs, on the bench's database) with pg's
// Client.query wrapped, and two buyers order one unit each of a 2-unit item — the first reads the
// item's terms, the second finds them remembered (the flash sale's common case). Returns the
// statements' text, and throws unless the bare server's parameters (flash-bare.ts takeValues) are
// the ones the API sent for the same buyer and item — so the floor runs the same transaction.
import '@hono/zod-openapi';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { readConfig } from '../apps/api/src/config.ts';
import type { Db } from '../apps/api/src/db/index.ts';
import { type FlashSpec, type Terms, takeValues } from './flash-bare.ts';

type Statement = { text: string; values: unknown[]; name?: string };

export async function captureOrderSql(url: string, dataDir: string, db: Db, pool: pg.Pool, sellerId: string, buyers: { id: string; token: string }[]): Promise<FlashSpec> {
  const als = new AsyncLocalStorage<Statement[]>();
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text: string; values?: unknown[]; name?: string };
    als.getStore()?.push({
      // A named (prepared, db/prepared.ts) statement keeps its name: the bare server prepares it too.
      ...(typeof first === 'object' && first.name ? { name: first.name } : {}),
      text: typeof first === 'string' ? first : first.text,
      values: ((typeof first === 'string' ? args[1] : first.values) ?? []) as unknown[],
    });
    return original.apply(this, args);
  };
  const { startServer } = await import('../apps/api/src/server.ts');
  const { buildApp } = await import('../apps/api/src/app.ts');
  const running = await startServer(readConfig({ DATABASE_URL: url, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED_DEMO: 'false' }));
  try {
    const app = buildApp(running.deps);
    const item = await db.insertInto('items')
      .values({ sellerId, title: '抓取', price: 3900, quantity: 2, available: 2, delivery: ['pickup'], category: 'anime' })
      .returning('id').executeTakeFirstOrThrow();
    const order = async (b: { token: string }) => {
      const qs: Statement[] = [];
      const res = await als.run(qs, () =>
        app.request('/api/v1/orders', {
          method: 'POST',
          headers: { authorization: `Bearer ${b.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ itemId: item.id, delivery: 'pickup' }),
        }),
      );
      if (res.status !== 201) throw new Error(`capture: ${res.status} ${await res.text()}`);
      // The operator settings' refresh (every few seconds, by whichever request comes) is no part of an order.
      return qs.filter((q) => !/^select "key", "value" from "settings"$/.test(q.text.trim()));
    };
    const [b1, b2] = buyers as [{ id: string; token: string }, { id: string; token: string }];
    const first = await order(b1);
    const second = await order(b2);
    if (first.length !== 3 || second.length !== 2) {
      throw new Error(`capture: expected 3 then 2 statements, got ${first.length} then ${second.length}:\n${[...first, ...second].map((q) => q.text.slice(0, 80)).join('\n')}`);
    }
    const [session, take] = second as [Statement, Statement];
    const terms = first[1] as Statement;
    if (first[0]?.text !== session.text || first[2]?.text !== take.text) throw new Error('capture: the two orders sent different statements');
    const spec: FlashSpec = {
      session: session.text,
      terms: terms.text,
      take: take.text,
      names: { session: session.name, terms: terms.name, take: take.name },
      feeBps: running.deps.config.feeBps,
      expiryMinutes: running.deps.config.paymentExpiryMinutes,
      termsTtlMs: 2000, // orders/service/take-order.ts TTL_MS
    };
    // The same parameters: the session's (token hash, now), the terms' (item id), the take's.
    const hash = createHash('sha256').update(b2.token).digest('hex');
    if (session.values[0] !== hash || !(session.values[1] instanceof Date) || session.values.length !== 2) throw new Error('capture: session parameters differ');
    if (!isDeepStrictEqual(terms.values, [item.id])) throw new Error('capture: terms parameters differ');
    // As a config object: db/prepared.ts's client drops pool.query's callback for a marked text given as a string (it would hang).
    const { rows } = await pool.query<{ terms: Terms }>({ text: spec.terms, values: [item.id] });
    const mine = takeValues(spec, rows[0]?.terms as Terms, b2.id, 1, take.values[22] as Date, take.values[20] as string);
    const diff = take.values.map((v, i) => (isDeepStrictEqual(v, mine[i]) ? null : `$${i + 1}: API ${JSON.stringify(v)}, bare ${JSON.stringify(mine[i])}`)).filter(Boolean);
    if (diff.length || mine.length !== take.values.length || !/^\d{6}$/.test(String(take.values[20]))) throw new Error(`capture: take parameters differ:\n${diff.join('\n')}`);
    return spec;
  } finally {
    proto.query = original;
    await running.stop();
  }
}
