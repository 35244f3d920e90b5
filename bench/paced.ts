// An open-loop load generator for `npm run bench -- --paced F`: requests arrive at a fixed mean
// rate (Poisson arrivals, as from many independent members) over at most `connections`
// keep-alive connections, whether or not earlier answers came back. autocannon's `-R` cannot
// do this: each of its connections fires its share of a second's requests back to back and
// then waits for the next second, so "half load" is flat out for half of every second.
//
// Latency is counted from the moment a request was due, not from when a connection was free
// to send it: time spent waiting for a connection is the member's time too (no coordinated
// omission).
import { Agent, request } from 'node:http';

export type PacedResult = { rps: number; p50: number; p99: number; requests: number; errors: number };

/** The q-quantile (0..1) of sorted values, nearest rank. */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export async function paced(
  url: string,
  o: { rate: number; seconds: number; connections: number; headers?: Record<string, string> },
): Promise<PacedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections });
  const target = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  let inFlight = 0;
  const start = performance.now();
  const end = start + o.seconds * 1000;
  let due = start;
  let settle: () => void = () => {};
  const drained = new Promise<void>((r) => {
    settle = r;
  });
  let sending = true;

  const send = (dueAt: number) => {
    inFlight++;
    const done = (ok: boolean) => {
      if (ok) latencies.push(performance.now() - dueAt);
      else errors++;
      inFlight--;
      if (!sending && inFlight === 0) settle();
    };
    const req = request(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, agent, headers: o.headers, timeout: 10_000 },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => done((res.statusCode ?? 500) < 400));
        res.on('error', () => done(false));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => done(false));
    req.end();
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Every request due by now goes out (agent queues it when all connections are busy).
      while (due <= now && due < end) {
        send(due);
        due += -Math.log(1 - Math.random()) * (1000 / o.rate); // exponential gap: Poisson arrivals
      }
      if (due >= end) return resolve();
      setTimeout(tick, Math.max(0, Math.min(1, due - performance.now())));
    };
    tick();
  });
  sending = false;
  if (inFlight > 0) await drained;
  agent.destroy();
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(latencies.length / elapsed),
    p50: Math.round(quantile(latencies, 0.5)),
    p99: Math.round(quantile(latencies, 0.99)),
    requests: latencies.length,
    errors,
  };
}
