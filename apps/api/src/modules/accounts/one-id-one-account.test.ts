// Issue 9, hole 1: one resident ID number verifies one account, compared by a keyed hash.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createTestApp, expectProblem, validIdNumber } from '../../../test/helpers.ts';
import { migrationFiles } from '../../db/migrate.ts';
import { checkDigit, maskIdNumber } from './id-number.ts';
import { backfillIdNumberHashes } from './id-number-hashes.ts';

const t = await createTestApp();
const verify = (token: string, idNumber: string, realName = '张三') =>
  t.req('POST', '/me/verification', { token, body: { realName, idNumber } });

describe('one ID number, one account', () => {
  it('refuses a number another account verified with 409 id_number_in_use, however it is typed', async () => {
    const id = validIdNumber(1991);
    const first = await t.user();
    expect((await verify(first.token, id)).status).toBe(200);
    const second = await t.user();
    for (const typed of [id, `  ${id.toLowerCase()} `]) {
      const r = await verify(second.token, typed, '李四');
      expectProblem(r, 409, 'id_number_in_use');
      expect(r.json.errors).toEqual([{ path: 'idNumber', message: expect.any(String) }]);
      expect(r.text).not.toContain(id.slice(6, 14)); // the answer reveals nothing of the number
    }
    expect((await t.req('GET', '/me', { token: second.token })).json.verified).toBe(false);
    // Stored as a keyed hash only: not the number, not an unkeyed digest anyone could recompute.
    const row = await t.db.selectFrom('users').select('idNumberHash').where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row.idNumberHash).toBe(t.deps.secrets.hash(id));
    expect(row.idNumberHash).not.toContain(id);
    expect(row.idNumberHash).not.toBe(createHash('sha256').update(id).digest('base64url'));
    // The second member verifies with their own number.
    expect((await verify(second.token, validIdNumber(1991), '李四')).status).toBe(200);
  });

  it('lets exactly one of ten accounts verifying one number at the same moment succeed', async () => {
    const id = validIdNumber(1985);
    const members = await Promise.all(Array.from({ length: 10 }, () => t.user()));
    const rs = await Promise.all(members.map((m) => verify(m.token, id)));
    expect(rs.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of rs.filter((x) => x.status !== 200)) expectProblem(r, 409, 'id_number_in_use');
    const hash = t.deps.secrets.hash(id);
    const holders = await t.db.selectFrom('users').select('id').where('idNumberHash', '=', hash).execute();
    expect(holders).toHaveLength(1);
  });

  it('fills a missing hash at start-up; a second holder of that number loses its verification', async () => {
    const [a, b, c] = [await t.user(), await t.user(), await t.user()];
    const idA = validIdNumber(1979);
    expect((await verify(a.token, idA)).status).toBe(200);
    // A row whose hash went missing, and a row written by hand with the same number and no hash.
    await t.db.updateTable('users').set({ idNumberHash: null }).where('id', '=', a.id).execute();
    const { verifiedAt } = await t.db.selectFrom('users').select('verifiedAt').where('id', '=', a.id).executeTakeFirstOrThrow();
    await t.db.updateTable('users').where('id', '=', c.id).set({
      verifiedAt: new Date((verifiedAt as Date).getTime() + 60_000),
      realNameEnc: t.deps.secrets.encrypt('王五'),
      idNumberEnc: t.deps.secrets.encrypt(idA),
      idNumberMasked: maskIdNumber(idA),
    }).execute();

    // And a row whose number cannot be read stops nothing.
    const d = await t.user();
    await t.db.updateTable('users').where('id', '=', d.id).set({ verifiedAt: new Date(), realNameEnc: 'x', idNumberEnc: 'not sealed', idNumberMasked: 'x' }).execute();
    expect(await backfillIdNumberHashes(t.deps)).toEqual({ filled: 1, withdrawn: 1, unreadable: 1 });
    expect((await t.req('GET', '/me', { token: a.token })).json.verified).toBe(true);
    expect((await t.req('GET', '/me', { token: c.token })).json.verified).toBe(false);
    const report = await t.db.selectFrom('reports').selectAll().where('targetType', '=', 'user').where('targetId', '=', c.id).executeTakeFirst();
    expect(report).toMatchObject({ reporterId: null, status: 'open' });
    expectProblem(await verify(b.token, idA), 409, 'id_number_in_use');
    expect(await backfillIdNumberHashes(t.deps)).toEqual({ filled: 0, withdrawn: 0, unreadable: 1 });
  });

  it('the test helper never hands out the same number twice in a file', () => {
    const many = Array.from({ length: 20_000 }, () => validIdNumber());
    expect(new Set(many).size).toBe(many.length);
    for (const id of many.slice(-3)) expect(checkDigit(id.slice(0, 17))).toBe(id[17]);
  });
});

describe('migration 0007 on a database that already has reused numbers', () => {
  it('keeps the earliest verification of each number, withdraws and reports the later ones, then enforces uniqueness', async () => {
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    const name = `m7_${randomBytes(5).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(inject('pgAdminUrl'));
    url.pathname = `/${name}`;
    const db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
    try {
      const dir = join(import.meta.dirname, '../../db/migrations');
      const files = migrationFiles();
      const upTo = files.indexOf('0007_hardening.sql');
      for (const f of files.slice(0, upTo)) await db.query(readFileSync(join(dir, f), 'utf8'));
      const user = async (name: string, hash: string | null, at: string) => {
        const r = await db.query(
          `INSERT INTO users (username, password_hash, display_name, verified_at, real_name_enc, id_number_enc, id_number_hash, id_number_masked)
           VALUES ($1, 'x', $1, $2, $3, $3, $4, '1101**********0000') RETURNING id`,
          [name, at, hash ? 'sealed' : null, hash],
        );
        return r.rows[0].id as string;
      };
      const first = await user('first', 'h-same', '2026-01-02T00:00:00Z');
      const later = await user('later', 'h-same', '2026-01-03T00:00:00Z');
      const latest = await user('latest', 'h-same', '2026-01-04T00:00:00Z');
      const other = await user('other', 'h-other', '2026-01-01T00:00:00Z');
      await db.query(readFileSync(join(dir, '0007_hardening.sql'), 'utf8'));

      const rows = (await db.query('SELECT id, verified_at IS NOT NULL AS verified, id_number_hash FROM users ORDER BY username')).rows;
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(first)).toMatchObject({ verified: true, id_number_hash: 'h-same' });
      expect(byId.get(other)).toMatchObject({ verified: true, id_number_hash: 'h-other' });
      expect(byId.get(later)).toMatchObject({ verified: false, id_number_hash: null });
      expect(byId.get(latest)).toMatchObject({ verified: false, id_number_hash: null });
      const reports = (await db.query(`SELECT target_id FROM reports WHERE reporter_id IS NULL AND target_type = 'user'`)).rows.map((r) => r.target_id);
      expect(reports.sort()).toEqual([later, latest].sort());
      await expect(user('again', 'h-same', '2026-01-05T00:00:00Z')).rejects.toMatchObject({ code: '23505', constraint: 'users_id_number_hash_unique' });
    } finally {
      await db.end();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
