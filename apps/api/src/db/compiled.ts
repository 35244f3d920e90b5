// Compiled statements for the hot read paths (issue 17): a query is built and compiled ONCE —
// Kysely's builder, CamelCasePlugin's identifier rewrite and the SQL compiler cost ~15% of the
// API's busy time when they run on every request — and each request only fills in its values.
//
//   const byId = compiled({ id: 'text' }, (db, p) => db.selectFrom('notes').selectAll().where('id', '=', p.text('id')));
//   const note = await byId.first(db, { id });          // db: the pool or a transaction
//
// How: the builder runs with MARKER values (`p.text('id')` is a string no request can send,
// `p.int('take')` a number none would); the compiled parameters are then scanned: a marker
// becomes "the value of `id`", anything else stays a constant of the statement. At run time the
// cached SQL runs on the pool when the executor is the app's own Kysely instance (db/index.ts
// poolRunner: rows camelCased by the same plugin), else through `executeQuery` of the executor
// given (so a transaction's connection is used and CamelCasePlugin's transformResult still turns
// rows into camelCase).
//
// It refuses, when the statement is first built, what it cannot run safely:
// - a declared parameter whose marker is nowhere among the compiled parameters (unused, or
//   inlined into the SQL text — sql.lit, sql.raw — or expanded: `where(x, 'in', array)` makes
//   one parameter per element; an array must go as ONE parameter, `= any(${p.texts('ids')})`);
// - a parameter derived from a marker (`p.int('take') + 1`, `'%' + p.text('q')`): the builder is
//   run twice with two different marker sets, and the SQL and the constants must not change —
//   which also refuses a builder whose shape depends on a value (use `compiledShapes`);
// - an executor with a plugin other than CamelCasePlugin (its transformResult might depend on
//   state its transformQuery left, which a cached statement skips). For the same reason a
//   plugin never sees a compiled statement, nor does the app's own instance log one: count
//   statements with the `log` of a Kysely instance of your own (feed/queries.test.ts).
// What it cannot see: a builder that reads request data from its closure instead of `p`. Build
// from `p` and module constants only.
import { CamelCasePlugin, type Compilable, type CompiledQuery, type KyselyPlugin, type RawBuilder } from 'kysely';
import { type Db, type Executor, poolRunner } from './index.ts';
import { preparedName } from './prepared.ts';

type Kinds = { text: string; int: number; float: number; date: Date; texts: string[]; floats: number[] };
export type Kind = keyof Kinds;
export type Spec = Record<string, Kind>;
/** The values a statement runs with, typed by its spec. */
export type Args<S extends Spec> = { [K in keyof S]: Kinds[S[K]] };
type NamesOf<S extends Spec, T extends Kind> = { [K in keyof S]: S[K] extends T ? K : never }[keyof S] & string;

/** What a builder reads its parameters from: each call gives the marker of the named value. */
export type Markers<S extends Spec> = {
  text(name: NamesOf<S, 'text'>): string;
  int(name: NamesOf<S, 'int'>): number;
  float(name: NamesOf<S, 'float'>): number;
  date(name: NamesOf<S, 'date'>): Date;
  /** One parameter holding the whole array: write `= any(${p.texts('ids')})`, never `in`. */
  texts(name: NamesOf<S, 'texts'>): string[];
  /** Likewise, a float8[] (`${p.floats('point')}::float8[]`). */
  floats(name: NamesOf<S, 'floats'>): number[];
};

/** What a builder returns: a query builder, or `sql` (compiled against the executor). */
export type Statement<R> = Compilable<R> | RawBuilder<R>;

export class CompiledQueryError extends Error {
  override name = 'CompiledQueryError';
}

/** A position of the compiled parameter list: a named value or a constant of the statement. */
type Slot = { name: string } | { value: unknown };
type Built = {
  sql: string;
  query: CompiledQuery['query'];
  queryId: CompiledQuery['queryId'];
  slots: Slot[];
  /** The same text under its own name, run when every array value holds one element (see `prepare`). */
  sqlOne: string | null;
};

const TEXT_MARK = '\u0000jishi-param';

/** Marker values for one build; `set` 0 and 1 differ in every marker (see the module comment). */
function markerSet<S extends Spec>(spec: S, set: 0 | 1) {
  const names = Object.keys(spec);
  // Found again among the compiled parameters by value (string, number) or identity (Date, array).
  const byValue = new Map<unknown, string>();
  const text = (i: number) => `${TEXT_MARK}:${set}:${i}\u0000`;
  const num = (i: number) => -(set === 0 ? 2 ** 50 : 2 ** 51) - i * 1009;
  const dates = new Map<string, Date>();
  const arrays = new Map<string, string[]>();
  const numbers = new Map<string, number[]>();
  const mark = <T>(name: string, kind: Kind, memo: Map<string, T> | null, make: (i: number) => T): T => {
    if (spec[name] !== kind) throw new CompiledQueryError(`parameter ${name} is not declared as ${kind}`);
    const v = memo?.get(name) ?? make(names.indexOf(name));
    memo?.set(name, v);
    byValue.set(v, name);
    return v;
  };
  const markers: Markers<S> = {
    text: (name) => mark(name, 'text', null, text),
    int: (name) => mark(name, 'int', null, num),
    float: (name) => mark(name, 'float', null, num),
    date: (name) => mark(name, 'date', dates, (i) => new Date(num(i))),
    texts: (name) => mark(name, 'texts', arrays, (i) => [text(i)]),
    floats: (name) => mark(name, 'floats', numbers, (i) => [num(i)]),
  };
  return { markers, byValue, names };
}

