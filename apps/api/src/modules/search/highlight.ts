// Which query words a result contains, and where they sit in its title. Offsets are into the
// title as stored (UTF-16, what a browser's String indexes), found by folding each character
// the way the index does, so "沙發" is marked for the query 沙发 and "ｉＰｈｏｎｅ" for iphone.
import { fold } from './text.ts';

type Folded = { text: string; start: number[]; end: number[] };

/** `fn`, remembering its last answers (forgotten all at once when `max` are held). */
function remembered<T>(max: number, fn: (s: string) => T): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    let f = seen.get(s);
    if (f === undefined) {
      f = fn(s);
      if (seen.size >= max) seen.clear();
      seen.set(s, f);
    }
    return f;
  };
}

// fold() of one character (NFKC, then simplified, lower case), remembered: a page of results
// folds hundreds of characters, nearly all of them seen before.
const foldChar = remembered(50_000, (ch) => fold(ch).toLowerCase());

// fold() of a description, remembered: the same listings come back for the same popular words,
// and folding (NFKC, then opencc's simplified) a description was ~2% of a search's API CPU.
const foldText = remembered(1_024, (s) => fold(s).toLowerCase());

// A title's fold with its offsets, remembered likewise (read only by spans()).
const foldTitle = remembered(4_096, (s): Folded => foldWithOffsets(s));

function foldWithOffsets(s: string): Folded {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  let at = 0;
  for (const ch of s) {
    const f = foldChar(ch);
    // One entry per UTF-16 unit of the folded text: indexOf counts units, not characters.
    for (let k = 0; k < f.length; k++) {
      start.push(at);
      end.push(at + ch.length);
    }
    text += f;
    at += ch.length;
  }
  return { text, start, end };
}

function spans(f: Folded, terms: readonly string[]): [number, number][] {
  const hits: [number, number][] = [];
  for (const t of terms) {
    for (let i = f.text.indexOf(t); i !== -1; i = f.text.indexOf(t, i + 1)) hits.push([i, i + t.length]);
  }
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of hits) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged.map(([s, e]) => [f.start[s] ?? 0, f.end[e - 1] ?? 0]);
}

/** terms: folded query words, longest first (ParsedQuery.highlights). */
export function highlight(title: string, more: string, terms: readonly string[]) {
  if (!terms.length) return { highlights: [], titleMarks: [] };
  const t = foldTitle(title);
  // The description is looked at only for a word that is not in the title.
  let rest: string | null = null;
  const inRest = (term: string) => {
    rest ??= foldText(more);
    return rest.includes(term);
  };
  const found = terms.filter((term) => t.text.includes(term) || inRest(term));
  const highlights = found.filter((term) => !found.some((o) => o !== term && o.includes(term)));
  return { highlights, titleMarks: spans(t, found) };
}
