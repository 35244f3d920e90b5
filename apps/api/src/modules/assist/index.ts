// What other modules may use of assist: queueing a buyer's message for smart hosting (written in
// the sender's transaction, answered by the hosting job).
export { queueHosting } from './hosting-repo.ts';