function derivedFromMarker(v: unknown): boolean {
  if (typeof v === 'string') return v.includes(TEXT_MARK);
  if (typeof v === 'number') return v < -(2 ** 49);
  if (v instanceof Date) return v.getTime() < -(2 ** 49);
  if (Array.isArray(v)) return v.some(derivedFromMarker);
  return false;
}

function sameConstant(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameConstant(x, b[i]));
  return Object.is(a, b);
}

function buildOnce<S extends Spec, R>(
  label: string,
  spec: S,
  db: Executor,
  build: (db: Db, p: Markers<S>) => Statement<R>,
  set: 0 | 1,
  someUnused: boolean,
): Built {
  const { markers, byValue, names } = markerSet(spec, set);
  const q = build(db, markers);
  const c = 'isRawBuilder' in q ? q.compile(db) : q.compile();
  const used = new Set<string>();
  const slots = c.parameters.map((v): Slot => {
    const name = byValue.get(v);
    if (name !== undefined) {
      used.add(name);
      return { name };
    }
    if (derivedFromMarker(v)) {
      throw new CompiledQueryError(`${label}: a parameter is derived from a marker (computed or expanded from a value): ${String(v)}`);
    }
    return { value: v };
  });
  const inlined = [...byValue.keys()].some((v) => typeof v === 'number' && c.sql.includes(String(-v)));
  if (inlined || c.sql.includes(TEXT_MARK)) {
    throw new CompiledQueryError(`${label}: a marker was inlined into the SQL text`);
  }
  for (const name of names) {
    if (!used.has(name) && !someUnused) {
      throw new CompiledQueryError(
        `${label}: parameter ${name} appears zero times among the compiled parameters (unused, inlined, or an array expanded into a list)`,
      );
    }
  }
  return { sql: c.sql, query: c.query, queryId: c.queryId, slots, sqlOne: null };
}

function compileChecked<S extends Spec, R>(
  label: string,
  spec: S,
  db: Executor,
  build: (db: Db, p: Markers<S>) => Statement<R>,
  someUnused: boolean,
): Built {
  for (const plugin of db.getExecutor().plugins) {
    if (!(plugin instanceof CamelCasePlugin)) {
      throw new CompiledQueryError(`${label}: only CamelCasePlugin is supported, found ${plugin.constructor.name}`);
    }
  }
  const a = buildOnce(label, spec, db, build, 0, someUnused);
  const b = buildOnce(label, spec, db, build, 1, someUnused);
  const same =
    a.sql === b.sql &&
    a.slots.length === b.slots.length &&
    a.slots.every((s, i) => {
      const t = b.slots[i];
      if (!t) return false;
      if ('name' in s) return 'name' in t && t.name === s.name;
      return 'value' in t && sameConstant(s.value, t.value);
    });
  if (!same) throw new CompiledQueryError(`${label}: the statement changes with its parameter values (a shape that depends on the input)`);
  return a;
}

const NO_PLUGIN = {};

// Every compiled statement also runs as a named prepared statement (db/prepared.ts): its text is
// fixed by construction, so each connection parses and plans it once. PostgreSQL still plans the
// first five executions with their values and keeps a generic plan only when it costs no more —
// and the read paths' generic plans were measured at 1M rows (bench/README.md) against light and
// heavy members, sellers and notes. A statement whose best plan depends on its values (how rare a
// word is) is not compiled: it goes unnamed and is planned every time. The name comes from the
// label (and shape); another text under a taken name (a second Kysely instance without
// CamelCasePlugin, a repeated label) gets the next free suffix.
//
// A statement with id lists (`= any($1)`) runs under a second name when every list holds
// one element (an item's photos on its page, against the 21 items of a seller's page). A
// connection keeps one plan per name, and which one it settles on depends on the values it met
// first: a connection whose first executions had one id kept a plan that made the 21 ids of the
// items page 0.5 ms slower in PostgreSQL (1M, bench/README.md). Two names, two histories.
const preparedTexts = new Map<string, string>(); // name → text

/**
 * The text for one id: each list parameter's `any($k)` becomes `any(array[$k::text])`, run with the
 * id itself. The planner then knows the list holds one element, so the generic plan costs what
 * a custom one does and PostgreSQL keeps it — with `any($k)` it guessed a longer list, found the
 * generic plan dearer than the one-id custom plans and planned every execution anew (0.9 ms of a
 * note's card query). Null when a list parameter is used any other way.
 */
