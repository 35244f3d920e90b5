// Reading the live OpenAPI document: the operations it declares and their request schemas, with
// $ref and allOf resolved, so the safety suites follow the API as it grows.
import type { T } from './world.ts';

export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  $ref?: string;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: boolean | Schema;
};

export type Param = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema: Schema };

export type Operation = {
  /** "METHOD /path" with the /api/v1 prefix left out: the key of the matrix table. */
  key: string;
  method: string;
  /** The path template without the prefix, e.g. /orders/{id}/ship. */
  path: string;
  secured: boolean;
  params: Param[];
  body?: { contentType: string; schema: Schema; required: boolean };
};

export const PREFIX = '/api/v1';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

type DocOperation = { parameters?: Param[]; security?: unknown[]; requestBody?: { required?: boolean; content?: Record<string, { schema: Schema }> } };
type Doc = { paths: Record<string, Record<string, DocOperation> & { parameters?: Param[] }>; components?: { schemas?: Record<string, Schema> } };

export async function loadOperations(t: T): Promise<{ doc: Doc; operations: Operation[] }> {
  const r = await t.req('GET', '/openapi.json');
  if (r.status !== 200) throw new Error(`openapi.json: ${r.status}`);
  const doc = r.json as Doc;
  const resolve = resolver(doc);
  const operations: Operation[] = [];
  for (const [fullPath, item] of Object.entries(doc.paths)) {
    const path = fullPath.startsWith(PREFIX) ? fullPath.slice(PREFIX.length) : fullPath;
    for (const method of METHODS) {
      const op = item[method] as DocOperation | undefined;
      if (!op) continue;
      const params: Param[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Param) => ({ ...p, schema: resolve(p.schema ?? {}) }));
      let body: Operation['body'];
      const content = op.requestBody?.content;
      if (content) {
        const [contentType, media] = Object.entries(content)[0] as [string, { schema: Schema }];
        body = { contentType, schema: resolve(media.schema), required: !!op.requestBody?.required };
      }
      operations.push({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, secured: !!op.security?.length, params, body });
    }
  }
  return { doc, operations };
}

/** Inlines $ref and merges allOf, deeply (the documents have no recursive schemas). */
export function resolver(doc: Doc) {
  const resolve = (s: Schema, depth = 0): Schema => {
    if (depth > 20 || !s || typeof s !== 'object') return s;
    if (s.$ref) {
      const name = s.$ref.replace('#/components/schemas/', '');
      const { $ref: _r, ...rest } = s;
      return resolve({ ...(doc.components?.schemas?.[name] ?? {}), ...rest }, depth + 1);
    }
    let out: Schema = { ...s };
    if (s.allOf) {
      const { allOf, ...rest } = s;
      out = rest as Schema;
      for (const part of allOf.map((x) => resolve(x, depth + 1))) {
        out = { ...out, ...part, properties: { ...out.properties, ...part.properties }, required: [...(out.required ?? []), ...(part.required ?? [])] };
      }
    }
    if (out.properties) out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, v]) => [k, resolve(v, depth + 1)]));
    if (out.items) out.items = resolve(out.items, depth + 1);
    if (out.anyOf) out.anyOf = out.anyOf.map((x) => resolve(x, depth + 1));
    if (out.oneOf) out.oneOf = out.oneOf.map((x) => resolve(x, depth + 1));
    return out;
  };
  return resolve;
}

export const types = (s: Schema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/** Fills a path template from params: /orders/{id} + {id} → /orders/0123… */
export function fillPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for path parameter ${name} of ${template}`);
    return v;
  });
}

export function queryString(q: Record<string, string | string[]> = {}): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) for (const x of Array.isArray(v) ? v : [v]) sp.append(k, x);
  const s = sp.toString();
  return s ? `?${s}` : '';
}
