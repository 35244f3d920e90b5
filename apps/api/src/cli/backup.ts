// `npm run backup [-- <file>]`: the database (live: the server may keep running), the photos
// and the keys into one archive; default file jishi-backup-<UTC time>.tar.gz here. DATA_DIR
// and DATABASE_URL as for the server (an external database is dumped the same way; its
// photos and keys are still read from DATA_DIR).
import { createBackup } from '../db/backup.ts';
import { withDatabase } from './with-database.ts';

const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
const out = process.argv[2] ?? `jishi-backup-${stamp}.tar.gz`;
const t0 = Date.now();
try {
  const m = await withDatabase((database, config) => {
    // The dump uses a connection of its own; the URL is the one withDatabase found or started.
    const url = (database.pool.options as { connectionString: string }).connectionString;
    return createBackup({ url, dataDir: config.dataDir, out });
  });
  const rows = m.database.tables.reduce((n, t) => n + t.rows, 0);
  console.log(`backup ${out}: ${rows} rows in ${m.database.tables.length} tables, ${m.media.files} photos (${m.media.bytes} bytes), secrets ${m.secrets ? 'included' : 'absent'}, ${Date.now() - t0} ms`);
} catch (err) {
  console.error(`jishi backup failed: ${(err as Error).message}`);
  process.exit(1);
}
