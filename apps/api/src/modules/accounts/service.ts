import { isUniqueViolation } from '../../db/index.ts';
import { conflict, forbidden, notFound, tooManyRequests, unauthorized, unprocessable } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { clearKey, countHit, lockKey, lockedUntil, secondsUntil } from '../../lib/rate-limit.ts';
import { maskIdNumber, validateIdNumber } from './id-number.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { findUserById, findUserByUsername, insertUser, mediaOwnedBy, updateUser } from './repo.ts';
import { createSession } from './sessions.ts';

const RESERVED = new Set(['admin', 'administrator', 'jishi', 'system', 'root', 'support', 'operator', 'official']);

export async function register(
  deps: Deps,
  input: { username: string; password: string; displayName?: string },
  meta: { ip: string; userAgent: string },
) {
  const now = deps.clock.now();
  // A campus behind one NAT registers hundreds an hour; a script registering thousands does not.
  const hit = await countHit(deps.db, `register:${meta.ip}`, 3600, now);
  if (hit.count > deps.config.registerPerIpPerHour) {
    const retry = secondsUntil(new Date(hit.windowStart.getTime() + 3600_000), now);
    throw tooManyRequests('rate_limited', retry, 'Too many registrations from this address. Try again later.');
  }
  if (RESERVED.has(input.username.toLowerCase())) throw conflict('username_taken', 'This username is taken.');
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await insertUser(deps.db, {
      username: input.username,
      passwordHash,
      displayName: input.displayName ?? input.username,
    });
    const session = await createSession(deps, user.id, meta.userAgent);
    return { user, ...session };
  } catch (err) {
    if (isUniqueViolation(err, 'users_username_lower')) throw conflict('username_taken', 'This username is taken.');
    throw err;
  }
}

export async function login(
  deps: Deps,
  input: { username: string; password: string },
  meta: { ip: string; userAgent: string },
) {
  const { db, config } = deps;
  const now = deps.clock.now();
  const lockMs = config.loginLockMinutes * 60_000;
  const userKey = `login:${input.username.toLowerCase()}`;
  const ipKey = `login-ip:${meta.ip}`;
  // Locks are keyed by the name typed, member or not, so a lockout reveals nothing either.
  for (const key of [userKey, ipKey]) {
    const until = await lockedUntil(db, key, now);
    if (until) throw tooManyRequests('too_many_attempts', secondsUntil(until, now), 'Too many failed sign-ins. Try again later.');
  }
  const user = await findUserByUsername(db, input.username);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!ok || !user) {
    for (const [key, max] of [
      [userKey, config.loginMaxFailures],
      [ipKey, config.loginMaxFailures * 20],
    ] as const) {
      const hit = await countHit(db, key, lockMs / 1000, now);
      if (hit.count >= max) await lockKey(db, key, new Date(now.getTime() + lockMs));
    }
    throw unauthorized('invalid_credentials', 'Wrong username or password.');
  }
  // Told only to someone who knows the password: a ban is no secret from its member.
  if (user.status === 'banned') throw forbidden('account_banned', 'This account has been banned by the community’s moderators and cannot sign in.');
  await clearKey(db, userKey);
  const session = await createSession(deps, user.id, meta.userAgent);
  return { user, ...session };
}

export async function verifyIdentity(deps: Deps, userId: string, input: { realName: string; idNumber: string }) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw notFound('user');
  if (user.verifiedAt) throw conflict('already_verified', 'This account is already verified.');
  const check = validateIdNumber(input.idNumber, deps.clock.now());
  if (!check.ok) {
    const detail = {
      format: 'An ID number is 17 digits and a final digit or X.',
      region: 'The region code of this ID number does not exist.',
      birth_date: 'The birth date in this ID number is not a real date.',
      checksum: 'The check digit does not match: please check the number.',
      under_18: 'Selling needs an adult: the holder of this ID is under 18.',
    }[check.reason];
    throw unprocessable('invalid_id_number', detail, { reason: check.reason, errors: [{ path: 'idNumber', message: detail }] });
  }
  // One ID number, one account: the unique index on the keyed hash decides, so two accounts
  // verifying the same number at the same moment cannot both succeed. Never the plaintext.
  try {
    return await updateUser(deps.db, userId, {
      verifiedAt: deps.clock.now(),
      realNameEnc: deps.secrets.encrypt(input.realName),
      idNumberEnc: deps.secrets.encrypt(check.normalized),
      idNumberHash: deps.secrets.hash(check.normalized),
      idNumberMasked: maskIdNumber(check.normalized),
    });
  } catch (err) {
    if (isUniqueViolation(err, ID_NUMBER_UNIQUE)) throw idNumberInUse();
    throw err;
  }
}

export const ID_NUMBER_UNIQUE = 'users_id_number_hash_unique';

const idNumberInUse = () =>
  conflict('id_number_in_use', 'This ID number already verifies another account: one person, one account.', {
    errors: [{ path: 'idNumber', message: 'already verifies another account' }],
  });

export async function updateProfile(
  deps: Deps,
  userId: string,
  patch: { displayName?: string; bio?: string; city?: string; interestTags?: string[]; avatarId?: string | null },
) {
  if (patch.avatarId && !(await mediaOwnedBy(deps.db, patch.avatarId, userId))) {
    throw unprocessable('invalid_media', 'That photo is not one you uploaded.', {
      errors: [{ path: 'avatarId', message: 'unknown media' }],
    });
  }
  const tags = patch.interestTags ? [...new Set(patch.interestTags.map((t) => t.replace(/^#/, '')))] : undefined;
  const set = Object.fromEntries(Object.entries({ ...patch, ...(tags ? { interestTags: tags } : {}) }).filter(([, v]) => v !== undefined));
  // An empty patch changes nothing (and an UPDATE with nothing to SET is not SQL).
  if (Object.keys(set).length === 0) {
    const me = await findUserById(deps.db, userId);
    if (!me) throw notFound('user');
    return me;
  }
  return updateUser(deps.db, userId, set);
}
