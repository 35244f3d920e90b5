// What other modules may use of accounts (import this file, not accounts' internals): the one
// "users by ids" lookup for lists, the member card they present, and a member by id.
export { type UserSummary, findUserById, usersByIds } from './repo.ts';
export { presentUserCard } from './presenter.ts';
