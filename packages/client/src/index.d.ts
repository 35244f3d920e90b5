import type { Client, ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

export type { components, operations, paths };
/** Every schema of the API by name, e.g. `Schemas['Order']`. */
export type Schemas = components['schemas'];
export type Problem = components['schemas']['Problem'];

export type JishiClient = Client<paths, 'application/json'>;
export type JishiClientOptions = ClientOptions & {
  /** Where the server is, e.g. `https://jishi.example` ('' for the same origin). Paths carry /api/v1. */
  baseUrl?: string;
  /** The bearer token from POST /api/v1/auth/login; browsers can rely on the session cookie instead. */
  token?: string;
};

export declare function createClient(options?: JishiClientOptions): JishiClient;

export declare class ProblemError extends Error {
  readonly status: number;
  /** The stable error code, e.g. `out_of_stock`; `http_<status>` when the body had none. */
  readonly code: string;
  /** The whole problem+json body (field `errors`, `retryAfter`, … when present). */
  readonly problem: Partial<Problem> & Record<string, unknown>;
  constructor(status: number, problem: unknown);
}

type Result = { data?: unknown; error?: unknown; response: Response };
/** `data` of a successful call, or a thrown ProblemError. */
export declare function unwrap<R extends Result>(result: Promise<R> | R): Promise<Exclude<R['data'], undefined>>;
