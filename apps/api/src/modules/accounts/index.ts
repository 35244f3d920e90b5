// What other modules may use of accounts (import this file, not accounts' internals): the one
// "users by ids" lookup for lists, the member card they present, a member by id, and the live
// session behind a token (the socket server signs members in with it).
export { type UserSummary, findLiveSession, findUserById, usersByIds } from './repo.ts';
export { presentUserCard } from './presenter.ts';
