// What other modules may use of items: an item and its seller by id, and the item row type.
export { type ItemRow, ITEM_COLUMNS, findItem, findSeller } from './repo.ts';
