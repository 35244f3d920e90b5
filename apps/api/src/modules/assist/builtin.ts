// The built-in assistant: local and deterministic. Smart publish from the naive Bayes
// classifier, the title cleaner and comparable trades; smart hosting from the intent rules and
// the item's data. Registered as "builtin", the default ASSIST_PROVIDER.
import { readIntents } from './intents.ts';
import { rankCategories } from './classifier.ts';
import { conditionFromText, priceRange } from './price-range.ts';
import { type AssistProvider, registerAssistProvider, type Suggestion } from './provider.ts';
import { answerOffer, composeReply } from './replies.ts';
import { cleanTitle, tagsOf } from './title.ts';
import { featuresOf, wordsOf } from './tokens.ts';

/** Fewer photos than this and the form suggests adding some: listings with several sell better. */
export const GOOD_PHOTO_COUNT = 3;

export const builtinAssistant: AssistProvider = {
  name: 'builtin',

  async suggest(input, market): Promise<Suggestion> {
    const description = input.description ?? '';
    const title = cleanTitle(input.title);
    const ranked = rankCategories(await market.categoryModel(), featuresOf(`${title} ${description.slice(0, 200)}`));
    const best = ranked[0] as (typeof ranked)[number];
    const condition = conditionFromText(`${input.title} ${description}`);
    // The category the seller will most likely keep is the one we compare prices in.
    const trades = (await market.comparableTrades(best.category)).map((t) => ({ ...t, words: wordsOf(t.title) }));
    const price = priceRange({ words: wordsOf(title), condition }, trades);
    return {
      category: best.category,
      categories: ranked.slice(0, 3).map((r) => ({ category: r.category, p: Math.round(r.p * 1000) / 1000 })),
      tags: tagsOf(title, description),
      title,
      condition,
      priceRange: price.range,
      priceNote: price.note,
      tips: input.photoCount !== undefined && input.photoCount < GOOD_PHOTO_COUNT ? ['add_photos'] : [],
    };
  },

  async answer(q) {
    if (q.offer) return answerOffer(q.item, q.offer);
    const text = q.text ?? '';
    return composeReply(q.item, text, readIntents(text));
  },
};

registerAssistProvider('builtin', () => builtinAssistant);
