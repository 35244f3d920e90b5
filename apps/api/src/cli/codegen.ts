// Regenerates src/db/types.ts from the migrations: a throwaway embedded cluster, migrate, codegen.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { openDatabase } from '../db/index.ts';
import { migrate } from '../db/migrate.ts';

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jishi-codegen-'));
chmodSync(dir, 0o755);
const pg = await startEmbeddedPostgres(dir);
try {
  const database = openDatabase(pg.url);
  await migrate(database.pool);
  await database.close();
  execFileSync(
    'npx',
    [
      'kysely-codegen',
      '--dialect', 'postgres',
      '--url', pg.url,
      '--camel-case',
      '--exclude-pattern', 'schema_migrations',
      '--type-mapping', JSON.stringify({ int8: 'number', numeric: 'number' }),
      '--out-file', join(here, '../db/types.ts'),
    ],
    { stdio: 'inherit' },
  );
} finally {
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
