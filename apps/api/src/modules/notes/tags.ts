// #话题 tags: what the author lists in `tags` plus the #topics written in the body, normalized
// so that "#搬家清仓", "搬家清仓#" and " ＃搬家清仓 " are one tag. Pure: unit-tested without a DB.

export const MAX_TAGS = 10;
export const MAX_TAG_CHARS = 20;

/** NFKC folds full-width ＃ and Ｌａｔｉｎ; Latin is lower-cased; spaces and #s are dropped. */
export function normalizeTag(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[#\s]+/gu, '')
    .toLowerCase();
}

export const charCount = (s: string) => [...s].length;

// A topic runs from # to a space, a second # (Xiaohongshu's "#话题#") or punctuation.
const TOPIC = /#([^\s#,.!?;:'"()[\]{}<>，。！？、；：“”‘’（）【】《》…~～|/\\@]+)/gu;

/** The #topics of a body, in order of appearance. Runs longer than a tag are not topics. */
export function topicsInBody(body: string): string[] {
  const out: string[] = [];
  for (const m of body.normalize('NFKC').matchAll(TOPIC)) {
    const tag = normalizeTag(m[1] ?? '');
    if (tag && charCount(tag) <= MAX_TAG_CHARS) out.push(tag);
  }
  return out;
}

/** Explicit tags first, then the body's topics; duplicates removed, order kept. */
export function mergeTags(explicit: readonly string[], body: string): string[] {
  return [...new Set([...explicit.map(normalizeTag).filter(Boolean), ...topicsInBody(body)])];
}
