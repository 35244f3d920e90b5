// Entry point: read config, start, stop cleanly on a signal. No logic here.
import { type Config, ConfigError, readConfig } from './config.ts';
import { startServer } from './server.ts';

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

const running = await startServer(config).catch((err) => {
  console.error(`jishi: failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

let signalled = false;
const stop = (sig: string) => {
  if (signalled) return;
  signalled = true;
  running.deps.log.info({ sig }, 'stopping');
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  running.stop().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
};
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => stop(sig));

// `npm start` runs us under npm and a shell; a supervisor that stops npm does not reach us.
// When our parent goes away, stop cleanly rather than live on as an orphan holding the port.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop('parent-exit');
}, 1000).unref();
