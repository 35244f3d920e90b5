// A logical dump and restore of the app's database, the job pg_dump / pg_restore would do:
// the embedded PostgreSQL package ships no pg_dump, and Debian's pg_dump 15 refuses to dump
// the embedded PostgreSQL 18 ("server version mismatch"). The schema is the app's own
// migrations (the manifest names those applied); the data is every table of the public
// schema as COPY text, all read in one REPEATABLE READ snapshot (as pg_dump does), streamed
// to files, so neither side holds a table in memory. pg-boss's schema is not kept: every job
// is a recurring sweep over the app's rows, scheduled again when the server starts.
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

export type TableDump = { name: string; columns: string[]; rows: number; file: string; bytes: number };
export type SequenceDump = { name: string; value: string; isCalled: boolean };
export type DbDump = { serverVersion: string; migrations: string[]; tables: TableDump[]; sequences: SequenceDump[] };

const q = (ident: string) => `"${ident.replaceAll('"', '""')}"`;

/** Tables of the public schema (not the migrations' bookkeeping) and their stored columns. */
async function tablesOf(client: pg.ClientBase): Promise<{ name: string; columns: string[] }[]> {
  const r = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migrations'
    GROUP BY c.relname ORDER BY c.relname`);
  return r.rows;
}

/** Writes every table into `dir` as `<table>.copy` from one snapshot; returns what it wrote. */
export async function dumpDatabase(pool: pg.Pool, dir: string, beforeCopy: () => Promise<void> = async () => {}): Promise<DbDump> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // The snapshot is taken by the first query; everything below reads the same moment.
    const serverVersion = (await client.query<{ v: string }>('SHOW server_version')).rows[0]?.v ?? '';
    await beforeCopy();
    const migrations = (await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name);
    const tables: TableDump[] = [];
    for (const t of await tablesOf(client)) {
      const file = `${t.name}.copy`;
      const copy = client.query(copyTo(`COPY ${q(t.name)} (${t.columns.map(q).join(', ')}) TO STDOUT`));
      await pipeline(copy, createWriteStream(join(dir, file)));
      tables.push({ ...t, rows: copy.rowCount ?? 0, file, bytes: statSync(join(dir, file)).size });
    }
    // Sequences move outside transactions; read in the snapshot they are at least as far as any
    // id it holds, which is all a restore needs.
    const seqs = await client.query<{ name: string }>(`SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`);
    const sequences: SequenceDump[] = [];
    for (const s of seqs.rows) {
      const v = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${q(s.name)}`);
      const row = v.rows[0];
      if (row) sequences.push({ name: s.name, value: row.last_value, isCalled: row.is_called });
    }
    await client.query('COMMIT');
    return { serverVersion, migrations, tables, sequences };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

export class RestoreMismatch extends Error {}

/**
 * Loads a dump into a database whose schema is at exactly the dump's migrations (the caller
 * applied them). One transaction: all of it or nothing. Triggers and foreign keys are off while
 * the rows go in (session_replication_role = replica: rows that were valid together are loaded
 * in any order, and no trigger re-stamps or refuses them — the audit log's append-only trigger
 * included); the rows a migration may have seeded are replaced by the dump's.
 */
export async function restoreDatabase(pool: pg.Pool, dir: string, dump: DbDump): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    const present = new Map((await tablesOf(client)).map((t) => [t.name, t.columns]));
    for (const t of dump.tables) {
      const cols = present.get(t.name);
      if (!cols) throw new RestoreMismatch(`table ${t.name} of the backup does not exist after its migrations`);
      const missing = t.columns.filter((c) => !cols.includes(c));
      if (missing.length) throw new RestoreMismatch(`table ${t.name}: columns ${missing.join(', ')} do not exist after the backup's migrations`);
    }
    if (dump.tables.length) await client.query(`TRUNCATE ${dump.tables.map((t) => q(t.name)).join(', ')}`);
    for (const t of dump.tables) {
      const copy = client.query(copyFrom(`COPY ${q(t.name)} (${t.columns.map(q).join(', ')}) FROM STDIN`));
      await pipeline(createReadStream(join(dir, t.file)), copy);
      if ((copy.rowCount ?? 0) !== t.rows) throw new RestoreMismatch(`table ${t.name}: ${copy.rowCount} rows loaded, the backup has ${t.rows}`);
    }
    for (const s of dump.sequences) {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [q(s.name), s.value, s.isCalled]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
