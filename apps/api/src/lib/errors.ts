// One error type for every expected failure. The web app and API clients switch on `code`,
// so codes are part of the contract: add new ones, never rename old ones.
export type FieldError = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export const badRequest = (code: string, detail: string, extra?: Record<string, unknown>) =>
  new AppError(400, code, detail, extra);
export const unauthorized = (code = 'unauthenticated', detail = 'Sign in to continue.') =>
  new AppError(401, code, detail);
export const forbidden = (code: string, detail: string, extra?: Record<string, unknown>) =>
  new AppError(403, code, detail, extra);
export const notFound = (what = 'resource') => new AppError(404, 'not_found', `No such ${what}.`);
export const conflict = (code: string, detail: string, extra?: Record<string, unknown>) =>
  new AppError(409, code, detail, extra);
export const unprocessable = (code: string, detail: string, extra?: Record<string, unknown>) =>
  new AppError(422, code, detail, extra);
export const tooManyRequests = (code: string, retryAfterSeconds: number, detail: string) =>
  new AppError(429, code, detail, { retryAfter: retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
export const validationFailed = (errors: FieldError[], status = 400) =>
  new AppError(status, 'validation_failed', 'Some fields are not valid.', { errors });

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  [k: string]: unknown;
};

/**
 * The RFC 9457 members come last, so an extra member can never overwrite them: `status` is
 * always the HTTP status (a client reads it, not the header, once the body is stored or
 * logged). A resource's own state travels under another name (`orderStatus`, `offerStatus`).
 */
export function toProblem(err: AppError, instance?: string): Problem {
  return {
    ...err.extra,
    type: `https://jishi.dev/problems/${err.code.replaceAll('_', '-')}`,
    title: titles[err.status] ?? 'Error',
    status: err.status,
    detail: err.detail,
    code: err.code,
    ...(instance ? { instance } : {}),
  };
}
