// Data access for smart publish: comparable trades, the market's listings for training, and
// the stored category model. Plain functions taking the pool or a transaction first.
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { CategoryModel } from './classifier.ts';

/** How far back a completed trade still says something about today's price. */
export const COMPARABLE_DAYS = 365;
const COMPARABLE_LIMIT = 400;

/**
 * Completed trades of one category, newest first, from the order's snapshot of the item as it
 * was sold (title, condition, category) and the price actually paid per unit (an agreed offer
 * included). Giveaways say nothing about a price. Served by orders_completed_category.
 */
export function completedTrades(db: Executor, category: string, now: Date) {
  return db
    .selectFrom('orders')
    .select([
      'unitPrice as price',
      sql<string>`item_snapshot ->> 'title'`.as('title'),
      sql<string | null>`item_snapshot ->> 'condition'`.as('condition'),
    ])
    .where('status', '=', 'completed')
    .where(sql<string>`item_snapshot ->> 'category'`, '=', category)
    .where('completedAt', '>', new Date(now.getTime() - COMPARABLE_DAYS * 86_400_000))
    .where('unitPrice', '>', 0)
    .orderBy(sql`item_snapshot ->> 'category'`)
    .orderBy('completedAt', 'desc')
    .limit(COMPARABLE_LIMIT)
    .execute();
}

/** Listings the classifier learns from: the newest ones not hidden by moderators. */
/**
 * The newest listings, by id: ids are time-ordered (decision 0002), so the primary key walks
 * back from the newest and stops at `limit`. By created_at (no index, on purpose: migration 0018)
 * PostgreSQL sorted every item: 0.5–0.8 s at 1M items.
 */
export function trainingListings(db: Executor, limit: number) {
  return db
    .selectFrom('items')
    .select(['title', 'description', 'category'])
    .where('hiddenAt', 'is', null)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function latestModelId(db: Executor): Promise<string | null> {
  const r = await db.selectFrom('assistCategoryModels').select('id').orderBy('trainedAt', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r?.id ?? null;
}

export async function loadModel(db: Executor, id: string): Promise<CategoryModel | null> {
  const r = await db.selectFrom('assistCategoryModels').select('model').where('id', '=', id).executeTakeFirst();
  return (r?.model as CategoryModel | undefined) ?? null;
}

/** Stores a model and keeps only the newest few (a process may still be reading the previous one). */
export async function storeModel(db: Executor, model: CategoryModel, at: Date): Promise<string> {
  const row = await db
    .insertInto('assistCategoryModels')
    .values({ trainedAt: at, documents: model.trainedOn, vocabulary: model.vocabulary, model: JSON.stringify(model) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`DELETE FROM assist_category_models WHERE id NOT IN (SELECT id FROM assist_category_models ORDER BY trained_at DESC, id DESC LIMIT 3)`.execute(db);
  return row.id;
}
