// Whether the app can reach its server: the browser's own flag, and whether the last API call
// failed for want of a network (a captive portal or a server that is down look "online" to the
// browser). The offline banner (ui/offline-banner.tsx) reads it; lib/api.ts reports every call.
type Listener = () => void;

const listeners = new Set<Listener>();
let unreachable = false;

function emit() {
  for (const l of listeners) l();
}

/** lib/api.ts: `false` when fetch itself failed, `true` as soon as any answer arrives. */
export function reportReachable(ok: boolean) {
  if (unreachable === !ok) return;
  unreachable = !ok;
  emit();
}

export function isOffline(): boolean {
  return (typeof navigator !== 'undefined' && navigator.onLine === false) || unreachable;
}

export function subscribeConnectivity(listener: Listener): () => void {
  listeners.add(listener);
  // Back online: give the server the benefit of the doubt until the next call says otherwise.
  const online = () => {
    unreachable = false;
    listener();
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('online', online);
    window.removeEventListener('offline', listener);
  };
}
