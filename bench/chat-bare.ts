// The chat send's floor (issue 17): a bare node:http + `ws` + pg server that answers
// `POST /api/v1/conversations/:id/messages` with the SAME statements the API sends for a plain
// text, under the same names (db/prepared.ts): the session lookup by the token's hash
// (accounts_live_session), the gated send — several sends arriving together in ONE statement
// (chat_send_texts) and a lone one in chat_send_text, with the API's group-commit rule (one send
// per conversation per batch, batches one after another: modules/chat/group-send.ts) — then the
// batched NOTIFY (realtime_notify) and, on the LISTEN side, the fan-out of each envelope to the
// sockets of its members. The send statements' text and parameter order come from the API's own
// builders (chat/repo.ts sendTextStatement / sendTextsStatement), compiled once here with marker
// values; the session and NOTIFY texts are copied from accounts/repo.ts and lib/realtime.ts.
// No router, middleware, validation library, Kysely at run time, scam shield or presenter.
//
//   DATABASE_URL=… PORT=… node --import tsx bench/chat-bare.ts
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { WebSocketServer, type WebSocket } from 'ws';
import { openDatabase } from '../apps/api/src/db/index.ts';
import { envelopeLine, notifyPayloads, readPayload } from '../apps/api/src/lib/realtime.ts';
import { sendTextStatement, sendTextsStatement } from '../apps/api/src/modules/chat/repo.ts';

const url = process.env.DATABASE_URL as string;
const port = Number(process.env.PORT);
const COLD = 1; // config coldMessages' default (the bench's pairs follow each other: it never decides)
const CHANNEL = 'jishi_bare'; // not the API's channel: an idle API process on the same database must not read these
const SESSION = `/*prepared:accounts_live_session*/
    SELECT u.id, u.username, u.role, u.status, s.token_hash
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`;
const NOTIFY = '/*prepared:realtime_notify*/ SELECT pg_notify($1, p) FROM unnest($2::text[]) WITH ORDINALITY AS t(p, n) ORDER BY n';

// The API's send statements, compiled once with markers; a parameter is then a marker's slot or a constant.
type Send = { me: string; conv: string; text: string };
type Slot = { kind: 'me' | 'conv' | 'text' | 'risk' | 'now' | 'cold' | 'const'; many: boolean; value?: unknown };
const M = { me: '\u0001me', conv: '\u0001conv', text: '\u0001text', risk: 424_242, now: new Date(1_000_003), cold: 9_876_543 };
function slots(parameters: readonly unknown[]): Slot[] {
  return parameters.map((p) => {
    const v = Array.isArray(p) ? p[0] : p;
    const many = Array.isArray(p);
    if (v === M.me) return { kind: 'me', many };
    if (v === M.conv) return { kind: 'conv', many };
    if (v === M.text) return { kind: 'text', many };
    if (v === M.risk) return { kind: 'risk', many };
    if (v === M.now) return { kind: 'now', many };
    if (v === M.cold) return { kind: 'cold', many };
    return { kind: 'const', many, value: p };
  });
}
const { db, close } = openDatabase(url, { max: 1 });
const one = sendTextStatement({ me: M.me, conversationId: M.conv, sentItem: null, now: M.now, cold: M.cold }, { text: M.text, riskScore: M.risk }).compile(db);
const many = sendTextsStatement([{ me: M.me, conversationId: M.conv, text: M.text, riskScore: M.risk }], M.now, M.cold).compile(db);
await close();
const oneSlots = slots(one.parameters);
const manySlots = slots(many.parameters);
function values(ss: Slot[], sends: Send[], now: Date) {
  return ss.map((s) => {
    if (s.kind === 'const') return s.value;
    if (s.kind === 'now') return now;
    if (s.kind === 'cold') return COLD;
    const pick = (x: Send) => (s.kind === 'me' ? x.me : s.kind === 'conv' ? x.conv : s.kind === 'text' ? x.text : 0);
    return s.many ? sends.map(pick) : pick(sends[0] as Send);
  });
}

const pool = new pg.Pool({ connectionString: url, max: 20 });
const sessionOf = async (token: string) =>
  (await pool.query({ name: 'accounts_live_session', text: SESSION, values: [createHash('sha256').update(token).digest('hex'), new Date()] })).rows[0] as
    | { id: string; status: string }
    | undefined;

