// What other modules may use of accounts (import this file, not accounts' internals): the one
// "users by ids" lookup for lists, and the member card they present.
export { type UserSummary, usersByIds } from './repo.ts';
export { presentUserCard } from './presenter.ts';
