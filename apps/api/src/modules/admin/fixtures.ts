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
