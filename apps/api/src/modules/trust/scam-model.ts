// The scam shield's learned layer (SPEC C7, issue 9): logistic regression over character
// 1–3-grams of the normalised text. Rules name the lures we know; wording nobody wrote a rule
// for still shares short pieces with lures we have seen ("滴滴", "卡号", "群里", "口令"), and a
// linear model over those pieces says which ones and how much — so its verdict stays
// explainable: the n-grams that pushed the score up are the "words" shown with the warning.
// Pure and deterministic: no I/O, no randomness (a fixed-seed shuffle), plain TypeScript.
import { toBase, toCompact, type View } from './scam-shield-normalize.ts';

/** One labelled text; `weight` lets a moderator's decision count more than a built-in example. */
export type Example = { text: string; label: boolean; weight?: number };
export type Model = { weights: Map<string, number>; bias: number };
export type Explained = { p: number; words: string[]; chunk: string };

const MAX_N = 3;
const CHUNK = 48; // characters the model reads at once; long texts are read chunk by chunk
const OVERLAP = 16;
const SENTENCE_BREAK = /[!?;。\n]+/;

// Latin words the model may read as themselves: messenger and app names, their short forms,
// and the pieces of links. Any other Latin word reads as "w" and a handle with an underscore
// as "@" — otherwise every English message would look like a WeChat id, because in the
// labelled sets Latin letters are mostly ids and links.
const KNOWN_LATIN = new Set(
  'v vx wx q qq tg wechat weixin whatsapp telegram line ins ig instagram discord soul skype signal facebook fb twitter id tel dm me add call app http https www com cn net top xyz vip shop site online cc pay paypal zfb pdd tb h5 dou url link'.split(' '),
);

/**
 * The text as the model reads it: the compact view (no separators, one script, lower case),
 * except that letters and digits the sender kept apart stay apart ("iPhone 13 128G" is not
 * one token); Latin words outside KNOWN_LATIN as "w" (or "@" for a handle with "_"); every
 * run of five or more digits as "#" (a phone, QQ or card number: its digits mean nothing, its
 * presence does) and shorter runs as zeros ("300" → "000").
 */
export function modelText(text: string): string {
  return modelTextOf(toCompact(toBase(text)));
}

/** modelText from a compact view the caller already has (the rules made one). */
export function modelTextOf(compact: View): string {
  const t = compact.text;
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i] ?? '';
    if (i > 0 && ALNUM.test(ch) && ALNUM.test(t[i - 1] ?? '') && (compact.start[i] ?? 0) > (compact.end[i - 1] ?? 0)) out += ' ';
    out += ch;
  }
  return out
    .replace(/[a-z0-9_]*[a-z_][a-z0-9_]*/g, (w) => (KNOWN_LATIN.has(w) ? w : w.includes('_') ? '@' : /^[a-z]+$/.test(w) ? 'w' : w.replace(/[a-z]+/g, (p) => (KNOWN_LATIN.has(p) ? p : 'w'))))
    .replace(/[0-9]{5,}/g, '#')
    .replace(/[0-9]/g, '0');
}
const ALNUM = /[a-z0-9]/;

/** Sentences of the model text, long ones cut into overlapping windows. */
export function chunks(text: string): string[] {
  return chunksOf(modelText(text));
}

export function chunksOf(read: string): string[] {
  const out: string[] = [];
  for (const s of read.split(SENTENCE_BREAK)) {
    const chars = Array.from(s);
    if (chars.length === 0) continue;
    for (let i = 0; ; i += CHUNK - OVERLAP) {
      out.push(chars.slice(i, i + CHUNK).join(''));
      if (i + CHUNK >= chars.length) break;
    }
  }
  return out;
}

/** Distinct 1..3-grams of one chunk, with start and end marks ("^加", "码$"). */
export function grams(chunk: string): string[] {
  const chars = ['^', ...Array.from(chunk), '$'];
  const set = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    let g = '';
    for (let n = 0; n < MAX_N && i + n < chars.length; n++) {
      g += chars[i + n];
      if (g !== '^' && g !== '$') set.add(g);
    }
  }
  return [...set];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Each feature counts 1/√n so a long sentence is not a lure just for having many pieces. */
function scale(n: number): number {
  return n === 0 ? 0 : 1 / Math.sqrt(n);
}

export type TrainOptions = { epochs?: number; rate?: number; l2?: number; seed?: number };

/**
 * Examples as numbered features, computed once and shared by every model trained on them
 * (the cross-validation folds, the per-warning models): `whole` is the text as one piece, for
 * training; `parts` are its chunks, for scoring the way bestScore() does.
 */
export type Features = { ids: Map<string, number>; whole: Int32Array[]; parts: Int32Array[][] };

export function featurize(texts: string[]): Features {
  const ids = new Map<string, number>();
  const number = (gs: string[]) => Int32Array.from(gs, (g) => ids.get(g) ?? ids.set(g, ids.size).size - 1);
  const parts = texts.map((t) => chunks(t).map((c) => number(grams(c))));
  // Most messages are one chunk: their whole-text features are that chunk's.
  const whole = texts.map((t, i) => (parts[i]?.length === 1 ? (parts[i]?.[0] ?? new Int32Array()) : number(grams(modelText(t)))));
  return { ids, whole, parts };
}

