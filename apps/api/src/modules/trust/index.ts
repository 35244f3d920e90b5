// What other modules may use of trust: a member's credit (read, and refreshed after what moves it).
export { getCredit, refreshCredit } from './credit-repo.ts';
