// Category suggestion: a multinomial naive Bayes over binary word features (each feature once
// per document), Laplace-smoothed. Small, deterministic, trained in milliseconds, and explainable:
// a category wins because its listings used these words. Trained on the taxonomy's seed keywords
// and on the market's own listings (category-model.ts retrains it as the market grows).
import { CATEGORY_KEYS, type CategoryKey, DEFAULT_CATEGORY } from '@jishi/shared';

export type TrainingDoc = { category: CategoryKey; features: string[]; weight?: number };

export type CategoryModel = {
  version: 1;
  alpha: number;
  categories: CategoryKey[];
  /** Per category: the weighted number of documents and the weighted sum of feature counts. */
  docs: number[];
  totals: number[];
  /** feature → [[category index, weighted count], …] (sparse). */
  counts: Record<string, [number, number][]>;
  vocabulary: number;
  trainedOn: number;
};

export type Ranked = { category: CategoryKey; p: number }[];

/** Smoothing chosen on the tuning titles; uniform priors so a crowded category does not swallow the rest. */
export const ALPHA = 0.1;
/** A single character (tokens.ts marks them with ~) is a weak hint next to a word. */
export const CHAR_WEIGHT = 0.5;

export function trainCategoryModel(docs: readonly TrainingDoc[], alpha = ALPHA): CategoryModel {
  const categories = [...CATEGORY_KEYS];
  const index = new Map(categories.map((c, i) => [c, i]));
  const dense = new Map<string, number[]>();
  const docCounts = categories.map(() => 0);
  const totals = categories.map(() => 0);
  for (const d of docs) {
    const i = index.get(d.category);
    if (i === undefined) continue;
    const w = d.weight ?? 1;
    docCounts[i] = (docCounts[i] ?? 0) + w;
    for (const f of new Set(d.features)) {
      const row = dense.get(f) ?? categories.map(() => 0);
      dense.set(f, row);
      row[i] = (row[i] ?? 0) + w;
      totals[i] = (totals[i] ?? 0) + w;
    }
  }
  const counts: CategoryModel['counts'] = {};
  for (const [f, row] of dense) counts[f] = row.flatMap((n, i) => (n > 0 ? [[i, n] as [number, number]] : []));
  return { version: 1, alpha, categories, docs: docCounts, totals, counts, vocabulary: dense.size, trainedOn: docs.length };
}

/** Categories by probability, best first. Features never seen in training are ignored. */
export function rankCategories(model: CategoryModel, features: readonly string[]): Ranked {
  const n = model.categories.length;
  const scores = new Array<number>(n).fill(0);
  const denom = model.totals.map((t) => Math.log(t + model.alpha * model.vocabulary));
  let known = 0;
  for (const f of new Set(features)) {
    const row = model.counts[f];
    if (!row) continue;
    known++;
    const present = new Map(row);
    const w = f.startsWith('~') ? CHAR_WEIGHT : 1;
    for (let i = 0; i < n; i++) scores[i] = (scores[i] ?? 0) + w * (Math.log((present.get(i) ?? 0) + model.alpha) - (denom[i] ?? 0));
  }
  // Nothing known: every category is as likely, and "other" is the honest first guess.
  if (known === 0) {
    return model.categories.map((category) => ({ category, p: 1 / n })).sort((a, b) => Number(b.category === DEFAULT_CATEGORY) - Number(a.category === DEFAULT_CATEGORY));
  }
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return model.categories
    .map((category, i) => ({ category, p: (exp[i] ?? 0) / sum }))
    .sort((a, b) => b.p - a.p || a.category.localeCompare(b.category));
}
