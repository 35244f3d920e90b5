// `npm run ledger:verify`: checks the ledger invariants on the configured (live) database.
// Exit 0 when they hold; 1 with one line per violation otherwise.
import { verifyLedger } from '../modules/ledger/verify.ts';
import { withDatabase } from './with-database.ts';

const { violations, stats } = await withDatabase((database) => verifyLedger(database.db));
if (violations.length) {
  for (const v of violations) console.error(`VIOLATION ${v.check}: ${v.detail}`);
  console.error(`ledger: ${violations.length} violation(s) in ${stats.transactions} transactions`);
  process.exit(1);
}
console.log(`ledger ok: ${stats.accounts} accounts, ${stats.transactions} transactions, ${stats.postings} postings; sum zero, balances match postings, no negative member balance, each order settled at most once`);
