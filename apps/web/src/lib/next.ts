// The "come back here after signing in" parameter. Only same-site paths are honoured, so a
// crafted link cannot send a member elsewhere after login.
export function safeNext(raw: string | null, fallback = '/me'): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  return raw;
}

export const loginPath = (next: string) => `/login?next=${encodeURIComponent(next)}`;
