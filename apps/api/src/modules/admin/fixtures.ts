// Test factories for the console: members with a role, reports, audit counts.
import type { createTestApp } from '../../../test/helpers.ts';

type T = Awaited<ReturnType<typeof createTestApp>>;

/** A member given a role the way `npm run admin:grant` does (directly in the database). */
export async function staff(t: T, role: 'moderator' | 'admin') {
  const u = await t.user({ prefix: role.slice(0, 3) });
  await t.db.updateTable('users').set({ role }).where('id', '=', u.id).execute();
  return u;
}

export async function report(t: T, token: string, targetType: string, targetId: string, reason = 'spam', detail?: string) {
  const r = await t.req('POST', '/reports', { token, body: { targetType, targetId, reason, ...(detail ? { detail } : {}) } });
  if (r.status !== 201) throw new Error(`report: ${r.status} ${r.text}`);
  return r.json as { id: string; status: string };
}

export async function auditCount(t: T) {
  const r = await t.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function resolve(t: T, token: string, reportId: string, body: Record<string, unknown>) {
  return t.req('POST', `/admin/reports/${reportId}/resolve`, { token, body });
}

/**
 * PATCH /admin/settings as `admin` with a reason: expects 200, exactly one new audit entry
 * `settings.update` whose after holds the new values, and the new values in the answer.
 */
export async function changeSettings(t: T, admin: { token: string; id: string }, values: Record<string, number | null>, why = '调整规则') {
  const n = await auditCount(t);
  const reason = `${why} #${n + 1}`;
  const r = await t.req('PATCH', '/admin/settings', { token: admin.token, body: { reason, ...values } });
  if (r.status !== 200) throw new Error(`settings: ${r.status} ${r.text}`);
  if ((await auditCount(t)) !== n + 1) throw new Error('settings: not exactly one audit entry');
  const entry = await t.db.selectFrom('auditLog').selectAll().where('reason', '=', reason).executeTakeFirstOrThrow();
  if (entry.action !== 'settings.update' || entry.actorId !== admin.id || entry.reason !== reason) throw new Error(`settings: audit entry ${JSON.stringify(entry)}`);
  const items = r.json.items as { key: string; value: number; defaultValue: number }[];
  for (const [k, v] of Object.entries(values)) {
    const s = items.find((i) => i.key === k);
    if (!s || s.value !== (v ?? s.defaultValue)) throw new Error(`settings: ${k} is ${s?.value}, not ${v}`);
    if ((entry.after as Record<string, number>)[k] !== s.value) throw new Error(`settings: audit after.${k} is not ${s.value}`);
  }
  return items;
}
