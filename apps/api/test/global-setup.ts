// One PostgreSQL for the whole API test run: the embedded cluster in a temp dir, or the server
// named by TEST_DATABASE_URL (CI runs the suite once against Debian's PostgreSQL 15 that way).
// A migrated template database is made once; each test file clones it (CREATE DATABASE …
// TEMPLATE), which takes milliseconds and keeps files isolated.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export const TEMPLATE_DB = 'jishi_test_template';

export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stop = async () => {};
  let dir: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    dir = mkdtempSync(join(tmpdir(), 'jishi-test-pg-'));
    chmodSync(dir, 0o755);
    const embedded = await startEmbeddedPostgres(dir);
    adminUrl = embedded.adminUrl('postgres');
    stop = embedded.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  const url = new URL(adminUrl);
  url.pathname = `/${TEMPLATE_DB}`;
  const pool = new pg.Pool({ connectionString: url.toString() });
  await migrate(pool);
  await pool.end();
  await admin.end();
  project.provide('pgAdminUrl', adminUrl);
  return async () => {
    await stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
