// Scam shield (SPEC C7): flags off-platform lures in chat messages, comments and notes —
// contact details (WeChat / QQ / phone, other apps, QR codes), deposits, payment outside
// escrow (bank cards included), links and 口令. The caller attaches `warnings` to the
// delivered message (API "Chat"); nothing is ever dropped, so a false alarm costs a warning
// banner, a miss costs a member their money. A shield that cries wolf on "周六自提" is ignored.
//
// Two layers. The rules (scam-shield-rules.ts) name the lures we know; most run on the
// compact view (scam-shield-normalize.ts), where "加 V", "微.信" and "v❤信" all read as one
// word; phone and card numbers are found on digit runs, links on the base view. When no rule
// fires, a learned layer (scam-model.ts, trained in scam-training.ts) reads character n-grams
// and flags wording no rule was written for, above a threshold chosen for few false alarms.
// Every match says which words and which family, so every warning can be explained.
import { bestScore, explainRead, modelTextOf, scoreChunk } from './scam-model.ts';
import { type Family, RULES, type Rule } from './scam-shield-rules.ts';
import { type NumberKind, piecedPhones, readNumbers, toBase, toCompact, type View } from './scam-shield-normalize.ts';
import { builtInExamples, type ShieldModel, trainShield } from './scam-training.ts';
import type { ScamWarning } from '@jishi/shared';

// The codes are packages/shared's SCAM_WARNINGS (the web words them from the same list).
export type { ScamWarning };
/**
 * Why a warning was raised. A rule quotes the text as the sender wrote it; the learned layer
 * ("model") gives the n-grams that pushed its score up most, as it read them.
 */
export type ScamMatch = { warning: ScamWarning; family: Family | 'learned'; by: 'rule' | 'model'; text: string; words?: string[] };
export type ScamScan = { warnings: ScamWarning[]; score: number; matches: ScamMatch[] };

type Hit = { warning: ScamWarning; family: Family; weight: number; from: number; to: number }; // original text range

const C = 'off_platform_contact';
const D = 'deposit_request';
const P = 'external_payment';
const L = 'suspicious_link';

const CLAUSE_BREAK = /[,!?;。、\n]/;
const SENTENCE_BREAK = /[!?;。\n]/;
// A negation right before a trigger ("不加微信", "不用先付定金", "谨防私下交易") cancels it;
// "要不加个微信" ("how about") does not, hence the (?<!要).
const NEGATION_BEFORE =
  /(?:(?<!要)不|别|勿|免|无需|无须|拒绝|禁止|严禁|谨防|小心|防止|没有?|切勿|请勿)(?:需要?|用|要|能|可以|会|接受|支持|收|付|交|缴纳?|交纳|支付|走|搞|加|给|做|进行|在|私下|让|许|准|必|留|想|考虑|再|了|去|乱|随便|轻易|先)*$/;
// "定金就不用了", "转账不接受": the negation after, up to the end of the clause.
// "定金是什么意思？" asks about the word; it does not ask for money.
const NEGATION_AFTER =
  /^(?:是什么|是啥|什么意思|怎么(?:用|算|退)|(?:也|都|就)?(?:不用|不需要|不要|不收|无需|不必|免)(?:了|付|交|给|转)?(?=$|[,!?;。、\n]|了|的)|(?:也|都)?不(?:接受|支持))/;
// Platform guard (deposit and payment rules only): a deposit or payment word is not a lure
// when its sentence puts the money on the platform — "平台…付/下单/托管", 担保, 托管, the order
// page — because our escrow and 定金托管 are the safe way to do exactly that. It does not
// hold when that mention is negated ("不走平台") or a complaint ("平台太慢"), or the escrow is
// someone else's ("支付宝担保"). Contact and link rules are never guarded: a WeChat id next
// to the word 平台 is still a WeChat id.
const PLATFORM_AFFIRM =
  /平台[^,。!?]{0,3}?(?:付|支付|转|下单|拍|担保|托管|交易|买|结算|结账|支持|收|定金|订金|订单|红包|优惠|保证金|押金|钱包|余额)|(?:付|转|交|存)[^,。!?]{0,3}平台|(?<!支付宝|微信|vx|wx|zfb|第三方)(?:担保|托管)|订单(?:页|里|详情)/g;

// Context windows are bounded so a 100 kB message costs linear time, not quadratic.
const NEGATION_REACH = 10;
const SENTENCE_REACH = 60;

function clauseStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < NEGATION_REACH && !CLAUSE_BREAK.test(text[i - 1] ?? '')) i--;
  return i;
}

function isNegated(text: string, from: number, to: number): boolean {
  const before = text.slice(clauseStart(text, from), from);
  if (NEGATION_BEFORE.test(before)) return true;
  return NEGATION_AFTER.test(text.slice(to, to + 8));
}

