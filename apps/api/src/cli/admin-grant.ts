// `npm run admin:grant -- <username> [moderator|admin|member]`: gives a member a role on the
// configured database (DATABASE_URL, or the embedded one in DATA_DIR — also while the server
// runs). How a community gets its first admin; written to the audit log like any role change.
import { systemClock } from '../lib/clock.ts';
import type { Role } from '../lib/http.ts';
import { setRole } from '../modules/admin/operations.ts';
import { withDatabase } from './with-database.ts';

const ROLES: Role[] = ['member', 'moderator', 'admin'];
const [username, role = 'admin'] = process.argv.slice(2);

if (!username || !ROLES.includes(role as Role)) {
  console.error('usage: npm run admin:grant -- <username> [moderator|admin|member]   (default: admin)');
  process.exit(2);
}

try {
  const r = await withDatabase((database) =>
    setRole({ db: database.db, clock: systemClock }, { id: null, username: 'cli', role: 'system' }, { username }, role as Role, `npm run admin:grant by ${process.env.USER ?? 'the operator'}`),
  );
  console.log(r.changed ? `${r.username} is now ${r.role}` : `${r.username} was already ${r.role}`);
} catch (err) {
  const e = err as { code?: string; status?: number; message?: string };
  if (e.status === 404) {
    console.error(`no member named ${username}`);
    process.exit(1);
  }
  throw err;
}
