// The live-session lookup, cached per process for SESSION_CACHE_MS by the token's hash: a
// member's requests in a burst share one read of sessions + users.
//
// What keeps an entry honest:
// - Forgets. The code that ends sessions or changes what one carries (sign-out: one session; a
//   ban, a deletion, a role change: all the member's) calls forgetSessions after its commit. It
//   forgets in this process at once and sends a signal through the realtime hub (NOTIFY, never
//   delivered to a socket), on which every other process forgets too — whether or not it holds a
//   socket of that member. An entry remembers when its read began, and an entry read before a
//   forget is never used (a read that began before the commit may have seen the session live).
// - The hub's connection. A process uses and fills its cache only while its hub listens; when the
//   listening connection is lost, forgets sent meanwhile are missed, so the cache is dropped
//   whole when listening starts again (and, again, a read begun before that is not kept).
// - The session's own end: an entry keeps expires_at and is not used past it.
// - The TTL, the backstop for what no signal covers: a row changed by hand in the database, or a
//   listening connection that died without the client noticing yet.
//
// An entry in use is read again before its TTL runs out, behind the request, in batches (see
// `lookup`), so a busy member's requests do not wait for the read once every few seconds.
import type { Logger } from 'pino';
import type { Db } from '../../db/index.ts';
import type { Deps } from '../../lib/http.ts';
import { type Envelope, type Hub, sendSignal } from '../../lib/realtime.ts';
import { findLiveSession, findLiveSessions } from './repo.ts';

type Live = NonNullable<Awaited<ReturnType<typeof findLiveSession>>>;

/** The hub signal that forgets: all of a member's sessions, or the one whose `sessionTag` is `session`. */
const FORGET = 'sessions.forget';
type Forget = { type: typeof FORGET; user: string; session?: string };

const CACHE_MAX = 50_000;
/** An entry in use is read again, behind the request, from a share of its TTL drawn in this range. */
const REFRESH_FROM = 0.5;
const REFRESH_TO = 0.85;
/** Reads again gathered this long go to the database as one statement. */
const REFRESH_BATCH_MS = 10;

/** 16 hex characters of the token's hash: how a push or a signal names a session, never the token. */
export const sessionTag = (tokenHash: string) => tokenHash.slice(0, 16);

type Entry = { s: Live; at: number; expires: number; refreshAt: number; refreshing: boolean };

