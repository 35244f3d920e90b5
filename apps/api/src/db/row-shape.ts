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
const shapes = new Map<string, object>();

const Result: { prototype: { addFields: AddFields } } = createRequire(import.meta.url)('pg/lib/result.js');
/** pg's own method: the reference the unit test compares with, and the path for a full cache. */
export const pgAddFields: AddFields = Result.prototype.addFields;

const sameShapeAddFields: AddFields = function (fields) {
  // Column names cannot contain NUL, so the joined names identify the list.
  let key = '';
  for (let i = 0; i < fields.length; i++) key += `${fields[i]?.name}\u0000`;
  const empty = shapes.get(key);
  if (!empty) {
    if (shapes.size >= MAX_SHAPES) return pgAddFields.call(this, fields);
    pgAddFields.call(this, fields);
    if (this._prebuiltEmptyResultObject) shapes.set(key, this._prebuiltEmptyResultObject);
    return;
  }
  this.fields = fields;
  if (fields.length) this._parsers = new Array(fields.length);
  const types = (this._types ?? pg.types) as Types;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as Field;
    (this._parsers as TypeParser[])[i] = types.getTypeParser(field.dataTypeID, field.format || 'text');
  }
  this._prebuiltEmptyResultObject = empty;
};

let installed = false;

/** Makes pg's results take their empty row from the cache (idempotent). */
export function installRowShapes() {
  if (installed) return;
  Result.prototype.addFields = sameShapeAddFields;
  installed = true;
}
