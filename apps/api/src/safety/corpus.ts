// The hostile-input corpus, generated from an operation's request schemas in the OpenAPI
// document and a valid baseline request (the matrix row's setup): for the path, the query, the
// headers and every property of the body, values of the wrong type, bounds ±1, 10k-character
// strings, NUL and RTL marks, emoji, huge arrays, deep JSON, numbers as strings, duplicate keys,
// missing and unknown fields, and bodies that are not JSON at all.
import { type Operation, type Schema, fillPath, queryString, types } from './openapi.ts';
import type { Case } from './operations.ts';

export type Variant = {
  name: string;
  /** Set on variants of one body field: a visitor of a members-only operation skips them. */
  field?: string;
  url: string;
  json?: unknown;
  raw?: BodyInit;
  headers?: Record<string, string>;
};

const NUL = '\u0000';
const RTL = '\u202e';
const EMOJI = '😀';
const LONG = 'a'.repeat(10_000);
const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
const deepArray = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

/** Strings that break naive code: control and bidi characters, astral planes, lone surrogates. */
const NASTY_STRINGS: [string, string][] = [
  ['empty', ''],
  ['blank', '   '],
  ['10k chars', LONG],
  ['10k CJK', '字'.repeat(10_000)],
  ['NUL', `a${NUL}b`],
  ['only NUL', NUL],
  ['RTL mark', `${RTL}gnp.exe`],
  ['zero-width', '\u200b\u200c\u200d\ufeff'],
  ['emoji', `${EMOJI}👩‍👩‍👧‍👦🇨🇳`],
  ['lone surrogate', '\ud800x'],
  ['combining', `e${'\u0301'.repeat(50)}`],
  ['newlines', 'a\r\nb\nc'],
  ['sql', "'; DROP TABLE users; --"],
  ['html', '<script>alert(1)</script>'],
  ['path', '../../etc/passwd'],
  ['format', '%s%n%x{0}$' + '{x}'],
];

const WRONG_TYPES: [string, unknown][] = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['zero', 0],
  ['negative', -1],
  ['fraction', 1.5],
  ['huge number', 1e308],
  ['string', 'abc'],
  ['empty string', ''],
  ['array', []],
  ['object', {}],
  ['array of nulls', [null, null]],
];

function lengthString(n: number, unit = 'a') {
  return n <= 0 ? '' : unit.repeat(n);
}

/** For a field a pattern or an enum already confines, the nasty strings that still differ. */
const CONFINED = new Set(['empty', '10k chars', 'NUL', 'RTL mark', 'emoji', 'lone surrogate']);

function stringMutations(s: Schema, base: unknown): [string, unknown][] {
  const out: [string, unknown][] = s.enum || s.pattern ? NASTY_STRINGS.filter(([n]) => CONFINED.has(n)) : [...NASTY_STRINGS];
  for (const [label, n] of [
    ['minLength-1', (s.minLength ?? 0) - 1],
    ['minLength', s.minLength],
    ['maxLength', s.maxLength],
    ['maxLength+1', s.maxLength === undefined ? undefined : s.maxLength + 1],
  ] as const) {
    if (n === undefined || n < 0) continue;
    out.push([`${label} (${n})`, lengthString(n)]);
    // Emoji are two UTF-16 units: limits counted in units and in characters disagree here.
    out.push([`${label} (${n}) emoji`, lengthString(n, EMOJI)]);
  }
  if (s.enum) out.push(['enum: unknown', 'not_a_value'], ['enum: upper case', String(s.enum.find((x) => x !== null) ?? '').toUpperCase()]);
  if (s.pattern) out.push(['pattern: no match', '!!'], ['pattern: newline after', `${String(base ?? '')}\n`], ['pattern: upper case', String(base ?? '').toUpperCase()]);
  if (typeof base === 'string') {
    out.push(['base + NUL', `${base}${NUL}`], ['base + RTL', `${RTL}${base}`], ['base padded', `  ${base}  `]);
    if (/^\d+$/.test(base)) out.push(['number instead of numeric string', Number(base)]);
  }
  return out;
}

