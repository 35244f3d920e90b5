// Settings changes: validated by the schema, written with their audit entry in one
// transaction, then this process reloads at once (others within settings.TTL_MS).
import { sql } from 'kysely';
import { withTx } from '../../db/index.ts';
import { unprocessable } from '../../lib/errors.ts';
import type { AuthUser, Deps } from '../../lib/http.ts';
import { writeAudit } from './audit.ts';
import { listSettings, reloadSettings, SETTING_KEYS, SETTING_RULES, type SettingKey, writeSettings } from './settings.ts';

/** 422 `invalid_setting` naming every value that is not a whole number within its bounds; nothing is written. */
function checkBounds(body: Partial<Record<SettingKey, number | null>>) {
  const errors = SETTING_KEYS.flatMap((k) => {
    const v = body[k];
    const r = SETTING_RULES[k];
    if (v === undefined || v === null || (Number.isInteger(v) && v >= r.min && v <= r.max)) return [];
    return [{ path: k, message: `a whole number from ${r.min} to ${r.max} (${r.unit})` }];
  });
  if (errors.length) {
    throw unprocessable('invalid_setting', `Out of bounds: ${errors.map((e) => `${e.path} must be ${e.message}`).join('; ')}.`, { errors });
  }
}

export async function updateSettings(deps: Deps, actor: AuthUser, body: Partial<Record<SettingKey, number | null>> & { reason: string }) {
  checkBounds(body);
  const now = deps.clock.now();
  await withTx(deps.db, async (tx) => {
    // Serialises concurrent edits, so each audit entry's "before" is what that edit replaced.
    await sql`SELECT pg_advisory_xact_lock(hashtext('jishi.settings'))`.execute(tx);
    const current = new Map((await listSettings(tx, deps.config)).map((s) => [s.key, s.value]));
    const changes = Object.fromEntries(SETTING_KEYS.filter((k) => body[k] !== undefined).map((k) => [k, body[k] as number | null])) as Record<SettingKey, number | null>;
    await writeSettings(tx, changes, actor.id, now);
    const after = new Map((await listSettings(tx, deps.config)).map((s) => [s.key, s.value]));
    const keys = Object.keys(changes) as SettingKey[];
    await writeAudit(tx, {
      actor, action: 'settings.update', targetType: 'settings', targetId: 'rules', reason: body.reason,
      before: Object.fromEntries(keys.map((k) => [k, current.get(k)])),
      after: Object.fromEntries(keys.map((k) => [k, after.get(k)])),
    }, now);
  });
  await reloadSettings(deps.config);
  return { items: await listSettings(deps.db, deps.config) };
}
