// `npm run restore -- <file>`: a backup from `npm run backup` onto an EMPTY DATA_DIR (embedded
// mode), then `npm start` on that DATA_DIR. Refuses a non-empty directory and DATABASE_URL.
import { BackupError, restoreBackup } from '../db/backup.ts';
import { ConfigError, readConfig } from '../config.ts';

const archive = process.argv[2];
try {
  if (!archive) throw new BackupError('usage: npm run restore -- <backup.tar.gz>  (DATA_DIR names the empty directory to restore into)');
  const config = readConfig();
  if (config.databaseUrl) throw new BackupError('restore is for the embedded mode: unset DATABASE_URL (for an external PostgreSQL, load the backup with its own tools)');
  const t0 = Date.now();
  await restoreBackup({ archive, dataDir: config.dataDir, log: (m) => console.log(m) });
  console.log(`restored ${archive} into ${config.dataDir} in ${Date.now() - t0} ms; start the server with DATA_DIR=${config.dataDir}`);
} catch (err) {
  if (!(err instanceof BackupError || err instanceof ConfigError)) console.error(err);
  console.error(`jishi restore failed: ${(err as Error).message}`);
  process.exit(1);
}
