// Results whose empty row comes from the shape cache parse rows exactly as pg's own do.
import { createRequire } from 'node:module';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import './index.ts'; // what every process that opens the database runs: the int8 parser, the shapes
import { type Field, type PgResult, pgAddFields } from './row-shape.ts';

type Result = PgResult & {
  addFields(fields: Field[]): void;
  parseRow(values: (string | null)[]): Record<string, unknown>;
};
const Result: new (rowMode?: string, types?: unknown) => Result = createRequire(import.meta.url)('pg/lib/result.js');
const { TEXT, INT4, INT8, BOOL, TIMESTAMPTZ, JSONB, FLOAT8 } = pg.types.builtins;


/** pg's own result (its addFields) and one through the cache, fed the same description. */
function pair(fields: Field[], types?: unknown) {
  const theirs = new Result(undefined, types);
  pgAddFields.call(theirs, fields);
  const ours = new Result(undefined, types);
  ours.addFields(fields);
  return { theirs, ours };
}

const f = (name: string, dataTypeID: number): Field => ({ name, dataTypeID, format: 'text' });
const item = [f('id', TEXT), f('seller_id', TEXT), f('price', INT8), f('hosting', BOOL), f('created_at', TIMESTAMPTZ), f('meta', JSONB), f('lat', FLOAT8)];
const itemRow = ['i1', 's1', '12000', 't', '2026-11-28 05:00:00+00', '{"a":[1,2]}', null];

describe('row shapes', () => {
  it('parses a row like pg: keys in order, values through the same type parsers', () => {
    for (let round = 0; round < 3; round++) {
      // The first round fills the cache, the next ones read it.
      const { theirs, ours } = pair(item);
      const want = theirs.parseRow(itemRow);
      const got = ours.parseRow(itemRow);
      expect(got).toEqual(want);
      expect(Object.keys(got)).toEqual(Object.keys(want));
      expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
      expect(got.price).toBe(12000); // db/index.ts's int8 parser, not pg's string
      expect(ours.fields).toBe(theirs.fields);
      expect(ours._parsers).toEqual(theirs._parsers);
    }
    // The point of it: one empty row per column list, where pg builds one per result.
    expect(pair(item).ours._prebuiltEmptyResultObject).toBe(pair(item).ours._prebuiltEmptyResultObject);
    expect(pair(item).theirs._prebuiltEmptyResultObject).not.toBe(pair(item).theirs._prebuiltEmptyResultObject);
  });

  it('gives every row its own object: writing one changes neither the others nor the next result', () => {
    const { ours } = pair(item);
    const a = ours.parseRow(itemRow);
    const b = ours.parseRow(itemRow);
    expect(a).not.toBe(b);
    a.id = 'changed';
    expect(b.id).toBe('i1');
    expect(pair(item).ours.parseRow([null, null, null, null, null, null, null])).toEqual(Object.fromEntries(item.map((x) => [x.name, null])));
  });

  it('tells apart column lists that differ by name, order or count, and types that differ by column', () => {
    const lists = [
      [f('a', TEXT), f('b', TEXT)],
      [f('a', TEXT), f('c', TEXT)], // same count and first name, another second
      [f('b', TEXT), f('a', TEXT)],
      [f('a', TEXT)],
      [f('a', TEXT), f('b', TEXT), f('c', TEXT)],
      [f('ab', TEXT)],
      [f('a', INT4), f('b', BOOL)], // same names as the first, other types: parsers per statement
    ];
    for (let round = 0; round < 2; round++) {
      for (const fields of lists) {
        const values = fields.map((x) => (x.dataTypeID === BOOL ? 'f' : '7'));
        const { theirs, ours } = pair(fields);
        expect(Object.keys(ours.parseRow(values))).toEqual(Object.keys(theirs.parseRow(values)));
        expect(ours.parseRow(values)).toEqual(theirs.parseRow(values));
      }
    }
  });

  it('keeps pg’s answers for odd names: __proto__, constructor, a repeated column, no columns', () => {
    const odd = [f('__proto__', TEXT), f('constructor', INT4), f('x', TEXT), f('x', INT4)];
    for (let round = 0; round < 2; round++) {
      const { theirs, ours } = pair(odd);
      const want = theirs.parseRow(['p', '3', 'first', '9']);
      const got = ours.parseRow(['p', '3', 'first', '9']);
      expect(Object.getOwnPropertyNames(got)).toEqual(Object.getOwnPropertyNames(want));
      expect(Object.getOwnPropertyDescriptor(got, '__proto__')?.value).toBe('p');
      expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
      expect(got.constructor).toBe(3);
      expect(got.x).toBe(want.x);
    }
    const { theirs, ours } = pair([]);
    expect(ours.parseRow([])).toEqual(theirs.parseRow([]));
    expect(ours._parsers).toBe(theirs._parsers);
  });

  it('uses a statement’s own type parsers when it has them', () => {
    const types = { getTypeParser: (oid: number) => (v: string) => `${oid}:${v}` };
    for (let round = 0; round < 2; round++) {
      const { theirs, ours } = pair(item, types);
      expect(ours.parseRow(itemRow)).toEqual(theirs.parseRow(itemRow));
      expect(ours.parseRow(itemRow).price).toBe(`${INT8}:12000`);
    }
  });
});
