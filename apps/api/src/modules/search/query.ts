// A typed query → what the SQL needs: the tsquery a result must match (every required group),
// the tsquery that ranks (any term), a relaxed tsquery for when nothing matches all groups
// (typos: 平果手机 still meets 苹果 through its characters), and the words to highlight.
import { bigrams, fold, isHan, jieba, latinTerms, queryRuns, tsQuoted, type Run } from './text.ts';
import { FILLERS, synonymsOf } from './words.ts';

export type Term = { lex: string; prefix: boolean };
/** Every term of an alternative must match; any alternative of a group may. */
type Alt = Term[];
export type Group = { alts: Alt[]; optional: boolean; chars: string[] };
export type ParsedQuery = {
  groups: Group[];
  /** Required groups joined with AND. */
  strict: string;
  /** Any term of any group: ranks the matches. */
  rank: string;
  /** Any term or character: the fallback when strict finds nothing. */
  relaxed: string;
  /** Each required group on its own, to count how many a relaxed match meets. */
  groupQueries: string[];
  /**
   * Each required group's alternatives, one tsquery each: `strict` is the AND of the groups and a
   * group the OR of its alternatives, so `v @@ strict` ⟺ AND over groups of OR over alternatives
   * of `v @@ alt`. Written that way the planner ORs one GIN bitmap per alternative: for 显示器 5 ms
   * where one scan of the whole tsquery took 10–14 ms (the pieces 显示 & 器 and 电 & 竞屏 read the
   * long lists of single characters once per candidate entry).
   */
  groupAlts: string[][];
  /** Each Han character of the query on its own: a relaxed match needs two of them (or a group). */
  charQueries: string[];
  highlights: string[];
};

const term = (lex: string, prefix = false): Term => ({ lex, prefix });
const lexLen = (s: string) => [...s].length;

function latinAlts(run: string, prefix: boolean): Alt[] {
  const [whole = run.toLowerCase()] = latinTerms(run);
  const pieces = (run.match(/[A-Za-z]+|\d+/g) ?? []).map((p) => p.toLowerCase()).filter((p) => !/^[a-z]$/.test(p));
  const alts: Alt[] = [[term(whole, prefix && /^[a-z]{2,}$/.test(whole))]];
  if (pieces.length > 1) alts.push(pieces.map((p) => term(p)));
  return alts;
}

/**
 * The dictionary words that cover a long Han word, left to right (布艺沙发 → 布艺 + 沙发;
 * 二手空调 → 空调 once the filler goes; 电动车 → 电动 + 车, never 电动 alone, which would find
 * 电动牙刷).
 */
function coverPieces(word: string): string[] {
  const chars = [...word];
  const known = new Set(jieba().cutForSearch(word, false).filter((w) => w !== word && lexLen(w) >= 2));
  const pieces: string[] = [];
  let loose = '';
  const flush = () => {
    if (loose) pieces.push(loose);
    loose = '';
  };
  for (let i = 0; i < chars.length; ) {
    let taken = 0;
    for (let n = Math.min(4, chars.length - i); n >= 2 && !taken; n--) if (known.has(chars.slice(i, i + n).join(''))) taken = n;
    if (taken) {
      flush();
      pieces.push(chars.slice(i, i + taken).join(''));
      i += taken;
    } else {
      loose += chars[i];
      i += 1;
    }
  }
  flush();
  return pieces.filter((p) => !FILLERS.has(p));
}

/** A synonym (which may be Latin, or several words) as one alternative. */
function altOf(text: string): Alt | null {
  const runs = queryRuns(text);
  if (runs.length === 1 && runs[0]) return runs[0].han ? [term(runs[0].text)] : latinAlts(runs[0].text, false)[0] ?? null;
  const terms = runs.map((r) => term(r.han ? r.text : (latinTerms(r.text)[0] ?? r.text.toLowerCase())));
  return terms.length ? terms : null;
}

// 椅子 → 椅, 桌子 → 桌: the suffix carries no meaning, and listings say 电竞椅, 餐椅.
const EMPTY_SUFFIX = /^(\p{Script=Han})[子儿]$/u;

function hanGroup(word: string, phraseOf: string[] = [word]): Group {
  const alts: Alt[] = [phraseOf.map((w) => term(w))];
  if (phraseOf.length > 1) alts.push([term(word)]);
  const stem = word.match(EMPTY_SUFFIX)?.[1];
  if (stem) alts.push([term(stem)]);
  if (lexLen(word) >= 3) {
    const pieces = coverPieces(word);
    if (pieces.length && !(pieces.length === 1 && pieces[0] === word)) alts.push(pieces.map((p) => term(p)));
  }
  for (const syn of synonymsOf(word)) {
    const alt = altOf(syn);
    if (alt) alts.push(alt);
  }
  return { alts, optional: false, chars: [...word] };
}

