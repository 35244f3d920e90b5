// A JSON body read from Node's stream (lib/json-body.ts) behaves like Hono's path did: through a
// real server (in-process app.request() has no Node request and takes the other path), a body
// sent whole, chunked or with a byte-order mark is read; malformed JSON is 400; more than
// 1 MiB is 413, declared or streamed; nothing is written on a refusal.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers.ts';

const t = await createTestApp();
const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
const port = (server.address() as AddressInfo).port;
const me = await t.user();

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
});

type Sent = { status: number; type: string; json: { [k: string]: unknown } };

/** POST /api/v1/notes over a socket; `chunks` are written one by one (chunked unless a length is declared). */
function post(chunks: (string | Buffer)[], headers: Record<string, string> = {}): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1', port, method: 'POST', path: '/api/v1/notes',
        headers: { authorization: `Bearer ${me.token}`, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), json: body ? JSON.parse(body) : {} }));
      },
    );
    // The server may answer (413) before the whole body is written: that is not an error here.
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'EPIPE' || (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
    (async () => {
      for (const c of chunks) {
        if (!req.write(c)) await new Promise((r) => req.once('drain', r));
      }
      req.end();
    })().catch(() => {});
  });
}

const notesOfMe = async () => Number((await t.db.selectFrom('notes').select((eb) => eb.fn.countAll<number>().as('n')).where('authorId', '=', me.id).executeTakeFirstOrThrow()).n);

describe('a JSON body read from the Node request', () => {
  it('a body sent whole, in chunks, with a charset or a byte-order mark is read', async () => {
    const body = JSON.stringify({ title: '九成新布艺沙发转让 宜家' });
    const whole = await post([body], { 'content-length': String(Buffer.byteLength(body)) });
    expect(whole.status).toBe(201);
    expect(whole.json.title).toBe('九成新布艺沙发转让 宜家');

    // Split inside a multi-byte character: the text is decoded from the whole body, not per chunk.
    const bytes = Buffer.from(JSON.stringify({ title: '分块发送的笔记 沙发' }));
    const cut = bytes.indexOf(Buffer.from('沙')) + 1;
    const chunked = await post([bytes.subarray(0, cut), bytes.subarray(cut)]);
    expect(chunked.status).toBe(201);
    expect(chunked.json.title).toBe('分块发送的笔记 沙发');

    const charset = await post([JSON.stringify({ title: '带字符集的笔记' })], { 'content-type': 'application/json; charset=utf-8' });
    expect(charset.status).toBe(201);

    const bom = await post([`\ufeff${JSON.stringify({ title: '带字节序标记的笔记' })}`]);
    expect(bom.status).toBe(201);
    expect(bom.json.title).toBe('带字节序标记的笔记');
  });

  it('malformed JSON is 400 malformed_json and writes nothing', async () => {
    const before = await notesOfMe();
    const r = await post(['{"title": "半截']);
    expect(r.status).toBe(400);
    expect(r.type).toContain('application/problem+json');
    expect(r.json).toMatchObject({ status: 400, code: 'malformed_json' });
    expect(await notesOfMe()).toBe(before);
  });

  it('more than 1 MiB is 413, whether declared up front or only found while streaming', async () => {
    const before = await notesOfMe();
    const big = JSON.stringify({ title: '太大的笔记', body: 'x'.repeat(1024 * 1024 + 10) });
    const declared = await post([big], { 'content-length': String(Buffer.byteLength(big)) });
    expect(declared.status).toBe(413);
    expect(declared.json).toMatchObject({ status: 413, code: 'payload_too_large' });

    const piece = 'x'.repeat(64 * 1024);
    const streamed = await post(['{"title":"太大的笔记","body":"', ...Array.from({ length: 17 }, () => piece), '"}']);
    expect(streamed.status).toBe(413);
    expect(streamed.json).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(await notesOfMe()).toBe(before);

    // The server still answers on a fresh connection afterwards.
    expect((await post([JSON.stringify({ title: '之后的笔记' })])).status).toBe(201);
  });
});
