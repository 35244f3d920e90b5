// pg's result rows, shaped once per column list (issue 17). For every statement pg's
// `Result.addFields` builds the empty row that each row of the result is copied from: it fills a
// prototype-less object one key at a time and spreads it into a plain one. The spread of such an
// object takes V8's slow path, and with the several column lists of a request it stays slow:
// 8% of the API's CPU on a seller's items page (four statements, 2–22 columns), more than
// presenting the page. A column list always gives the same empty row, so this keeps one per list
// and hands it to every result with those columns; rows are still copied from it by pg itself
// (`{ ...empty }` in `parseRow`), never written to it. The type parsers are chosen as pg chooses
// them, statement by statement. `row-shape.unit.test.ts` checks results against pg's own.
//
// Installed once per process by db/index.ts. It replaces a method of pg's `Result` class: pg
// offers no option for it, and each process that opens the database gets it the same way.
import { createRequire } from 'node:module';
import pg from 'pg';

export type Field = { name: string; dataTypeID: number; format?: string };
type TypeParser = (value: string) => unknown;
type Types = { getTypeParser(oid: number, format: string): TypeParser };
/** The fields of pg's Result that addFields writes. */
export type PgResult = {
  fields: Field[];
  _parsers: TypeParser[] | undefined;
  _types: Types | undefined;
  _prebuiltEmptyResultObject: object | null;
};
type AddFields = (this: PgResult, fields: Field[]) => void;

/** Bounds the cache whatever statements run (a column list is a statement's, so there are few). */
const MAX_SHAPES = 1_000;
type Shape = { names: string[]; empty: object };
/** Shapes by number of columns, then by the first column's name; a bucket's lists are compared name by name. */
const shapes = new Map<number, Map<string, Shape[]>>();
let shapeCount = 0;

const Result: { prototype: { addFields: AddFields } } = createRequire(import.meta.url)('pg/lib/result.js');
/** pg's own method: the reference the unit test compares with, and the path for a full cache. */
export const pgAddFields: AddFields = Result.prototype.addFields;

function sameNames(names: string[], fields: Field[]): boolean {
  for (let i = names.length - 1; i >= 0; i--) if (names[i] !== fields[i]?.name) return false;
  return true;
}

const sameShapeAddFields: AddFields = function (fields) {
  // Found without building a key: two map lookups, then the names compared (no allocation).
  const first = fields[0]?.name ?? '';
  const bucket = shapes.get(fields.length)?.get(first);
  const shape = bucket?.find((s) => sameNames(s.names, fields));
  if (!shape) {
    pgAddFields.call(this, fields);
    if (shapeCount >= MAX_SHAPES || !this._prebuiltEmptyResultObject) return;
    const byFirst = shapes.get(fields.length) ?? shapes.set(fields.length, new Map()).get(fields.length);
    const list = byFirst?.get(first) ?? byFirst?.set(first, []).get(first);
    list?.push({ names: fields.map((f) => f.name), empty: this._prebuiltEmptyResultObject });
    shapeCount++;
    return;
  }
  this.fields = fields;
  if (fields.length) this._parsers = new Array(fields.length);
  const types = (this._types ?? pg.types) as Types;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as Field;
    (this._parsers as TypeParser[])[i] = types.getTypeParser(field.dataTypeID, field.format || 'text');
  }
  this._prebuiltEmptyResultObject = shape.empty;
};

let installed = false;

/** Makes pg's results take their empty row from the cache (idempotent). */
export function installRowShapes() {
  if (installed) return;
  Result.prototype.addFields = sameShapeAddFields;
  installed = true;
}
