// What other modules may use of chat: the conversation of a pair, a message posted into it (offer
// and order cards, smart hosting's answers), and whether either member blocked the other.
export { blockState, findOrCreateConversation, insertMessage } from './repo.ts';
