// Text → features for the category classifier and for comparing titles, built on the search
// module's folding and segmentation (modules/search/text.ts), so "宜家书桌", "IKEA 书桌" and
// "宜家 書桌" read alike everywhere in the app.
import { documentTerms, fold, hanChars } from '../search/text.ts';
import { synonymsOf } from '../search/words.ts';

// Words that say nothing about what an item is: trade talk, condition, urgency, units.
const NOISE = new Set([
  '出', '转', '转让', '出售', '闲置', '二手', '自用', '急', '急出', '急售', '便宜', '包邮', '自提', '同城', '面交', '搬家', '清仓', '打包',
  '九成', '九成新', '成新', '八成', '八成新', '全新', '几乎', '未拆封', '新', '99', '95', '个', '的', '了', '和', '一', '带', '送', '免费',
]);

/** The words of a text, once each: jieba's search cut, Latin runs, and their synonyms (宜家 ↔ ikea). */
export function wordsOf(text: string): string[] {
  const out = new Set<string>();
  for (const term of documentTerms(text)) {
    if (NOISE.has(term)) continue;
    out.add(term);
    for (const s of synonymsOf(term)) out.add(s);
  }
  return [...out];
}

/**
 * Classifier features: the words, plus each Han character as a weak feature (柜 in 鞋柜 and
 * 书柜, 机 in 咖啡机), which carries a title whose compound word was never seen.
 */
export function featuresOf(text: string): string[] {
  const words = wordsOf(text);
  const chars = new Set(hanChars(text).map((c) => `~${c}`));
  return [...words, ...chars];
}

export const foldText = (s: string) => fold(s).toLowerCase();
