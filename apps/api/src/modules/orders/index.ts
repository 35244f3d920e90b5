// What other modules may use of orders (after-sale, tracking, privacy): reading and locking an
// order, its event log, and giving stock back.
export { type OrderRow, addEvent, findEvents, findOrder, lockOrder, releaseStock } from './repo.ts';
