// A small typed fetch client for /api/v1. Every failure becomes an ApiError carrying what the
// server said (status, stable `code`, field errors, Retry-After) so pages can say it in words.
// Every call goes through `client` + `call`, the client generated from the OpenAPI document
// (@jishi/client); response types are its generated schemas.
import { createClient, type JishiClient, type paths } from '@jishi/client';
import { reportReachable } from './connectivity.ts';

export type { components, paths, Schemas } from '@jishi/client';

/** The JSON body a GET on `P` answers with, e.g. `Ok<'/api/v1/conversations'>` for an unnamed page. */
export type Ok<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer B } } } };
}
  ? B
  : never;

export type FieldError = { path: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fieldErrors: FieldError[];
  /** Seconds to wait before retrying (429), from the Retry-After header. */
  readonly retryAfter: number | null;
  /** Extra reason some codes carry, e.g. invalid_id_number → 'checksum'. */
  readonly reason: string | null;

  constructor(init: {
    status: number;
    code: string;
    detail?: string;
    fieldErrors?: FieldError[];
    retryAfter?: number | null;
    reason?: string | null;
  }) {
    super(init.detail || init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail ?? '';
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter ?? null;
    this.reason = init.reason ?? null;
  }

  /** The first field error whose path is `field` or starts with `field.` (e.g. interestTags.2). */
  fieldError(field: string): FieldError | undefined {
    return this.fieldErrors.find((e) => e.path === field || e.path.startsWith(`${field}.`));
  }
}

export const isApiError = (err: unknown): err is ApiError => err instanceof ApiError;

export function toApiError(res: Response, data: unknown): ApiError {
  const p = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const header = Number(res.headers.get('Retry-After'));
  const retryAfter =
    Number.isFinite(header) && header > 0 ? header : typeof p.retryAfter === 'number' ? p.retryAfter : null;
  return new ApiError({
    status: res.status,
    code: typeof p.code === 'string' ? p.code : `http_${res.status}`,
    detail: typeof p.detail === 'string' ? p.detail : res.statusText,
    fieldErrors: Array.isArray(p.errors) ? p.errors.filter(isFieldError) : [],
    retryAfter,
    reason: typeof p.reason === 'string' ? p.reason : null,
  });
}

function isFieldError(e: unknown): e is FieldError {
  return !!e && typeof e === 'object' && typeof (e as FieldError).path === 'string';
}

/**
 * The typed client: `call(client.GET('/api/v1/items/{id}', { params: { path: { id } } }))`
 * resolves to the typed body or throws the same ApiError as `request` (network_error included).
 */
export const client: JishiClient = /* @__PURE__ */ createClient({
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
  fetch: async (req: Request) => {
    let res: Response;
    try {
      res = await fetch(req);
    } catch {
      reportReachable(false);
      throw new ApiError({ status: 0, code: 'network_error' });
    }
    reportReachable(true);
    return res;
  },
});

type Result = { data?: unknown; error?: unknown; response: Response };

/** The body of a successful call (undefined for 204), or a thrown ApiError. */
export async function call<R extends Result>(result: Promise<R>): Promise<Exclude<R['data'], undefined>> {
  const { data, error, response } = await result;
  if (!response.ok) throw toApiError(response, error);
  return data as Exclude<R['data'], undefined>;
}
