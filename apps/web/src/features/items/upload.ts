// One photo per POST /media (multipart field `file`). XMLHttpRequest rather than fetch because
// only it reports upload progress; failures become the same ApiError as every other call.
import { ApiError, toApiError } from '../../lib/api.ts';

export type UploadedPhoto = {
  id: string;
  width: number;
  height: number;
  urls: { thumb?: string; card?: string; detail?: string };
};

export function uploadPhoto(file: File, onProgress: (fraction: number) => void): Promise<UploadedPhoto> {
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
      reject(toApiError(new Response(null, { status: xhr.status, headers }), data));
    };
    const form = new FormData();
    form.append('file', file);
    form.append('purpose', 'photo');
    xhr.send(form);
  });
}
