// Smart publish: the configured assistant reads the seller's words, the market supplies what
// it knows (the category model, completed trades).
import type { CategoryKey } from '@jishi/shared';
import type { Deps } from '../../lib/http.ts';
import { currentCategoryModel } from './category-model.ts';
import { type Market, type SuggestInput, assistProvider } from './provider.ts';
import { completedTrades } from './repo.ts';
import './builtin.ts';

export function marketOf(deps: Deps): Market {
  return {
    categoryModel: () => currentCategoryModel(deps),
    comparableTrades: async (category: CategoryKey) =>
      (await completedTrades(deps.db, category, deps.clock.now())).map((t) => ({ price: Number(t.price), title: t.title, condition: t.condition, words: [] })),
  };
}

export function suggestListing(deps: Deps, input: SuggestInput) {
  return assistProvider(deps).suggest(input, marketOf(deps));
}