function numberMutations(s: Schema, base: unknown, integer: boolean): [string, unknown][] {
  const out: [string, unknown][] = [];
  const bound = (label: string, v: number | undefined) => v !== undefined && Number.isFinite(v) && out.push([label, v]);
  bound('minimum-1', s.minimum === undefined ? undefined : s.minimum - 1);
  bound('minimum', s.minimum);
  bound('maximum', s.maximum);
  bound('maximum+1', s.maximum === undefined ? undefined : s.maximum + 1);
  out.push(
    ['negative', -1], ['negative zero', -0], ['2^31', 2 ** 31], ['2^53+1', 2 ** 53 + 1], ['1e308', 1e308], ['-1e308', -1e308],
    ['fraction', 0.5], ['tiny', 1e-9],
  );
  if (integer) out.push(['integer + .5', (typeof base === 'number' ? base : 1) + 0.5]);
  if (typeof base === 'number') out.push(['number as string', String(base)], ['number as padded string', ` ${base} `], ['number as hex string', `0x${base.toString(16)}`]);
  out.push(['NaN as string', 'NaN'], ['Infinity as string', 'Infinity']);
  return out;
}

function arrayMutations(s: Schema, base: unknown): [string, unknown][] {
  const item = Array.isArray(base) && base.length ? base[0] : sampleOf(s.items ?? {});
  const out: [string, unknown][] = [
    ['empty array', []],
    ['array of null', [null]],
    ['nested array', [[item]]],
    ['100k items', Array.from({ length: 100_000 }, () => 1)],
    ['10k copies of an item', Array.from({ length: 10_000 }, () => item)],
    ['duplicate items', [item, item]],
    ['array of objects', [{ a: 1 }]],
  ];
  if (s.maxItems !== undefined) out.push([`maxItems+1 (${s.maxItems + 1})`, Array.from({ length: s.maxItems + 1 }, () => item)]);
  if (s.minItems) out.push([`minItems-1 (${s.minItems - 1})`, Array.from({ length: s.minItems - 1 }, () => item)]);
  // The first item mutated as its own type would be.
  for (const [label, v] of valueMutations(s.items ?? {}, item).slice(0, 14)) out.push([`item: ${label}`, [v]]);
  return out;
}

/** A plausible value for a schema, for array items and fields the baseline leaves out. */
function sampleOf(s: Schema): unknown {
  const ts = types(s);
  if (s.enum) return s.enum.find((x) => x !== null);
  if (ts.includes('integer') || ts.includes('number')) return s.minimum ?? 1;
  if (ts.includes('boolean')) return true;
  if (ts.includes('array')) return [];
  if (ts.includes('object')) return {};
  if (s.pattern === '^[0-9a-f]{16}$') return '0000000000000000';
  return 'x';
}

function valueMutations(s: Schema, base: unknown): [string, unknown][] {
  const ts = types(s);
  const out: [string, unknown][] = WRONG_TYPES.filter(([, v]) => !(v === null && ts.includes('null')));
  if (ts.includes('string') || (!ts.length && typeof base === 'string')) out.push(...stringMutations(s, base));
  if (ts.includes('integer')) out.push(...numberMutations(s, base, true));
  else if (ts.includes('number')) out.push(...numberMutations(s, base, false));
  if (ts.includes('array')) out.push(...arrayMutations(s, base));
  if (ts.includes('object') || s.properties) {
    out.push(['deep nesting', JSON.parse(deepObject(1000))], ['object with unknown field', { ...(base as object), zzz: 1 }]);
  }
  if (ts.includes('boolean')) out.push(['boolean as string', 'true'], ['boolean as number', 1]);
  return out;
}

function setAt(obj: unknown, path: string[], value: unknown, remove = false): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const copy = { ...((obj && typeof obj === 'object' ? obj : {}) as Record<string, unknown>) };
  if (!rest.length && remove) delete copy[head];
  else copy[head] = setAt(copy[head], rest, value, remove);
  return copy;
}

