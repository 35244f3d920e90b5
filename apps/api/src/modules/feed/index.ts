// What other modules may use of feed: the note card's columns and row (tag pages list the same cards).
export { CARD_COLUMNS, type CardRow } from './repo.ts';
