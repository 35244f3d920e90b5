// GET /api/v1/ws: a member's live connection. Token by `?token=` or the session cookie. The
// server pings every 30 s and drops sockets that stop answering; a client that reconnects
// catches up with GET /conversations/:id/messages?after=<last id it saw>.
import type { UpgradeWebSocket } from 'hono/ws';
import { getCookie } from 'hono/cookie';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { WebSocket } from 'ws';
import { unauthorized } from '../../lib/errors.ts';
import type { AppEnv, Deps, Role } from '../../lib/http.ts';
import { findLiveSession } from '../accounts/index.ts';
import { SESSION_COOKIE, hashToken, sessionTag } from '../accounts/sessions.ts';

const HEARTBEAT_MS = 30_000;

export function mountWebSocket(app: OpenAPIHono<AppEnv>, deps: Deps, upgrade: UpgradeWebSocket<WebSocket>) {
  app.get(
    '/api/v1/ws',
    async (c, next) => {
      const token = c.req.query('token') ?? getCookie(c, SESSION_COOKIE);
      const s = token ? await findLiveSession(deps.db, hashToken(token), deps.clock.now()) : undefined;
      if (s?.status !== 'active') throw unauthorized('invalid_token', 'Open the socket with a valid token (?token=) or session cookie.');
      c.set('user', { id: s.id, username: s.username, role: s.role as Role, tokenHash: s.tokenHash });
      await next();
    },
    upgrade((c) => {
      const userId = c.get('user')?.id as string;
      const session = sessionTag(c.get('user')?.tokenHash ?? '');
      let detach = () => {};
      let alive = true;
      let timer: NodeJS.Timeout | undefined;
      return {
        onOpen(_e, ws) {
          const raw = ws.raw as WebSocket;
          detach = deps.hub.attach(userId, {
            send: (d) => {
              // A ban or a deletion ended all the member's sessions, a sign-out one of them (it
              // names it): the sockets of an ended session close, the other devices hear nothing.
              if (d.startsWith('{"type":"session_ended"')) {
                const ended = (JSON.parse(d) as { session?: string }).session;
                if (ended && ended !== session) return;
                ws.send(d);
                ws.close(4001, 'session ended');
                return;
              }
              // Straight to the socket (every delivery passes here): WSContext.send adds only an options object.
              raw.send(d);
            },
          });
          raw.on('pong', () => {
            alive = true;
          });
          timer = setInterval(() => {
            if (!alive) return raw.terminate();
            alive = false;
            raw.ping();
          }, HEARTBEAT_MS);
          ws.send(JSON.stringify({ type: 'hello', userId }));
        },
        onMessage(e, ws) {
          // The only thing a client says over the socket: an application-level ping.
          if (String(e.data) === '{"type":"ping"}') ws.send(JSON.stringify({ type: 'pong' }));
        },
        onClose() {
          clearInterval(timer);
          detach();
        },
      };
    }),
  );
}
