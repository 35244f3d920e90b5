// One live connection to /api/v1/ws (the session cookie authenticates it). It reconnects with
// exponential backoff and jitter, notices a silently dead connection by its own pings, and
// comes back at once when the phone is online or the tab visible again.
import type { SocketEvent } from './types.ts';

const PING_MS = 25_000;
const SILENCE_MS = 60_000;
const MAX_BACKOFF_MS = 30_000;

export type SocketHandlers = {
  onEvent: (e: SocketEvent) => void;
  /** The server said hello: every event from now on arrives; `reconnected` after a break. */
  onReady: (reconnected: boolean) => void;
  onDown: () => void;
};

export function openChatSocket(handlers: SocketHandlers): () => void {
  let ws: WebSocket | null = null;
  let attempt = 0;
  let everReady = false;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let lastHeard = Date.now();

  const url = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/ws`;

  const connect = () => {
    clearTimeout(retryTimer);
    if (stopped || (ws && ws.readyState <= WebSocket.OPEN)) return;
    const sock = new WebSocket(url());
    ws = sock;
    lastHeard = Date.now();
    sock.onmessage = (e) => {
      lastHeard = Date.now();
      let event: SocketEvent;
      try {
        event = JSON.parse(String(e.data)) as SocketEvent;
      } catch {
        return; // not ours to understand
      }
      if (event.type === 'hello') {
        attempt = 0;
        handlers.onReady(everReady);
        everReady = true;
        return;
      }
      handlers.onEvent(event);
    };
    sock.onclose = () => {
      if (ws !== sock) return;
      ws = null;
      clearInterval(pingTimer);
      handlers.onDown();
      if (stopped) return;
      const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt);
      attempt += 1;
      retryTimer = setTimeout(connect, base / 2 + Math.random() * (base / 2));
    };
    sock.onopen = () => {
      clearInterval(pingTimer);
      pingTimer = setInterval(() => {
        if (Date.now() - lastHeard > SILENCE_MS)
          sock.close(); // half-open: start over
        else if (sock.readyState === WebSocket.OPEN) sock.send('{"type":"ping"}');
      }, PING_MS);
    };
  };

  const wake = () => {
    if (document.visibilityState === 'visible' && !ws) {
      attempt = 0;
      connect();
    }
  };
  window.addEventListener('online', wake);
  document.addEventListener('visibilitychange', wake);
  connect();

  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    clearInterval(pingTimer);
    window.removeEventListener('online', wake);
    document.removeEventListener('visibilitychange', wake);
    const sock = ws;
    ws = null;
    if (sock) {
      sock.onclose = null;
      sock.onmessage = null;
      // Closing a socket that is still connecting logs a console error in Chromium; let it open first.
      if (sock.readyState === WebSocket.CONNECTING) sock.onopen = () => sock.close();
      else sock.close();
    }
  };
}
