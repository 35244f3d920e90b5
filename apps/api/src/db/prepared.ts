// Named (server-side prepared) statements for the hottest statements (issue 17). Every other
// statement goes as an unnamed one, which PostgreSQL parses and plans on every execution — for
// the chat send gate (a dozen EXISTS) that planning is ~80% of its cost: 0.97 ms of backend CPU
// unnamed against 0.19 ms named (bench/README.md, "Chat sockets").
//
// A statement asks for it in its own text: it starts with the comment `/*prepared:<name>*/`.
// The pool's clients (PreparingClient, set in db/index.ts) send such a statement under that
// name, so each connection parses and plans it once and then only binds values. Nothing else
// changes: Kysely compiles and runs the statement as before (plugins, transactions), the text
// still reaches PostgreSQL whole on a connection's first use. The text of a name must never
// vary (values go as parameters, never spliced in): pg refuses a name reused for another text
// ("Prepared statements must be unique"), so a mistake fails loudly at once, not silently.
import pg from 'pg';

const PREFIX = '/*prepared:';

/** The statement's name when its text asks to be prepared, else null. */
export function preparedName(text: string): string | null {
  if (!text.startsWith(PREFIX)) return null;
  const end = text.indexOf('*/', PREFIX.length);
  return end > PREFIX.length ? text.slice(PREFIX.length, end) : null;
}

type QueryArgs = Parameters<pg.Client['query']>;
type Callback = (err: Error | null, r: pg.QueryResult) => void;
// pg's Query class: exported at run time, missing from @types/pg's index.
const Query = (pg as unknown as { Query: new (text: string, values?: unknown[]) => pg.Submittable & { name?: string; callback?: Callback } }).Query;

export class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() is a set of overloads; this passes its arguments on untouched
  override query(...args: any[]): any {
    const [config, values, callback] = args as [unknown, unknown, unknown];
    if (typeof config === 'string') {
      const name = preparedName(config);
      // query(text, values?, callback?) or query(text, callback): pg-pool passes a callback, which
      // must reach pg, or pool.query() of a marked statement never settles.
      if (name && (values === undefined || Array.isArray(values) || typeof values === 'function')) {
        const cb = (typeof values === 'function' ? values : callback) as Callback | undefined;
        // The Query is built from the text and named afterwards: given a config object, pg
        // copies it property descriptor by property descriptor (utils.cloneQueryConfig), 3% of
        // the API's CPU on a page of items once every compiled statement was named.
        const query = new Query(config, Array.isArray(values) ? values : undefined);
        query.name = name;
        if (typeof cb === 'function') {
          query.callback = cb;
          return super.query(query);
        }
        return new Promise<pg.QueryResult>((resolve, reject) => {
          query.callback = (err, r) => (err ? reject(err) : resolve(r));
          super.query(query);
        });
      }
    }
    return super.query(...(args as QueryArgs));
  }
}