function sentenceOf(text: string, from: number): string {
  let a = from;
  while (a > 0 && from - a < SENTENCE_REACH && !SENTENCE_BREAK.test(text[a - 1] ?? '')) a--;
  let b = from;
  while (b < text.length && b - from < SENTENCE_REACH && !SENTENCE_BREAK.test(text[b] ?? '')) b++;
  return text.slice(a, b);
}

// A complaint about the platform in the same sentence ("平台付款太慢，你先打款") means the
// platform is being talked out of the deal, not into it.
const PLATFORM_COMPLAINT =
  /平台[^,。!?]{0,4}(?:慢|等|久|冻结|麻烦|不安全|不靠谱|贵|不方便|收费|手续费|服务费|抽成|扣钱|扣点|扣\d)|平台(?:会|要)(?:扣|抽|收)/;

function usesPlatform(sentence: string): boolean {
  if (PLATFORM_COMPLAINT.test(sentence)) return false;
  for (const m of sentence.matchAll(PLATFORM_AFFIRM))
    if (!isNegated(sentence, m.index, m.index + m[0].length)) return true;
  return false;
}

// "微信支付的发票", "支付宝账单上的价格", "银行卡买的": how an item was once paid for.
const HISTORY = /发票|小票|记录|账单|立减|积分|会员日|买的|购买的|当时|失败|成功|扣款|选了|选的|付的/;

function clauseOf(text: string, from: number, to: number): string {
  let b = to;
  while (b < text.length && b - to < NEGATION_REACH && !CLAUSE_BREAK.test(text[b] ?? '')) b++;
  return text.slice(clauseStart(text, from), b);
}

function ruleHits(rule: Rule, view: View): Hit[] {
  const hits: Hit[] = [];
  // exec over the rule's own global pattern: matchAll would clone the RegExp on every call.
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(view.text); m !== null; m = pattern.exec(view.text)) {
    if (m[0].length === 0) pattern.lastIndex++; // an empty match must not stall the scan (matchAll's rule)
    const from = m.index;
    const to = from + m[0].length;
    if (rule.negatable && isNegated(view.text, from, to)) continue;
    if (rule.platformGuarded && usesPlatform(sentenceOf(view.text, from))) continue;
    const context = rule.historyGuarded === 'sentence' ? sentenceOf(view.text, from) : rule.historyGuarded ? clauseOf(view.text, from, to) : '';
    if (context && HISTORY.test(context)) continue;
    hits.push({ warning: rule.warning, family: rule.family, weight: rule.weight, from: view.start[from] ?? 0, to: view.end[to - 1] ?? 0 });
  }
  return hits;
}

// Phone and landline numbers are contact details; a bank card number is an invitation to pay.
const NUMBER_WEIGHT: Record<NumberKind, [ScamWarning, Family, number]> = {
  mobile: [C, 'phone', 50],
  landline: [C, 'phone', 45],
  hotline: [C, 'phone', 45],
  bank_card: [P, 'bank_card', 40],
};

function numberHit(view: View, { kind, from, to }: { kind: NumberKind; from: number; to: number }): Hit {
  const [warning, family, weight] = NUMBER_WEIGHT[kind];
  return { warning, family, weight, from: view.start[from] ?? 0, to: view.end[to - 1] ?? 0 };
}

function numberHits(base: View, compact: View): Hit[] {
  const hits: Hit[] = [];
  for (const n of readNumbers(base)) hits.push(numberHit(base, n));
  for (const n of piecedPhones(compact)) hits.push(numberHit(compact, n));
  return hits;
}

// ---- combining -----------------------------------------------------------------------

const ORDER: ScamWarning[] = [C, D, P, L];

/** Overlapping hits of one warning ("加我微信abc123" hits three rules) become one match. */
function mergeHits(hits: Hit[]): Hit[] {
  const merged: Hit[] = [];
  const sorted = [...hits].sort((a, b) => ORDER.indexOf(a.warning) - ORDER.indexOf(b.warning) || a.from - b.from);
  for (const h of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.warning === h.warning && h.from < last.to) {
      last.to = Math.max(last.to, h.to);
      last.weight = Math.max(last.weight, h.weight);
    } else merged.push({ ...h });
  }
  return merged;
}

/**
 * Score: the strongest hit of each warning, summed, plus 5 for every further distinct
 * match, capped at 100. One phone number alone scores 50; a phone number plus "先付定金"
 * scores 90; nothing scores 0.
 */
function scoreOf(hits: Hit[], warnings: ScamWarning[]): number {
  if (hits.length === 0) return 0;
  const strongest = warnings.map((w) => hits.reduce((max, h) => (h.warning === w ? Math.max(max, h.weight) : max), 0));
  const sum = strongest.reduce((s, x) => s + x, 0) + 5 * (hits.length - warnings.length);
  return Math.min(100, sum);
}

