// Starts one Jishi process: database (embedded unless DATABASE_URL), migrations, demo data on
// a fresh embedded database, HTTP. stop() tears down in the order that avoids dangling
// connections: HTTP server, pool, then PostgreSQL.
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { buildApp, sandboxDelivery } from './app.ts';
import type { Config } from './config.ts';
import { type EmbeddedDb, startEmbeddedPostgres } from './db/embedded.ts';
import { openDatabase } from './db/index.ts';
import { migrate } from './db/migrate.ts';
import { type Clock, systemClock } from './lib/clock.ts';
import type { Deps } from './lib/http.ts';
import { loadSecrets } from './lib/secrets.ts';
import { checkMediaStore, openMediaStore } from './lib/storage.ts';
import { backfillIdNumberHashes } from './modules/accounts/id-number-hashes.ts';
import { isEmpty, seedDemo } from './demo/seed.ts';
import { indexSearchBacklog } from './modules/search/indexer.ts';
import { sandboxPayouts } from './modules/ledger/payouts.ts';
import { sandboxGateway } from './modules/orders/gateway.ts';
import { moneySweeps } from './modules/orders/sweeps.ts';
import { startJobs } from './lib/jobs.ts';
import { creditSweeps } from './modules/trust/credit-repo.ts';
import { retrainScamShield, scamShieldSweeps } from './modules/trust/scam-labels.ts';
import { afterSaleSweeps } from './modules/aftersale/sweeps.ts';
import { createHub } from './lib/realtime.ts';
import { liveConfig } from './modules/admin/settings.ts';
import { startOrderCardDispatcher } from './modules/chat/order-cards.ts';
import { assistSweeps } from './modules/assist/category-model.ts';
import { engagementSweeps } from './modules/engagement/service.ts';
import { savedSearchSweeps } from './modules/discovery/saved-alerts.ts';
import { startHostingDispatcher } from './modules/assist/hosting.ts';
import { assistProvider } from './modules/assist/provider.ts';

export type Running = { url: string; port: number; deps: Deps; stop(): Promise<void> };

export async function startServer(config: Config, { clock = systemClock }: { clock?: Clock } = {}): Promise<Running> {
  const log = pino({ level: config.logLevel, base: { pid: process.pid } });
  const t0 = Date.now();
  // How long each start-up step took, in the 'listening' line (bench/startup.ts reads it).
  const steps: Record<string, number> = {};
  let lap = t0;
  const step = (name: string) => {
    const now = Date.now();
    steps[name] = now - lap;
    lap = now;
  };
  await checkMediaStore(config, (f, m) => log.warn(f, m)); // S3: a missing bucket stops start-up here
  let embedded: EmbeddedDb | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(join(config.dataDir), (m) => log.debug({ pg: m }));
    url = embedded.url;
    log.info({ ms: Date.now() - t0, initialised: embedded.initialised }, 'embedded PostgreSQL ready');
  }
  step('database');
  const database = openDatabase(url, { onError: (e) => log.warn({ err: e }, 'idle database connection lost') });
  try {
    const applied = await migrate(database.pool);
    if (applied.length) log.info({ applied }, 'migrations applied');
    step('migrate');
  } catch (err) {
    await database.close();
    await embedded?.stop();
    throw err;
  }
  const secrets = loadSecrets(config.dataDir, config.idEncryptionKey);
  // Before serving: every verified ID number must be under the one-number-one-account index.
  await backfillIdNumberHashes({ db: database.db, secrets }).then(
    (r) => (r.filled || r.withdrawn || r.unreadable) && log.warn(r, 'ID number hashes filled at start-up'),
    (err) => log.error({ err }, 'could not fill missing ID number hashes; those numbers are not yet protected from reuse'),
  );
  step('idHashes');
  const gateway = sandboxGateway({ signingKey: secrets.signingKey });
  const hub = createHub(url, log);
  await hub.start();
  step('hub');
  const deps: Deps = {
    db: database.db,
    config: liveConfig(config, database.db), // operator settings override the environment, live
    clock,
    log,
    secrets,
    media: openMediaStore(config, (f, m) => log.warn(f, m)),
    providers: { payouts: sandboxPayouts(), payments: gateway },
    hub,
  };
  assistProvider(deps); // an unknown ASSIST_PROVIDER stops start-up here, naming the known ones
  const shouldSeed = config.seedDemo ?? (embedded !== undefined && (await isEmpty(deps.db)));
  if (shouldSeed) {
    const s = await seedDemo(deps);
    log.info(s, 'demo community seeded');
  }
  step('seed');
  // Search vectors for rows written without them (demo seed, rows from before search).
  await indexSearchBacklog(deps.db, log);
  step('searchBacklog');
  await retrainScamShield(deps); // the scam shield's learned layer, with moderators' labels
  step('scamShield');
  const jobs = await startJobs(url, deps, [...moneySweeps, ...creditSweeps, ...afterSaleSweeps, ...scamShieldSweeps, ...assistSweeps, ...savedSearchSweeps, ...engagementSweeps]);
  step('jobs');
  const app = buildApp(deps, { pool: database.pool });
  gateway.connect(sandboxDelivery(app));
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  app.injectWebSocket(server);
  const stopCards = startOrderCardDispatcher(deps);
  const stopHosting = startHostingDispatcher(deps);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  step('listen');
  const cpu = process.cpuUsage(); // since the process began: module loading included; what the load of the machine does not inflate
  const sinceBoot = Math.round(performance.now()); // ms since the process began
  log.info({ port, host: config.host, ms: Date.now() - t0, sinceBoot, cpuMs: Math.round((cpu.user + cpu.system) / 1000), steps }, 'Jishi is listening');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      stopCards();
      stopHosting();
      await jobs.stop().catch((err) => log.warn({ err }, 'job queue did not stop cleanly'));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await hub.stop();
      await database.close();
      await embedded?.stop();
    })();
    return stopping;
  };
  return { url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`, port, deps, stop };
}