// Sockets by member, and the LISTEN side: every envelope to its members' sockets.
const sockets = new Map<string, Set<WebSocket>>();
const listener = new pg.Client({ connectionString: url });
await listener.connect();
await listener.query(`LISTEN ${CHANNEL}`);
listener.on('notification', (n) => {
  if (!n.payload) return;
  readPayload(n.payload, (users, data) => {
    for (const u of users) for (const s of sockets.get(u) ?? []) s.send(data);
  });
});

// Batched NOTIFY, one flush at a time, packed as lib/realtime.ts packs it.
let outbox: string[] = [];
let flushing = false;
function publish(msg: string) {
  outbox.push(msg);
  if (flushing) return;
  flushing = true;
  setImmediate(async () => {
    while (outbox.length) {
      const payloads = notifyPayloads(outbox);
      outbox = [];
      await pool.query({ name: 'realtime_notify', text: NOTIFY, values: [CHANNEL, payloads] }).catch((err) => console.error('notify failed', err));
    }
    flushing = false;
  });
}

// Group commit, the API's rule: one send per conversation per batch, one batch at a time.
type Job = Send & { done(row: Record<string, unknown> | undefined, err?: unknown): void };
let pending: Job[] = [];
let running = false;
function enqueue(job: Job) {
  pending.push(job);
  if (running) return;
  running = true;
  setImmediate(async () => {
    while (pending.length) {
      const batch: Job[] = [];
      const later: Job[] = [];
      const taken = new Set<string>();
      for (const j of pending) {
        if (batch.length < 256 && !taken.has(j.conv)) {
          taken.add(j.conv);
          batch.push(j);
        } else later.push(j);
      }
      pending = later;
      const now = new Date();
      try {
        if (batch.length === 1) {
          const r = await pool.query({ name: 'chat_send_text', text: one.sql, values: values(oneSlots, batch, now) });
          batch[0]?.done(r.rows[0]);
        } else {
          const r = await pool.query({ name: 'chat_send_texts', text: many.sql, values: values(manySlots, batch, now) });
          const byOrd = new Map(r.rows.map((row) => [Number(row.ord), row]));
          for (const [i, j] of batch.entries()) j.done(byOrd.get(i + 1));
        }
      } catch (err) {
        for (const j of batch) j.done(undefined, err);
      }
    }
    running = false;
  });
}

const json = (res: import('node:http').ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
};
const SEND = /^\/api\/v1\/conversations\/([0-9a-f]{16})\/messages$/;
const server = createServer((req, res) => {
  if (req.url === '/api/v1/health') return json(res, 200, '{"ok":true}');
  const m = req.method === 'POST' ? SEND.exec(req.url ?? '') : null;
  if (!m) return json(res, 404, '{"code":"not_found"}');
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    try {
      const text = (JSON.parse(Buffer.concat(chunks).toString()) as { text?: unknown }).text;
      if (typeof text !== 'string' || !text || text.length > 1000) return json(res, 422, '{"code":"validation_failed"}');
      const user = await sessionOf((req.headers.authorization ?? '').slice(7));
      if (user?.status !== 'active') return json(res, 401, '{"code":"unauthorized"}');
      enqueue({ me: user.id, conv: m[1] as string, text, done: (row, err) => {
        if (err) return json(res, 500, '{"code":"internal"}');
        if (!row) return json(res, 404, '{"code":"not_found"}');
        if (row.id === null) return json(res, 403, '{"code":"blocked"}');
        const message = {
          id: row.id, conversationId: row.conversationId, senderId: row.senderId, actorId: row.senderId, kind: 'text', text: row.text,
          warnings: row.warnings, autoReply: row.autoReply, automatic: row.autoReply, createdAt: (row.createdAt as Date).toISOString(),
        };
        publish(envelopeLine([user.id, row.peer as string], { type: 'message', conversationId: row.conversationId, message }));
        json(res, 201, JSON.stringify(message));
      } });
    } catch {
      json(res, 400, '{"code":"bad_request"}');
    }
  });
});

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
server.on('upgrade', async (req, socket, head) => {
  const token = new URL(req.url ?? '', 'http://x').searchParams.get('token') ?? '';
  const user = await sessionOf(token).catch(() => undefined);
  if (!user) return socket.destroy();
  wss.handleUpgrade(req, socket, head, (ws) => {
    const set = sockets.get(user.id) ?? new Set();
    set.add(ws);
    sockets.set(user.id, set);
    ws.on('close', () => set.delete(ws));
    ws.send(JSON.stringify({ type: 'hello', userId: user.id }));
  });
});
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
