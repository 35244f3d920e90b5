// `npm run seed`: add the demo community to the configured database (skips what exists).
import pino from 'pino';
import { migrate } from '../db/migrate.ts';
import { systemClock } from '../lib/clock.ts';
import { loadSecrets } from '../lib/secrets.ts';
import { openMediaStore } from '../lib/storage.ts';
import { seedDemo } from '../demo/seed.ts';
import { sandboxPayouts } from '../modules/ledger/payouts.ts';
import { sandboxGateway } from '../modules/orders/gateway.ts';
import { withDatabase } from './with-database.ts';

const result = await withDatabase(async (database, config) => {
  await migrate(database.pool);
  const secrets = loadSecrets(config.dataDir, config.idEncryptionKey);
  return seedDemo({
    db: database.db,
    config,
    clock: systemClock,
    log: pino({ level: 'warn' }),
    secrets,
    media: openMediaStore(config),
    providers: { payouts: sandboxPayouts(), payments: sandboxGateway({ signingKey: secrets.signingKey }) },
    // Seeding pushes to nobody: no sockets are open.
    hub: { publish: async () => {}, publishMany: async () => {}, signal: async () => {}, onSignal: () => () => {}, listening: () => false, onListen: () => () => {}, attach: () => () => {}, connectedUsers: () => 0, connectedSockets: () => 0, start: async () => {}, stop: async () => {} },
  });
});
console.log(`demo community: ${JSON.stringify(result)}`);
