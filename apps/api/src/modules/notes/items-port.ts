// Where notes meet items (quick sell). The items module is built in parallel; these two
// functions are the whole seam, so wiring it changes this file only:
//  - checkAttachableItems: called inside the note/comment transaction with the ids a member
//    wants to attach. Must throw 403 for items that are not the member's own (API.md) and may
//    lock them. Writes go to note_items (note_id, position, item_id) / comments.item_id.
//  - itemCardsByNote / itemCardsByComment: one batched query for a whole page (no N+1),
//    returning live cards (price, stock, state) keyed by note / comment id.
import type { Executor } from '../../db/index.ts';
import { unprocessable } from '../../lib/errors.ts';

export type ItemCardOut = { id: string; [k: string]: unknown };

export async function checkAttachableItems(_db: Executor, _userId: string, itemIds: readonly string[], path: string) {
  if (itemIds.length > 0) {
    throw unprocessable('items_unavailable', 'Item cards cannot be attached yet.', {
      errors: [{ path, message: 'item cards are not available yet' }],
    });
  }
}

export async function itemCardsByNote(
  _db: Executor,
  _noteIds: readonly string[],
  _viewerId: string | null,
): Promise<Map<string, ItemCardOut[]>> {
  return new Map();
}

export async function itemCardsById(
  _db: Executor,
  _itemIds: readonly string[],
  _viewerId: string | null,
): Promise<Map<string, ItemCardOut>> {
  return new Map();
}
