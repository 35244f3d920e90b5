// Opens the database the server would use (embedded in DATA_DIR, or DATABASE_URL), runs fn,
// and shuts everything down. For operator commands: migrate, seed, ledger checks.
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { runningEmbeddedUrl } from '../db/embedded-attach.ts';
import { type Database, openDatabase } from '../db/index.ts';
import { ConfigError, type Config, readConfig } from '../config.ts';

export async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  let config: Config;
  try {
    config = readConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`jishi: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  // A server running on this DATA_DIR already has the cluster up: use it, leave it running.
  const running = config.databaseUrl ? null : runningEmbeddedUrl(config.dataDir);
  const embedded = config.databaseUrl || running ? undefined : await startEmbeddedPostgres(config.dataDir);
  const database = openDatabase(config.databaseUrl ?? running ?? (embedded?.url as string));
  try {
    return await fn(database, config);
  } finally {
    await database.close();
    await embedded?.stop();
  }
}
