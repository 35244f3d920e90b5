// Text → search terms, the same way for what is indexed and what is typed:
//   fold: NFKC (full-width ＩＰＨＯＮＥ１３ → IPHONE13, ideographic punctuation → ASCII),
//         traditional → simplified (opencc t2cn: 沙發 → 沙发), lower case per term;
//   segment: jieba (cutForSearch for documents: 九成新 → 九成, 九成新; cut for queries);
//   Latin and digit runs kept whole and split: iPhone13 → iphone13, iphone, 13, phone.
// Han words of three or more characters also give their bigrams, so "布艺" finds
// "布艺沙发" even though jieba keeps that compound whole.
import { createRequire } from 'node:module';
import type { Jieba as JiebaT } from '@node-rs/jieba';
import { Converter } from 'opencc-js/t2cn';

const require = createRequire(import.meta.url);
let jiebaInstance: JiebaT | undefined;

/** Loaded on first use (~200 ms, ~60 MB): processes that never search or write never pay. */
export function jieba(): JiebaT {
  if (!jiebaInstance) {
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jiebaInstance = Jieba.withDict(dict);
  }
  return jiebaInstance;
}

const toSimplified = Converter({ from: 'hk', to: 'cn' });

/** Full-width → half-width and traditional → simplified. Case is kept (camelCase splits need it). */
export const fold = (s: string) => toSimplified(s.normalize('NFKC'));

const HAN = /\p{Script=Han}/u;
const RUNS = /(\p{Script=Han}+)|([A-Za-z0-9]+(?:[.\-+'_][A-Za-z0-9]+)*)/gu;
export const isHan = (s: string) => HAN.test(s);
const MAX_TERM = 60;

export type Run = { han: boolean; text: string };

/**
 * A Latin/digit run as terms: the whole run (separators dropped, a decimal point kept),
 * its parts, their letter/digit pieces and camelCase words. Single letters are dropped (the
 * "i" of iPhone, the "g" of 256G); digits stay.
 */
export function latinTerms(run: string): string[] {
  const out = new Set<string>();
  // Separators go, except a decimal point between digits (1.2米).
  const whole = run.replace(/(?<!\d)\.|\.(?!\d)|[^A-Za-z0-9.]/g, '');
  out.add(whole.toLowerCase());
  for (const part of run.split(/[^A-Za-z0-9]+/)) {
    if (!part) continue;
    out.add(part.toLowerCase());
    for (const piece of part.match(/[A-Za-z]+|\d+/g) ?? []) {
      out.add(piece.toLowerCase());
      for (const word of piece.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? []) out.add(word.toLowerCase());
    }
  }
  return [...out].filter((t) => t.length > 0 && t.length <= MAX_TERM && !/^[a-z]$/.test(t));
}

export function bigrams(han: string): string[] {
  const chars = [...han];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/**
 * Han runs go through jieba; Latin/digit runs are cut here, so "WH-1000XM4" or "Dr.Martens"
 * stay one run whatever jieba would make of the punctuation.
 */
function eachRun(text: string, han: (run: string) => void, latin: (run: string) => void) {
  for (const m of fold(text).matchAll(RUNS)) (m[1] ? han(m[1]) : latin(m[2] as string));
}

/** Terms of a document text, in reading order (positions matter little: ts_rank, not _cd). */
export function documentTerms(text: string): string[] {
  const out: string[] = [];
  eachRun(
    text,
    (run) => {
      for (const word of jieba().cutForSearch(run, true)) {
        if ([...word].length > MAX_TERM) continue;
        out.push(word);
        if ([...word].length >= 3) out.push(...bigrams(word));
      }
    },
    (run) => out.push(...latinTerms(run)),
  );
  return out;
}

/** Query tokens: jieba's plain cut of each Han run, Latin runs whole. */
export function queryRuns(text: string): Run[] {
  const out: Run[] = [];
  eachRun(
    text,
    (run) => {
      for (const word of jieba().cut(run, true)) out.push({ han: true, text: word });
    },
    (run) => out.push({ han: false, text: run }),
  );
  return out;
}

/** Every Han character of a text: lets a typo (平果手机) still meet 苹果 in a relaxed search. */
export function hanChars(text: string): string[] {
  return [...fold(text)].filter((c) => isHan(c));
}

export type Weight = 'A' | 'B' | 'C' | 'D';
const MAX_POS = 16383;
const MAX_POSITIONS = 255;

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** A tsvector literal: each lexeme with its positions and weights ('沙发':1A,9C). */
export function tsvectorOf(parts: readonly { terms: readonly string[]; weight: Weight }[]): string {
  const lexemes = new Map<string, string[]>();
  let pos = 0;
  for (const part of parts) {
    for (const term of part.terms) {
      pos = Math.min(pos + 1, MAX_POS);
      const list = lexemes.get(term) ?? [];
      if (list.length < MAX_POSITIONS) list.push(`${pos}${part.weight}`);
      lexemes.set(term, list);
    }
  }
  return [...lexemes].map(([lexeme, ps]) => `${quote(lexeme)}:${ps.join(',')}`).join(' ');
}

export const tsQuoted = quote;