/**
 * Adjacent words that form a phrase with synonyms of its own (苹果 + 手机 → iphone) become one
 * group: the words together, or the phrase's synonyms.
 */
function mergePhrases(runs: Run[]): { run: Run; phraseOf?: string[] }[] {
  const out: { run: Run; phraseOf?: string[] }[] = [];
  for (let i = 0; i < runs.length; i++) {
    const a = runs[i] as Run;
    const b = runs[i + 1];
    if (a.han && b?.han && synonymsOf(a.text + b.text).length) {
      out.push({ run: { han: true, text: a.text + b.text }, phraseOf: [a.text, b.text] });
      i += 1;
    } else out.push({ run: a });
  }
  return out;
}

function latinGroup(run: string, prefix: boolean): Group {
  const alts = latinAlts(run, prefix);
  const whole = alts[0]?.[0]?.lex ?? '';
  for (const syn of synonymsOf(whole)) {
    const alt = altOf(syn);
    if (alt) alts.push(alt);
  }
  return { alts, optional: false, chars: [] };
}

const renderTerm = (t: Term) => `${tsQuoted(t.lex)}${t.prefix ? ':*' : ''}`;
const renderAlt = (a: Alt) => (a.length === 1 ? renderTerm(a[0] as Term) : `(${a.map(renderTerm).join(' & ')})`);
const renderGroup = (g: Group) => `(${dedupe(g.alts.map(renderAlt)).join(' | ')})`;
const dedupe = <T>(xs: T[]) => [...new Set(xs)];

export const MAX_GROUPS = 8;

// People search for the same words again and again (and the recommended feed re-reads each
// member's last searches on every page): the latest parses are remembered. Frozen: shared.
const PARSED_MAX = 2048;
const parsed = new Map<string, ParsedQuery | null>();

/** The query's word groups and its tsquery texts (strict, rank, relaxed); null when it has no words. */
export function parseQuery(q: string | undefined): ParsedQuery | null {
  if (q === undefined) return null;
  const known = parsed.get(q);
  if (known !== undefined) return known;
  const result = deepFreeze(parseOnce(q));
  if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value ?? '');
  parsed.set(q, result);
  return result;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

function parseOnce(q: string): ParsedQuery | null {
  if (!q.trim()) return null;
  const runs: Run[] = queryRuns(q).slice(0, 24);
  if (!runs.length) return null;
  const endsInWord = !/\s$/.test(q);
  const meaningful = runs.filter((r) => !(r.han && FILLERS.has(r.text)));
  const kept = meaningful.length ? meaningful : runs;
  const merged = mergePhrases(kept);
  let groups = merged.map(({ run: r, phraseOf }, i) =>
    r.han
      ? hanGroup(r.text, phraseOf)
      : latinGroup(r.text, endsInWord && i === merged.length - 1 && r === runs[runs.length - 1]),
  );
  groups = groups.slice(0, MAX_GROUPS);
  // A lone character (猫, 床) beside real words only ranks; alone it is the query.
  const hasWord = groups.some((g) => g.alts[0]?.some((t) => lexLen(t.lex) >= 2));
  for (const g of groups) g.optional = hasWord && g.alts.length === 1 && g.alts[0]?.length === 1 && isHan(g.alts[0][0]?.lex ?? '') && lexLen(g.alts[0][0]?.lex ?? '') === 1;
  const required = groups.filter((g) => !g.optional);
  const allTerms = dedupe(groups.flatMap((g) => g.alts.flat().map(renderTerm)));
  const chars = dedupe(groups.flatMap((g) => g.chars)).map((c) => tsQuoted(c));
  const highlights = dedupe(
    groups.flatMap((g) => g.alts.flat().map((t) => t.lex)).filter((l) => lexLen(l) >= 2 || /\d/.test(l) || groups.length === 1),
  ).sort((a, b) => lexLen(b) - lexLen(a));
  return {
    groups,
    strict: required.map(renderGroup).join(' & '),
    rank: allTerms.join(' | '),
    relaxed: dedupe([...allTerms, ...chars]).join(' | '),
    groupQueries: required.map(renderGroup),
    groupAlts: required.map((g) => dedupe(g.alts.map(renderAlt))),
    charQueries: chars,
    highlights,
  };
}

/** The folded form a title is compared in when marking highlights. */
export const foldForMatch = (s: string) => fold(s).toLowerCase();
export { bigrams };
