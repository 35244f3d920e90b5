// FastCamelCasePlugin answers exactly what Kysely's CamelCasePlugin answers, row for row.
import { CamelCasePlugin, type QueryResult, type UnknownRow } from 'kysely';
import { describe, expect, it } from 'vitest';
import { FastCamelCasePlugin } from './camel-case.ts';

const original = new CamelCasePlugin();
const fast = new FastCamelCasePlugin();

async function both(rows: UnknownRow[]) {
  const run = (p: CamelCasePlugin) =>
    p.transformResult({ queryId: { queryId: 'q' }, result: { rows: structuredClone(rows) } as QueryResult<UnknownRow> });
  const [a, b] = await Promise.all([run(original), run(fast)]);
  return { want: a.rows, got: b.rows };
}

const at = new Date('2026-11-28T05:00:00Z');

describe('FastCamelCasePlugin', () => {
  it('maps flat rows like CamelCasePlugin: keys, order, values of every kind', async () => {
    const rows = [1, 2, 3].map((i) => ({
      id: `i${i}`, seller_id: 's', floor_price: null, created_at: at, delivery: ['pickup', 'shipping'], lat: 31.2 + i,
      is_ok: i % 2 === 0, raw_bytes: Buffer.from('ab'), address_line2: 'x', a_b_c: 1, already_camelCase: 2,
    }));
    const { want, got } = await both(rows);
    expect(got).toEqual(want);
    expect(got.map((r) => Object.keys(r))).toEqual(want.map((r) => Object.keys(r)));
    expect(got[0]?.createdAt).toBeInstanceOf(Date);
    expect(got[0]?.rawBytes).toBeInstanceOf(Uint8Array); // (structuredClone makes a Buffer a Uint8Array)
  });

  it('maps json values inside a row: objects, arrays of objects, arrays of scalars, nested deeper', async () => {
    const rows = [
      { id: 'a', photo_list: [{ media_id: 'm1', width_px: 3 }, 'x', null], meta_data: { seller_name: 'n', inner_obj: { deep_key: 1 } }, tags: ['a_b'] },
      { id: 'b', photo_list: [], meta_data: null, tags: [] },
    ];
    const { want, got } = await both(rows);
    expect(got).toEqual(want);
    expect(got[0]?.photoList).toEqual([{ mediaId: 'm1', widthPx: 3 }, 'x', null]);
    expect(got[0]?.metaData).toEqual({ sellerName: 'n', innerObj: { deepKey: 1 } });
  });

  it('takes the general path for rows whose columns differ, an empty result and odd keys', async () => {
    for (const rows of [
      [{ a_b: 1 }, { a_b: 2, c_d: 3 }],
      [],
      [{ 'we"ird key': 1, 'back\\slash': 2, 'new\nline': 3 }],
      [{ ['__proto__']: { x_y: 1 }, ok_key: 1 } as UnknownRow],
    ]) {
      const { want, got } = await both(rows);
      expect(got).toEqual(want);
    }
  });

  it('builds one mapper per column list and keeps using it', async () => {
    const p = new FastCamelCasePlugin();
    const rows = [{ a_b: 1 }];
    for (let i = 0; i < 3; i++) {
      const r = await p.transformResult({ queryId: { queryId: 'q' }, result: { rows: structuredClone(rows) } as QueryResult<UnknownRow> });
      expect(r.rows).toEqual([{ aB: 1 }]);
    }
  });
});
