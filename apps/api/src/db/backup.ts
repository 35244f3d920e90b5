// `npm run backup` / `npm run restore` (issue 14 item 8): one archive (tar.gz) with the
// database (db/dump.ts: one consistent snapshot), the photos (DATA_DIR/media) and the keys
// (DATA_DIR/secrets.json: without them stored ID numbers cannot be read and payment
// callbacks cannot be checked), described by manifest.json. Restore goes onto an EMPTY data
// dir only: it never merges into, or overwrites, a live installation.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type DbDump, dumpDatabase, restoreDatabase } from './dump.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { openDatabase } from './index.ts';
import { migrate, migrationFiles } from './migrate.ts';

export const BACKUP_FORMAT = 'jishi-backup/1';

export type Manifest = {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  database: DbDump;
  media: { files: number; bytes: number };
  secrets: boolean;
};

export class BackupError extends Error {}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err = (err + d).slice(-2000)));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok() : fail(new BackupError(`${cmd} exited ${code}: ${err.trim()}`))));
  });
}

function countFiles(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  if (!existsSync(dir)) return { files, bytes };
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files += 1;
    bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}

/**
 * Backs up the database at `url` (a live one: the snapshot is consistent while the server
 * writes) with DATA_DIR's photos and keys into `out`. Staged beside `out` and renamed into
 * place at the end, so a failed run leaves no archive that looks whole.
 */
export async function createBackup(opts: { url: string; dataDir: string; out: string }): Promise<Manifest> {
  const out = resolve(opts.out);
  mkdirSync(dirname(out), { recursive: true });
  const stage = mkdtempSync(join(dirname(out), '.jishi-backup-'));
  try {
    mkdirSync(join(stage, 'db'));
    const database = openDatabase(opts.url, { max: 1 });
    let media = { files: 0, bytes: 0 };
    let dump: DbDump;
    try {
      // Photos are copied once the snapshot is taken: every photo a row of it names exists
      // then (files are removed only after the row's deletion commits).
      dump = await dumpDatabase(database.pool, join(stage, 'db'), async () => {
        const src = join(opts.dataDir, 'media');
        if (existsSync(src)) cpSync(src, join(stage, 'media'), { recursive: true, filter: (p) => !p.endsWith('.tmp') });
        media = countFiles(join(stage, 'media'));
      });
    } finally {
      await database.close();
    }
    const secrets = existsSync(join(opts.dataDir, 'secrets.json'));
    if (secrets) copyFileSync(join(opts.dataDir, 'secrets.json'), join(stage, 'secrets.json'));
    const manifest: Manifest = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), database: dump, media, secrets };
    writeFileSync(join(stage, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await run('tar', ['-czf', `${out}.partial`, '-C', stage, '.']);
    renameSync(`${out}.partial`, out);
    return manifest;
  } finally {
    rmSync(stage, { recursive: true, force: true });
    rmSync(`${out}.partial`, { force: true });
  }
}

/** Restores `archive` into `dataDir`, which must be empty or missing. */
export async function restoreBackup(opts: { archive: string; dataDir: string; log?: (m: string) => void }): Promise<Manifest> {
  const log = opts.log ?? (() => {});
  const dataDir = resolve(opts.dataDir);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new BackupError(`${dataDir} is not empty: restore only into an empty data directory (move the old one away first)`);
  }
  if (!existsSync(opts.archive)) throw new BackupError(`no backup at ${opts.archive}`);
  mkdirSync(dataDir, { recursive: true });
  const stage = mkdtempSync(join(dirname(dataDir), '.jishi-restore-'));
  try {
    await run('tar', ['-xzf', resolve(opts.archive), '-C', stage]);
    const manifest = readManifest(join(stage, 'manifest.json'));
    const known = new Set(migrationFiles());
    const unknown = manifest.database.migrations.filter((m) => !known.has(m));
    if (unknown.length) throw new BackupError(`the backup was made by a newer Jishi (migrations ${unknown.join(', ')} are unknown here): restore it with that version`);
    // The keys first: the server started on this directory must find the backup's, not new ones.
    if (manifest.secrets) copyFileSync(join(stage, 'secrets.json'), join(dataDir, 'secrets.json'));
    if (existsSync(join(stage, 'media'))) cpSync(join(stage, 'media'), join(dataDir, 'media'), { recursive: true });
    const embedded = await startEmbeddedPostgres(dataDir, () => {});
    try {
      const database = openDatabase(embedded.url, { max: 2 });
      try {
        // The schema as it was when the backup was made; later migrations run at the next start.
        await migrate(database.pool, new Set(manifest.database.migrations));
        await restoreDatabase(database.pool, join(stage, 'db'), manifest.database);
      } finally {
        await database.close();
      }
    } finally {
      await embedded.stop();
    }
    log(`restored ${manifest.database.tables.reduce((n, t) => n + t.rows, 0)} rows in ${manifest.database.tables.length} tables, ${manifest.media.files} photos`);
    return manifest;
  } catch (err) {
    // Nothing half-restored stays behind to be started by mistake.
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function readManifest(file: string): Manifest {
  if (!existsSync(file)) throw new BackupError('not a Jishi backup: manifest.json is missing');
  const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  if (m.format !== BACKUP_FORMAT) throw new BackupError(`unknown backup format ${JSON.stringify(m.format)} (expected ${BACKUP_FORMAT})`);
  return m;
}