/** Every property of an object schema with its path, objects one level down included. */
function fieldsOf(s: Schema, base: unknown, prefix: string[] = [], depth = 0): { path: string[]; schema: Schema; base: unknown; required: boolean }[] {
  if (!s.properties || depth > 2) return [];
  const out: { path: string[]; schema: Schema; base: unknown; required: boolean }[] = [];
  for (const [k, sub] of Object.entries(s.properties)) {
    const v = (base as Record<string, unknown> | undefined)?.[k];
    out.push({ path: [...prefix, k], schema: sub, base: v, required: !!s.required?.includes(k) });
    out.push(...fieldsOf(sub, v, [...prefix, k], depth + 1));
  }
  return out;
}

const JSON_TYPE = { 'content-type': 'application/json' };

function bodyVariants(op: Operation, c: Case, url: string): Variant[] {
  const schema = op.body?.schema ?? {};
  const base = (c.body ?? {}) as Record<string, unknown>;
  const text = JSON.stringify(base);
  const raw = (name: string, body: string, headers: Record<string, string> = JSON_TYPE): Variant => ({ name, url, raw: body, headers });
  const out: Variant[] = [
    raw('malformed: unclosed', '{'),
    raw('malformed: trailing comma', text.replace(/}$/, ',}')),
    raw('malformed: single quotes', "{'a':1}"),
    raw('malformed: NaN literal', '{"a":NaN}'),
    raw('malformed: truncated', text.slice(0, Math.max(1, text.length - 2))),
    raw('malformed: raw NUL', `${NUL}${text}`),
    raw('malformed: BOM', `\ufeff${text}`),
    raw('empty body', ''),
    raw('empty object', '{}'),
    raw('top level null', 'null'),
    raw('top level array', '[]'),
    raw('top level string', '"x"'),
    raw('top level number', '123'),
    raw('deep object 1k', deepObject(1000)),
    raw('deep object 100k', deepObject(100_000)),
    raw('deep array 100k', deepArray(100_000)),
    raw('body over 1 MiB', JSON.stringify({ ...base, pad: 'a'.repeat(1_100_000) })),
    raw('__proto__ key', text.replace(/^\{/, '{"__proto__":{"admin":true,"role":"operator"},')),
    raw('constructor key', text.replace(/^\{/, '{"constructor":{"prototype":{"admin":true}},')),
    raw('valid JSON as text/plain', text, { 'content-type': 'text/plain' }),
    raw('valid JSON without content-type', text, {}),
    raw('valid JSON as form-urlencoded', text, { 'content-type': 'application/x-www-form-urlencoded' }),
    raw('JSON with charset latin1', text, { 'content-type': 'application/json; charset=latin1' }),
    { name: 'unknown fields', url, json: { ...base, zzz: 1, isAdmin: true, role: 'operator', status: 'completed', sellerId: '0000000000000000' } },
    { name: 'unknown deep field', url, json: { ...base, zzz: JSON.parse(deepObject(1000)) } },
  ];
  for (const f of fieldsOf(schema, base)) {
    const name = f.path.join('.');
    if (f.required) out.push({ name: `missing required ${name}`, field: name, url, json: setAt(base, f.path, undefined, true) });
    if (f.path.length === 1) {
      // Duplicate keys: JSON.parse keeps the last one; both orders are sent.
      const key = JSON.stringify(f.path[0]);
      out.push(raw(`duplicate ${name}: bad last`, text.replace(/}$/, `${text === '{}' ? '' : ','}${key}:"\u0000dup"}`)));
      out.push(raw(`duplicate ${name}: bad first`, text.replace(/^\{/, `{${key}:{"x":[1]}${text === '{}' ? '' : ','}`)));
    }
    for (const [label, v] of valueMutations(f.schema, f.base)) out.push({ name: `${name}: ${label}`, field: name, url, json: setAt(base, f.path, v) });
  }
  return out;
}

function formVariants(c: Case, url: string): Variant[] {
  const form = (fill: (f: FormData) => void) => {
    const f = new FormData();
    fill(f);
    return f;
  };
  const file = (bytes: Uint8Array<ArrayBuffer> | string, name = 'x.png', type = 'image/png') => new File([bytes], name, { type });
  return [
    { name: 'JSON instead of a form', url, json: { file: 'x' } },
    { name: 'no body', url, raw: '', headers: { 'content-type': 'multipart/form-data; boundary=x' } },
    { name: 'garbage multipart', url, raw: '--x\r\nnonsense\r\n--x--', headers: { 'content-type': 'multipart/form-data; boundary=x' } },
    { name: 'boundary missing', url, raw: 'abc', headers: { 'content-type': 'multipart/form-data' } },
    { name: 'no file field', url, raw: form((f) => f.append('purpose', 'photo')) },
    { name: 'file as text field', url, raw: form((f) => f.append('file', 'not a file')) },
    { name: 'empty file', url, raw: form((f) => f.append('file', file(new Uint8Array()))) },
    { name: 'text pretending to be PNG', url, raw: form((f) => f.append('file', file('hello'))) },
    { name: 'PNG signature only', url, raw: form((f) => f.append('file', file(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))) },
    { name: 'SVG with script', url, raw: form((f) => f.append('file', file('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'x.svg', 'image/svg+xml'))) },
    { name: 'purpose unknown', url, raw: form((f) => { f.append('file', c.form?.().get('file') as File); f.append('purpose', 'banner'); }) },
    { name: 'purpose 10k', url, raw: form((f) => { f.append('file', c.form?.().get('file') as File); f.append('purpose', LONG); }) },
    { name: 'purpose NUL', url, raw: form((f) => { f.append('file', c.form?.().get('file') as File); f.append('purpose', `photo${NUL}`); }) },
    { name: 'two files', url, raw: form((f) => { f.append('file', c.form?.().get('file') as File); f.append('file', c.form?.().get('file') as File); }) },
    { name: 'file name RTL and NUL', url, raw: form((f) => f.append('file', file('hello', `a${RTL}gnp${NUL}.png`))) },
    { name: 'over 10 MiB', url, raw: form((f) => f.append('file', file(new Uint8Array(10 * 1024 * 1024 + 100_000)))) },
  ];
}

function pathVariants(op: Operation, c: Case, query: string, json: unknown, raw: BodyInit | undefined): Variant[] {
  const out: Variant[] = [];
  for (const name of [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)) {
    const base = c.params?.[name] ?? '0000000000000000';
    for (const [label, v] of [
      ['bad format', 'zzzz'],
      ['upper-case hex', base.toUpperCase()],
      ['unknown id', '0000000000000000'],
      ['17 hex', `${base}0`],
      ['10k chars', LONG],
      ['NUL', `${base}%00`],
      ['RTL mark', `%E2%80%AE${base}`],
      ['emoji', '%F0%9F%98%80'],
      ['malformed percent', '%E0%A4%A'],
      ['lone percent', '%'],
      ['encoded slash', `..%2F..%2F${base}`],
      ['trailing space', `${base}%20`],
      ['negative', '-1'],
      ['__proto__', '__proto__'],
    ] as const) {
      out.push({ name: `path ${name}: ${label}`, url: `${fillPath(op.path, { ...c.params, [name]: v })}${query}`, json, raw });
    }
  }
  return out;
}

function queryVariants(op: Operation, c: Case, path: string, json: unknown): Variant[] {
  const out: Variant[] = [];
  const base = c.query ?? {};
  const at = (name: string, q: Record<string, string | string[]>) => ({ name, url: `${path}${queryString(q)}`, json });
  for (const p of op.params.filter((x) => x.in === 'query')) {
    const s = p.schema;
    const ts = types(s);
    const vals: [string, string][] = [
      ['empty', ''], ['10k chars', LONG], ['NUL', `x${NUL}`], ['RTL', `${RTL}x`], ['emoji', EMOJI], ['lone surrogate', '\ud800'],
      ['wrong type', ts.includes('integer') || ts.includes('number') ? 'abc' : '12345'],
      ['object-like', '{"a":1}'], ['__proto__', '__proto__'],
    ];
    if (ts.includes('integer') || ts.includes('number')) {
      vals.push(['fraction', '1.5'], ['1e309', '1e309'], ['NaN', 'NaN'], ['Infinity', 'Infinity'], ['-0', '-0'], ['hex', '0x10'], ['padded', ' 5 '], ['2^63', '9223372036854775808']);
      if (s.minimum !== undefined) vals.push(['minimum-1', String(s.minimum - 1)], ['minimum', String(s.minimum)]);
      if (s.maximum !== undefined) vals.push(['maximum', String(s.maximum)], ['maximum+1', String(s.maximum + 1)]);
    }
    if (s.maxLength !== undefined) vals.push(['maxLength+1', 'a'.repeat(s.maxLength + 1)]);
    if (s.enum) vals.push(['enum unknown', 'nope'], ['enum upper case', String(s.enum[0]).toUpperCase()]);
    if (p.name === 'cursor') {
      // Cursors are decoded by the server: hostile ones are well-formed base64 of bad JSON.
      for (const [label, v] of [
        ['cursor: base64 of garbage', Buffer.from('garbage').toString('base64url')],
        ['cursor: base64 of object', Buffer.from('{"a":1}').toString('base64url')],
        ['cursor: base64 of wrong arity', Buffer.from('["a","b","c","d"]').toString('base64url')],
        ['cursor: base64 of a date string', Buffer.from('["not-a-date","0000000000000000"]').toString('base64url')],
        ['cursor: base64 of numbers', Buffer.from('[1e308, -1]').toString('base64url')],
        ['cursor: base64 of NUL', Buffer.from('["\\u0000","\\u0000"]').toString('base64url')],
        ['cursor: base64 of one', Buffer.from('["x"]').toString('base64url')],
        ['cursor: base64 of two', Buffer.from('["x", 1]').toString('base64url')],
        ['cursor: base64 of three', Buffer.from('["2020-01-01T00:00:00Z", "x", 1]').toString('base64url')],
      ] as const) vals.push([label, v]);
    }
    for (const [label, v] of vals) out.push(at(`query ${p.name}: ${label}`, { ...base, [p.name]: v }));
    out.push(at(`query ${p.name}: repeated`, { ...base, [p.name]: [base[p.name] ?? '1', 'x'] }));
  }
  out.push(at('query: unknown parameter', { ...base, zzz: '1' }));
  out.push(at('query: __proto__ parameter', { ...base, __proto__: 'x', constructor: 'y' } as Record<string, string>));
  return out;
}

function headerVariants(op: Operation, url: string, json: unknown, raw: BodyInit | undefined): Variant[] {
  const out: Variant[] = [];
  for (const p of op.params.filter((x) => x.in === 'header')) {
    for (const [label, v] of [['empty', ''], ['10k chars', LONG], ['spaces', 'a b c'], ['latin1', 'clé'], ['tab', 'a\tb']] as const) {
      out.push({ name: `header ${p.name}: ${label}`, url, json, raw, headers: { [p.name]: v } });
    }
  }
  return out;
}

/** The whole corpus for one operation, from its baseline request. */
export function corpusFor(op: Operation, c: Case): Variant[] {
  const query = queryString(c.query);
  const path = fillPath(op.path, c.params);
  const url = `${path}${query}`;
  const json = c.form ? undefined : c.body;
  const out: Variant[] = [...pathVariants(op, c, query, json, c.form?.())];
  if (op.params.some((p) => p.in === 'query')) out.push(...queryVariants(op, c, path, json));
  out.push(...headerVariants(op, url, json, c.form?.()));
  if (op.body?.contentType === 'application/json') out.push(...bodyVariants(op, c, url));
  else if (op.body?.contentType.startsWith('multipart/')) out.push(...formVariants(c, url));
  else if (!op.body && op.method !== 'GET') {
    // No body is documented: one sent anyway must not matter, or be refused cleanly.
    out.push({ name: 'unexpected JSON body', url, json: { zzz: 1 } }, { name: 'unexpected malformed body', url, raw: '{', headers: JSON_TYPE });
  }
  return out;
}
