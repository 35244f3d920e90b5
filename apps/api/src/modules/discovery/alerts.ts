// After an item's commit: wanted matches, saved-search hits (told by the alert job, one
// notification per saved search an hour at most) and price-drop alerts. Called by the items
// routes once the write has committed; each step writes its notifications in its own
// transaction and pushes them after it.
import { haversineKm } from '../../lib/geo.ts';
import type { Deps } from '../../lib/http.ts';
import { withNotifications } from '../notifications/service.ts';
import { addHits, collectorsOfItem, type ItemForAlert, savedMatchingItem, type SavedRow } from './saved-repo.ts';
import { requestsMatchingItem } from './wanted-repo.ts';
import { matchNewItem } from './wanted-service.ts';

type AlertDeps = Pick<Deps, 'db' | 'clock'> & Partial<Pick<Deps, 'hub' | 'log'>>;

/** The /search filters SQL does not check: delivery, condition, free, radius. */
function meetsRest(item: ItemForAlert, p: Record<string, string>): boolean {
  if (p.delivery && !p.delivery.split(',').some((d) => item.delivery.includes(d))) return false;
  if (p.condition && !p.condition.split(',').includes(item.condition)) return false;
  if ((p.free === 'true' || p.free === '1') && item.price !== 0) return false;
  if (p.radiusKm && p.lat && p.lng) {
    if (item.lat === null || item.lng === null) return false;
    if (haversineKm({ lat: Number(p.lat), lng: Number(p.lng) }, { lat: item.lat, lng: item.lng }) > Number(p.radiusKm)) return false;
  }
  return true;
}

/**
 * Remembers a new item for every saved search it meets; the alert job (saved-alerts.ts) tells
 * the members, at most once an hour per saved search.
 */
export async function recordSavedHits(deps: AlertDeps, itemId: string): Promise<number> {
  const { item, saved } = await savedMatchingItem(deps.db, itemId);
  if (!item) return 0;
  const hits = saved.filter((s: SavedRow) => meetsRest(item, s.params as Record<string, string>)).map((s) => s.id);
  await addHits(deps.db, hits, itemId, deps.clock.now());
  return hits.length;
}

/** A new listing: wanted requests it meets, then saved searches. Errors are logged, never thrown. */
export async function onItemCreated(deps: AlertDeps, itemId: string) {
  try {
    await matchNewItem(deps, itemId);
    await recordSavedHits(deps, itemId);
  } catch (err) {
    deps.log?.warn({ err, itemId }, 'discovery alerts for a new item failed');
  }
}

/**
 * A price went down: members who collected a note carrying the item, and authors of open
 * wanted requests the item now meets, hear it (price_drop {price, oldPrice}); never the seller.
 */
export async function onPriceChange(deps: AlertDeps, itemId: string, oldPrice: number, newPrice: number) {
  if (!(newPrice < oldPrice)) return 0;
  try {
    return await withNotifications(deps, async (tx, notify) => {
      const item = await tx.selectFrom('items').select(['sellerId', 'status', 'hiddenAt']).where('id', '=', itemId).executeTakeFirst();
      if (item?.status !== 'on_sale' || item.hiddenAt) return 0;
      const [collectors, requests] = await Promise.all([collectorsOfItem(tx, itemId), requestsMatchingItem(tx, itemId, deps.clock.now())]);
      const recipients = new Map<string, { noteId?: string; commentId?: string | null }>();
      for (const u of collectors) recipients.set(u, {});
      for (const r of requests) if (!recipients.has(r.authorId)) recipients.set(r.authorId, { noteId: r.noteId, commentId: r.commentId });
      recipients.delete(item.sellerId);
      let told = 0;
      for (const [recipientId, about] of recipients) {
        const id = await notify({
          recipientId,
          type: 'price_drop',
          actorId: item.sellerId,
          itemId,
          noteId: about.noteId ?? null,
          commentId: about.commentId ?? null,
          data: { price: newPrice, oldPrice },
        });
        if (id) told += 1;
      }
      return told;
    });
  } catch (err) {
    deps.log?.warn({ err, itemId }, 'price-drop alerts failed');
    return 0;
  }
}
