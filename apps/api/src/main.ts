// Entry point: read config, start, stop cleanly on a signal. No logic here.
import { type Config, ConfigError, readConfig } from './config.ts';

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

// The server (every module, jieba, sharp, the scam model) loads only once the configuration is
// known to be good: a bad setting is reported at once, not after seconds of loading.
const { startServer } = await import('./server.ts');
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

// `npm start` runs us under npm (its script execs node, so npm's child is this process and the
// SIGINT/SIGTERM npm receives is passed on to us). If the parent itself dies (kill -9 of npm),
// stop cleanly rather than live on as an orphan holding the port and DATA_DIR.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop('parent-exit');
}, 1000).unref();