// Whether any rule of a view can match a text: one pattern, the alternation of that view's rules
// (none holds a backreference, so each alternative matches alone exactly where its rule does).
// Most texts match none: they skip every rule's own scan. A view some rule matches is scanned
// rule by rule as before, in RULES order (which decides how overlapping hits merge).
const anyRule = (view: Rule['view']) => new RegExp(RULES.filter((r) => r.view === view).map((r) => `(?:${r.pattern.source})`).join('|'));
const ANY_RULE = { base: anyRule('base'), compact: anyRule('compact') };

/** The rules alone: merged hits, in the order of ORDER, and the compact view they read. */
function ruleScan(text: string): { hits: Hit[]; compact: View } {
  const base = toBase(text);
  const compact = toCompact(base);
  const hits = numberHits(base, compact);
  const inBase = ANY_RULE.base.test(base.text);
  const inCompact = ANY_RULE.compact.test(compact.text);
  if (inBase || inCompact) {
    for (const rule of RULES) {
      if (rule.view === 'base' ? inBase : inCompact) for (const h of ruleHits(rule, rule.view === 'base' ? base : compact)) hits.push(h);
    }
  }
  return { hits: mergeHits(hits), compact };
}

/** Whether any rule fires: what the learned layer's threshold is chosen against. */
export function rulesFlag(text: string): boolean {
  return ruleScan(text).hits.length > 0;
}

// ---- the learned layer ---------------------------------------------------------------

let active: ShieldModel | undefined;

/** The model in use; trained on the built-in labelled sets the first time it is needed. */
export function shieldModel(): ShieldModel {
  active ??= trainShield(builtInExamples(), rulesFlag);
  return active;
}

/** Swaps the model in use (retraining from moderators' labels, tests). */
export function useShieldModel(model: ShieldModel): void {
  active = model;
  scanned.clear();
}

const MODEL_WEIGHT = 35; // a learned hit weighs like the weaker rules

/** The warning a model hit most likely deserves: the code model that scores its chunk highest. */
function codeOf(model: ShieldModel, chunk: string): ScamWarning {
  let best: [ScamWarning, number] = [C, -1];
  for (const [code, m] of model.codes) {
    const p = scoreChunk(m, chunk);
    if (p > best[1]) best = [code, p];
  }
  return best[0];
}

function modelMatch(compact: View): ScamMatch | null {
  const model = shieldModel();
  const read = modelTextOf(compact);
  if (bestScore(model.lure, read) < model.threshold) return null; // most messages stop here
  const e = explainRead(model.lure, read);
  // A learned warning must be explainable: no words that pushed the score up, no warning.
  if (e.words.length === 0) return null;
  return { warning: codeOf(model, e.chunk), family: 'learned', by: 'model', text: e.words.join(' '), words: e.words };
}

// Notes and comments are scanned each time they are shown (the warnings follow the model in
// use), so the same texts come back again and again: the latest scans are remembered, per
// model (a new model forgets them). Results are frozen: callers share them.
const SCANNED_MAX = 4096;
const scanned = new Map<string, ScamScan>();

/** The warnings, score and matches of a text (remembered for the texts scanned last). */
export function scanText(text: string): ScamScan {
  const known = scanned.get(text);
  if (known) return known;
  const scan = deepFreeze(scanOnce(text));
  if (scanned.size >= SCANNED_MAX) scanned.delete(scanned.keys().next().value ?? '');
  scanned.set(text, scan);
  return scan;
}

/**
 * scanText for a text scanned once, when it is sent (a chat message: its warnings are stored
 * with it): the same result, not remembered — such texts rarely come back, and remembering
 * each would keep thousands of scans alive a second for nothing.
 */
export function scanSent(text: string): ScamScan {
  return scanned.get(text) ?? scanOnce(text);
}

function deepFreeze(scan: ScamScan): ScamScan {
  for (const m of scan.matches) {
    if (m.words) Object.freeze(m.words);
    Object.freeze(m);
  }
  Object.freeze(scan.warnings);
  Object.freeze(scan.matches);
  return Object.freeze(scan);
}

function scanOnce(text: string): ScamScan {
  const { hits, compact } = ruleScan(text);
  if (hits.length === 0) {
    const m = modelMatch(compact);
    return m ? { warnings: [m.warning], score: MODEL_WEIGHT, matches: [m] } : { warnings: [], score: 0, matches: [] };
  }
  const warnings = ORDER.filter((w) => hits.some((h) => h.warning === w));
  const matches = hits.map((h): ScamMatch => ({ warning: h.warning, family: h.family, by: 'rule', text: text.slice(h.from, h.to) }));
  return { warnings, score: scoreOf(hits, warnings), matches };
}