function newCache(hub: Hub) {
  const entries = new Map<string, Entry>();
  const forgotten = new Map<string, number>(); // `t:<sessionTag>` or `u:<userId>` → when forgotten
  let clearedAt = -1;
  const valid = (at: number, tokenHash: string, userId: string, ttl: number, now: number) =>
    now - at < ttl &&
    at > clearedAt &&
    (forgotten.size === 0 || (at > (forgotten.get(`t:${sessionTag(tokenHash)}`) ?? -1) && at > (forgotten.get(`u:${userId}`) ?? -1)));

  function forget(f: Forget) {
    const now = performance.now();
    forgotten.set(f.session ? `t:${f.session}` : `u:${f.user}`, now);
    for (const [k, e] of entries) if (e.s.id === f.user && (!f.session || k.startsWith(f.session))) entries.delete(k);
  }

  function clear() {
    clearedAt = performance.now();
    entries.clear();
    forgotten.clear(); // clearedAt says more than any older mark
  }

  /** Keeps what a read begun at `at` found, if nothing was forgotten (nor the listener lost) since. */
  function keep(tokenHash: string, s: Live | undefined, at: number, listening: boolean, ttl: number) {
    if (s?.status === 'active' && listening && hub.listening() && valid(at, tokenHash, s.id, ttl, performance.now())) {
      if (entries.size >= CACHE_MAX) entries.clear();
      const refreshAt = at + ttl * (REFRESH_FROM + Math.random() * (REFRESH_TO - REFRESH_FROM));
      entries.set(tokenHash, { s, at, expires: s.expiresAt.getTime(), refreshAt, refreshing: false });
      // Forget marks older than any entry could be are of no use.
      for (const [k, t] of forgotten) if (at - t > ttl) forgotten.delete(k);
    } else entries.delete(tokenHash);
  }

  async function lookup(deps: Deps, tokenHash: string, ttl: number): Promise<Live | undefined> {
    const now = performance.now();
    const listening = hub.listening();
    const hit = listening ? entries.get(tokenHash) : undefined;
    if (hit && valid(hit.at, tokenHash, hit.s.id, ttl, now) && hit.expires > deps.clock.now().getTime()) {
      // Past its refresh point (drawn between half and 85% of the TTL) an entry is read again
      // behind the request that uses it, with the others due in the same 10 ms, in one
      // statement: a member who keeps sending never waits for the read, and entries made in one
      // burst (a restart) drift apart instead of expiring, and making their requests wait, in the
      // same second. No entry is used past its TTL either way; a failed read leaves it to expire.
      if (!hit.refreshing && now > hit.refreshAt) {
        hit.refreshing = true;
        refreshLater(deps, tokenHash, ttl);
      }
      return hit.s;
    }
    const s = await findLiveSession(deps.db, tokenHash, deps.clock.now());
    keep(tokenHash, s, now, listening, ttl);
    return s;
  }

  let due: string[] = [];
  function refreshLater(deps: Deps, tokenHash: string, ttl: number) {
    due.push(tokenHash);
    if (due.length === 1) setTimeout(() => void refresh(deps, ttl), REFRESH_BATCH_MS).unref();
  }

  async function refresh(deps: Deps, ttl: number) {
    const batch = due;
    due = [];
    const at = performance.now();
    const listening = hub.listening();
    try {
      const found = await findLiveSessions(deps.db, batch, deps.clock.now());
      for (const tokenHash of batch) keep(tokenHash, found.get(tokenHash), at, listening, ttl);
    } catch (err) {
      deps.log.warn({ err }, 'session cache: reading sessions again failed');
      for (const tokenHash of batch) {
        const e = entries.get(tokenHash);
        if (e) e.refreshing = false;
      }
    }
  }

  hub.onSignal((sig: Envelope) => {
    if (sig.type === FORGET && typeof sig.user === 'string') forget(sig as Forget);
  });
  hub.onListen(clear);
  return { lookup, forget };
}

// One cache per hub, that is per process (tests build several apps in one process, each with its
// own hub, and each must behave as a process of its own).
const caches = new WeakMap<Hub, ReturnType<typeof newCache>>();
function cacheOf(hub: Hub) {
  let c = caches.get(hub);
  if (!c) {
    c = newCache(hub);
    caches.set(hub, c);
  }
  return c;
}

/** The member behind a token's hash, from this process's cache when SESSION_CACHE_MS allows. */
export function liveSession(deps: Deps, tokenHash: string): Promise<Live | undefined> {
  const ttl = deps.config.sessionCacheMs;
  if (!ttl) return findLiveSession(deps.db, tokenHash, deps.clock.now());
  return cacheOf(deps.hub).lookup(deps, tokenHash, ttl);
}

/**
 * After a commit that ends a member's sessions or changes what they carry: every process's
 * session cache drops them — one session when `tokenHash` is given (a sign-out), else all the
 * member's (a ban, a deletion, a role change). Without a hub (a command-line tool) the signal is
 * sent alone. A signal that cannot be sent is logged: other processes then hold the entry for
 * up to SESSION_CACHE_MS.
 */
export async function forgetSessions(deps: { db: Db; hub?: Hub; log?: Logger }, userId: string, tokenHash?: string): Promise<void> {
  const f: Forget = { type: FORGET, user: userId, ...(tokenHash ? { session: sessionTag(tokenHash) } : {}) };
  try {
    if (deps.hub) {
      cacheOf(deps.hub).forget(f);
      await deps.hub.signal(deps.db, f);
    } else await sendSignal(deps.db, f);
  } catch (err) {
    if (!deps.log) throw err;
    deps.log.warn({ err }, 'session forget signal not sent');
  }
}
