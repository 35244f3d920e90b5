// `npm run db:migrate`: apply pending migrations to the configured database and exit.
import { migrate } from '../db/migrate.ts';
import { withDatabase } from './with-database.ts';

const applied = await withDatabase((database) => migrate(database.pool));
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