function oneIdText(text: string, slots: Slot[], arrays: string[]): string | null {
  let out = text;
  for (const [i, s] of slots.entries()) {
    if (!('name' in s) || !arrays.includes(s.name)) continue;
    const use = new RegExp(`any\\(\\$${i + 1}(::text\\[\\])?\\)`, 'gi');
    const all = new RegExp(`\\$${i + 1}(?!\\d)`, 'g');
    const uses = out.match(use)?.length ?? 0;
    if (uses === 0 || uses !== (out.match(all)?.length ?? 0)) return null;
    out = out.replace(use, () => `any(array[$${i + 1}::text])`); // a function: `$1` in a replacement string means a group
  }
  return out;
}

function prepare(label: string, text: string): string {
  if (preparedName(text)) return text; // the statement names itself
  // ≤ 63 bytes (PostgreSQL's NAMEDATALEN - 1: a longer name is cut, and could collide).
  const base = `c_${label.toLowerCase().replace(/\+/g, '_next').replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')}`.slice(0, 56);
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}_${i}`;
    const named = `/*prepared:${name}*/ ${text}`;
    const taken = preparedTexts.get(name);
    if (taken === undefined) preparedTexts.set(name, named);
    if (taken === undefined || taken === named) return named;
  }
}

export type Compiled<A, R> = {
  /** All rows, camelCased like any Kysely query's. */
  all(db: Executor, args: A): Promise<R[]>;
  first(db: Executor, args: A): Promise<R | undefined>;
  /** The cached SQL text (for tests and EXPLAIN). */
  sql(db: Executor): string;
};

function statement<S extends Spec, R, A extends Partial<Args<S>>>(
  spec: S,
  build: (db: Db, p: Markers<S>) => Statement<R>,
  label: string,
  someUnused: boolean,
): Compiled<A, R> {
  const cache = new WeakMap<KyselyPlugin | object, Built>();
  const arrays = Object.keys(spec).filter((k) => spec[k] === 'texts'); // id lists (a point's floats have two)
  const get = (db: Executor): Built => {
    // One entry per Kysely instance (its plugin); any other plugin list is checked (refused) anew.
    const plugins = db.getExecutor().plugins;
    const key = plugins.length === 0 ? NO_PLUGIN : plugins.length === 1 ? plugins[0] : undefined;
    let built = key && cache.get(key);
    if (!built) {
      built = compileChecked(label, spec, db, build, someUnused);
      const text = built.sql;
      built.sql = prepare(label, text);
      if (arrays.length && !preparedName(text)) {
        const one = oneIdText(text, built.slots, arrays);
        if (one) built.sqlOne = prepare(`one ${label}`, one);
      }
      if (key) cache.set(key, built);
    }
    return built;
  };
  const all = async (db: Executor, args: A): Promise<R[]> => {
    const b = get(db);
    const values: Record<string, unknown> = args;
    // Every id list holds one id: the one-id text, which takes the id itself (see oneIdText).
    const one = b.sqlOne !== null && arrays.every((k) => (values[k] as unknown[] | undefined)?.length === 1);
    const parameters = b.slots.map((s) => {
      if (!('name' in s)) return s.value;
      const v = values[s.name];
      if (v === undefined) throw new CompiledQueryError(`${label}: no value for ${s.name}`);
      return one && arrays.includes(s.name) ? (v as unknown[])[0] : v;
    });
    const text = one ? (b.sqlOne as string) : b.sql;
    // Outside a transaction, straight on the pool (db/index.ts poolRunner); else through Kysely.
    const run = poolRunner(db);
    if (run) return run(text, parameters) as Promise<R[]>;
    const r = await db.executeQuery<R>({ sql: text, query: b.query, queryId: b.queryId, parameters });
    return r.rows;
  };
  return {
    all,
    first: async (db, args) => (await all(db, args))[0],
    sql: (db) => get(db).sql,
  };
}

/**
 * A statement compiled once per Kysely instance (its CamelCasePlugin) and run with values; every
 * declared value must be used. `label` names it in a refusal.
 */
export function compiled<S extends Spec, R>(
  spec: S,
  build: (db: Db, p: Markers<S>) => Statement<R>,
  label = 'compiled query',
): Compiled<Args<S>, R> {
  return statement(spec, build, label, false);
}

/**
 * A few statements that differ in shape (say, a first page and the next ones), each compiled
 * once. A shape may leave some declared values unused (the first page has no cursor); the
 * values a shape uses must be given when it runs, or it throws.
 */
export function compiledShapes<K extends string, S extends Spec, R>(
  spec: S,
  build: (db: Db, p: Markers<S>, shape: K) => Statement<R>,
  label = 'compiled query',
): (shape: K) => Compiled<Partial<Args<S>>, R> {
  const shapes = new Map<K, Compiled<Partial<Args<S>>, R>>();
  return (shape) => {
    let c = shapes.get(shape);
    if (!c) {
      c = statement(spec, (db, p) => build(db, p, shape), `${label} (${shape})`, true);
      shapes.set(shape, c);
    }
    return c;
  };
}
