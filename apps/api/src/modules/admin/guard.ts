// Who may use the console. Checked on the server for every /admin/* operation: visitors get
// 401, members 403 `forbidden`, moderators 403 on what only an admin may do (settings, roles).
import { forbidden } from '../../lib/errors.ts';
import { createMiddleware } from 'hono/factory';
import { type AppEnv, type AuthUser, type Ctx, type Role, requireUser } from '../../lib/http.ts';

export const ROLES = ['member', 'moderator', 'admin'] as const satisfies readonly Role[];
export const STAFF_ROLES = ['moderator', 'admin'] as const;

export const isStaff = (role: string): boolean => role === 'moderator' || role === 'admin';

/** A moderator or an admin. */
export function requireOperator(c: Ctx): AuthUser {
  const u = requireUser(c);
  if (!isStaff(u.role)) throw forbidden('forbidden', 'This is for the community’s moderators and admins.');
  return u;
}

/** An admin only: settings, roles. */
export function requireAdmin(c: Ctx): AuthUser {
  const u = requireOperator(c);
  if (u.role !== 'admin') throw forbidden('forbidden', 'Only an admin may do this.');
  return u;
}

/** Route middleware: the role is checked before the request is validated or anything is read. */
export const operatorOnly = createMiddleware<AppEnv>(async (c, next) => {
  requireOperator(c);
  await next();
});

export const adminOnly = createMiddleware<AppEnv>(async (c, next) => {
  requireAdmin(c);
  await next();
});
