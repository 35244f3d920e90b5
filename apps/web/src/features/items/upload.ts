// One photo per POST /media (multipart field `file`). XMLHttpRequest rather than fetch because
// only it reports upload progress; failures become the same ApiError as every other call.
import { ApiError, type Schemas, toApiError } from '../../lib/api.ts';

/** What POST /media accepts (apps/api media/service.ts), checked here first so a wrong file
 *  fails at once instead of after a long upload. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** The photo failures a member can act on, each with its own words (tradeErrors.*). */
export const PHOTO_CODES = ['unsupported_media', 'payload_too_large', 'image_too_large', 'invalid_media'] as const;
export type PhotoCode = (typeof PHOTO_CODES)[number];
export const isPhotoCode = (c: string): c is PhotoCode => (PHOTO_CODES as readonly string[]).includes(c);

// A proxy in front of the API may refuse a big body with its own page (no problem+json), and
// a request that is not multipart gets `unsupported_media_type`: both mean the same to a member.
const BY_STATUS: Record<number, PhotoCode> = { 413: 'payload_too_large', 415: 'unsupported_media' };

function photoError(err: ApiError): ApiError {
  const code =
    err.code === 'unsupported_media_type'
      ? 'unsupported_media'
      : err.code.startsWith('http_')
        ? BY_STATUS[err.status]
        : undefined;
  return code ? new ApiError({ status: err.status, code, detail: err.detail, retryAfter: err.retryAfter }) : err;
}

function localProblem(file: File): ApiError | null {
  if (file.type && !(PHOTO_TYPES as readonly string[]).includes(file.type)) {
    return new ApiError({ status: 415, code: 'unsupported_media' });
  }
  if (file.size > PHOTO_MAX_BYTES) return new ApiError({ status: 413, code: 'payload_too_large' });
  return null;
}

export type UploadedPhoto = Schemas['UploadedMedia'];

export function uploadPhoto(file: File, onProgress: (fraction: number) => void): Promise<UploadedPhoto> {
  const problem = localProblem(file);
  if (problem) return Promise.reject(problem);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/media');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(0.99, e.loaded / e.total));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network_error' }));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: an empty or proxy error page; the status says enough
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(data as UploadedPhoto);
        return;
      }
      const headers = new Headers();
      const retry = xhr.getResponseHeader('Retry-After');
      if (retry) headers.set('Retry-After', retry);
      reject(photoError(toApiError(new Response(null, { status: xhr.status, headers }), data)));
    };
    const form = new FormData();
    form.append('file', file);
    form.append('purpose', 'photo');
    xhr.send(form);
  });
}
