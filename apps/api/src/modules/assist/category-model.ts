// The category classifier as the market grows: trained from the taxonomy's seed keywords plus
// the listings in the database by a pg-boss job (hourly, once for the whole deployment),
// stored in assist_category_models, and read by every process from there. Until the first
// training a process uses the seed-only model, so a fresh install suggests categories at once.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CategoryKey } from '@jishi/shared';
import type { Deps } from '../../lib/http.ts';
import type { Sweep } from '../../lib/jobs.ts';
import { type CategoryModel, type TrainingDoc, trainCategoryModel } from './classifier.ts';
import { latestModelId, loadModel, storeModel, trainingListings } from './repo.ts';
import { SEED_KEYWORDS } from './seed-keywords.ts';
import { featuresOf, wordsOf } from './tokens.ts';

/** Newest listings the model learns from; older ones add little and cost memory. */
export const TRAINING_LISTINGS = 20_000;
/** How often a process looks for a newer stored model. */
const REFRESH_MS = 60_000;

export function seedDocuments(): TrainingDoc[] {
  return Object.entries(SEED_KEYWORDS).flatMap(([category, words]) =>
    words.map((w) => ({ category: category as CategoryKey, features: featuresOf(w) })),
  );
}

type Listing = { title: string; description: string; category: string };

/** A listing teaches with its title (words and characters) and its description's words. */
export function listingDocument(l: Listing): TrainingDoc {
  return { category: l.category as CategoryKey, features: [...featuresOf(l.title), ...wordsOf(l.description.slice(0, 500))] };
}

type Cached = { id: string | null; model: CategoryModel; checkedAt: number };
const cache = new WeakMap<Deps['db'], Cached>();
let seedOnly: CategoryModel | undefined;

/** The model in use: the newest stored one, or the seed-only model before the first training. */
export async function currentCategoryModel(deps: Pick<Deps, 'db'>): Promise<CategoryModel> {
  const now = Date.now();
  const c = cache.get(deps.db);
  if (c && now - c.checkedAt < REFRESH_MS) return c.model;
  const id = await latestModelId(deps.db);
  if (c && c.id === id) {
    c.checkedAt = now;
    return c.model;
  }
  seedOnly ??= trainCategoryModel(seedDocuments());
  const model = (id && (await loadModel(deps.db, id))) || seedOnly;
  cache.set(deps.db, { id, model, checkedAt: now });
  return model;
}

/** Listings tokenized per turn of the event loop (see listingDocuments). */
export const DOCUMENTS_PER_TURN = 250;

/**
 * The listings' documents, DOCUMENTS_PER_TURN at a time with the event loop let go in between.
 * Tokenizing 20,000 listings takes 0.5–0.8 s of CPU at 1M items (bench/README.md); done in one
 * go, every request in flight on the process that runs the job waited that long once an hour.
 */
export async function listingDocuments(listings: readonly Listing[]): Promise<TrainingDoc[]> {
  const docs: TrainingDoc[] = [];
  for (let i = 0; i < listings.length; i += DOCUMENTS_PER_TURN) {
    if (i > 0) await nextTurn();
    for (const l of listings.slice(i, i + DOCUMENTS_PER_TURN)) docs.push(listingDocument(l));
  }
  return docs;
}

/** The job: retrain from seeds and listings, store, and use it here at once. Returns the listings used. */
export async function retrainCategoryModel(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const listings = await trainingListings(deps.db, TRAINING_LISTINGS);
  const model = trainCategoryModel([...seedDocuments(), ...(await listingDocuments(listings))]);
  const id = await storeModel(deps.db, model, deps.clock.now());
  cache.set(deps.db, { id, model, checkedAt: Date.now() });
  return listings.length;
}

export const assistSweeps: Sweep[] = [{ name: 'assist-retrain-categories', cron: '23 * * * *', run: retrainCategoryModel }];
