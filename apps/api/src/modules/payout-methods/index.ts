// What other modules may use of payout methods: the method a withdrawal pays to.
export { findMethod, methodForWithdrawal } from './repo.ts';
