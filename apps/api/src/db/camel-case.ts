// Kysely's CamelCasePlugin with a faster row mapping (issue 17). Its `mapRow` folds every row
// through `Object.keys(row).reduce(...)` into an object built key by key — for a page of 21 wide
// item rows ~45 µs of CPU a request, as much as presenting the page (bench/README.md, "API CPU
// per request"). All rows of one pg result have the same columns in the same order, so this one
// builds, once per column list, a function that returns the camelCased row as one object literal
// (~2 µs a page). The result is the same as CamelCasePlugin's — keys through the plugin's own
// mapper, plain objects inside values (json columns) mapped too, arrays of them element by
// element — which `camel-case.test.ts` checks against the original.
import { CamelCasePlugin, type PluginTransformResultArgs, type QueryResult, type UnknownRow } from 'kysely';

type RowMapper = (row: UnknownRow) => UnknownRow;

const isPlain = (v: unknown): v is UnknownRow => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** Bounds the cache whatever statements run (a column list is a statement's, so there are few). */
const MAX_SHAPES = 1_000;

export class FastCamelCasePlugin extends CamelCasePlugin {
  readonly #mappers = new Map<string, RowMapper>();

  override async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const rows = args.result.rows;
    return Array.isArray(rows) ? { ...args.result, rows: this.mapRows(rows) } : super.transformResult(args);
  }

  /**
   * The rows camelCased, as `transformResult` gives them. Synchronous: a compiled statement run
   * straight on the pool (db/compiled.ts) maps its rows with it.
   */
  mapRows(rows: UnknownRow[]): UnknownRow[] {
    const first = rows[0];
    // In an object literal `"__proto__": v` would set the prototype: such a row takes the general path.
    const keys = isPlain(first) ? Object.keys(first) : undefined;
    if (!keys || keys.includes('__proto__')) return rows.map((row) => this.mapRow(row));
    const mapper = this.#mapperFor(keys);
    const out = new Array<UnknownRow>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as UnknownRow;
      // pg gives every row of a result the same columns; anything else takes the general path.
      out[i] = Object.keys(row).length === keys.length ? mapper(row) : this.mapRow(row);
    }
    return out;
  }

  /** Nested values (json columns) keep the general path: their keys vary row by row. */
  readonly #value = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.some(isPlain) ? v.map((it) => (isPlain(it) ? this.mapRow(it) : it)) : v;
    return isPlain(v) ? this.mapRow(v) : v;
  };

  #mapperFor(keys: string[]): RowMapper {
    const signature = keys.join('\u0000');
    let mapper = this.#mappers.get(signature);
    if (mapper) return mapper;
    // Keys go in as JSON string literals: a column name is data here, never code.
    const body = keys
      .map((k) => `${JSON.stringify(this.camelCase(k))}: (v = r[${JSON.stringify(k)}], v !== null && typeof v === 'object' ? nest(v) : v)`)
      .join(',\n');
    const make = new Function('nest', `return function mapRow(r) { let v; return {\n${body}\n}; };`) as (nest: (v: unknown) => unknown) => RowMapper;
    mapper = make(this.#value);
    if (this.#mappers.size >= MAX_SHAPES) this.#mappers.clear();
    this.#mappers.set(signature, mapper);
    return mapper;
  }
}