/** Fitted weights over a Features numbering. */
export type Fitted = { w: Float64Array; bias: number };

/**
 * Logistic regression by AdaGrad SGD with L2 over the examples `rows` (indexes into
 * `features`). Deterministic: examples are visited in a fixed-seed shuffled order.
 */
export function fit(features: Features, rows: number[], label: (i: number) => boolean, weight: (i: number) => number = () => 1, opts: TrainOptions = {}): Fitted {
  const { epochs = 8, rate = 0.5, l2 = 1e-4, seed = 7 } = opts;
  const w = new Float64Array(features.ids.size);
  const g2 = new Float64Array(features.ids.size);
  let bias = 0;
  let biasG2 = 0;
  const order = [...rows];
  const ys = new Float64Array(features.whole.length);
  const ws = new Float64Array(features.whole.length);
  for (const k of rows) {
    ys[k] = label(k) ? 1 : 0;
    ws[k] = weight(k);
  }
  let state = seed;
  const rand = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const k of order) {
      const row = features.whole[k] ?? new Int32Array();
      const n = row.length;
      const x = scale(n);
      let z = bias;
      for (let r = 0; r < n; r++) z += (w[row[r] as number] as number) * x;
      const err = (sigmoid(z) - (ys[k] as number)) * (ws[k] as number);
      for (let r = 0; r < n; r++) {
        const f = row[r] as number;
        const grad = err * x + l2 * (w[f] as number);
        const acc = (g2[f] as number) + grad * grad;
        g2[f] = acc;
        w[f] = (w[f] as number) - (rate * grad) / Math.sqrt(acc + 1e-8);
      }
      biasG2 += err * err;
      bias -= (rate * err) / Math.sqrt(biasG2 + 1e-8);
    }
  }
  return { w, bias };
}

/** A fitted model's score of example i, as bestScore() would give it: its best chunk. */
export function fittedScore(features: Features, fitted: Fitted, i: number): number {
  let best = 0;
  for (const row of features.parts[i] ?? []) {
    const x = scale(row.length);
    let z = fitted.bias;
    for (const f of row) z += (fitted.w[f] ?? 0) * x;
    best = Math.max(best, sigmoid(z));
  }
  return best;
}

/** The fitted weights by n-gram, for scoring new text; negligible weights are dropped. */
export function toModel(features: Features, fitted: Fitted): Model {
  const weights = new Map<string, number>();
  for (const [g, f] of features.ids) if (Math.abs(fitted.w[f] ?? 0) >= 1e-3) weights.set(g, fitted.w[f] ?? 0);
  return { weights, bias: fitted.bias };
}

/** Featurize, fit and keep: one model from one list of examples. */
export function train(examples: Example[], opts: TrainOptions = {}): Model {
  const features = featurize(examples.map((e) => e.text));
  const rows = examples.map((_, i) => i);
  const fitted = fit(features, rows, (i) => examples[i]?.label ?? false, (i) => examples[i]?.weight ?? 1, opts);
  return toModel(features, fitted);
}

function chunkScore(model: Model, gs: string[]): number {
  const x = scale(gs.length);
  let z = model.bias;
  for (const g of gs) z += (model.weights.get(g) ?? 0) * x;
  return sigmoid(z);
}

/** Probability for one chunk of model text (see chunks()). */
export function scoreChunk(model: Model, chunk: string): number {
  return chunkScore(model, grams(chunk));
}

/**
 * The score with its reasons: the chunk that scored highest and up to `top` n-grams that
 * pushed it up most — two- and three-character ones first, as a single character rarely says
 * anything on its own; a gram inside a longer chosen one is not repeated ("卡号" covers "卡").
 * In the words, "#" stands for a run of five or more digits and "0" for any other digit.
 */
export function explain(model: Model, text: string, top = 3): Explained {
  return explainRead(model, modelText(text), top);
}

/** explain() on model text; the words are only worked out for the best chunk. */
export function explainRead(model: Model, read: string, top = 3): Explained {
  let best = { p: 0, chunk: '', gs: [] as string[] };
  for (const chunk of chunksOf(read)) {
    const gs = grams(chunk);
    const p = chunkScore(model, gs);
    if (p > best.p) best = { p, chunk, gs };
  }
  return { p: best.p, words: topWords(model, best.gs, top), chunk: best.chunk };
}

/** Probability that a text is a lure: that of its most lure-like chunk of model text. */
export function bestScore(model: Model, read: string): number {
  let best = 0;
  for (const chunk of chunksOf(read)) best = Math.max(best, chunkScore(model, grams(chunk)));
  return best;
}

function topWords(model: Model, gs: string[], top: number): string[] {
  const ranked = gs
    .map((g) => ({ g: g.replace(/^\^|\$$/g, '').trim(), w: model.weights.get(g) ?? 0 }))
    .filter((r) => r.w > 0 && /[^\s,、0w]/.test(r.g))
    .sort((a, b) => Number(b.g.length > 1) - Number(a.g.length > 1) || b.w - a.w || (a.g < b.g ? -1 : 1));
  const words: string[] = [];
  for (const r of ranked) {
    if (words.length >= top) break;
    if (words.some((w) => w.includes(r.g))) continue;
    for (let i = words.length - 1; i >= 0; i--) if (r.g.includes(words[i] ?? '')) words.splice(i, 1);
    words.push(r.g);
  }
  return words;
}
