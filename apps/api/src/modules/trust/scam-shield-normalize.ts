// Text normalization for the scam shield (SPEC C7). Scammers dodge keyword filters with
// full-width characters, zero-width spaces, emoji or dots between letters and digits, and
// phone numbers written in Chinese numerals. The detector therefore never looks at the raw
// text: it scans "views" of it. Every view keeps, per character, the range of the original
// text it came from, so a match can be shown to the recipient exactly as it was written.
// This file also reads the numbers in a text (readNumbers): which digit sequences are phone
// or card numbers is a question of reading, whether they are a lure is scam-shield.ts's call.

export type View = { text: string; start: number[]; end: number[] };

/** "ab12" → a→b, 1→2: keeps the character tables below on one line each. */
function pairs(list: string): Map<string, string> {
  const chars = [...list];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i] ?? '', chars[i + 1] ?? '');
  return map;
}

// Invisible characters that only exist to split a keyword ("微\u200b信").
const ZERO_WIDTH = /^(?:\u00AD|\u034F|\u180E|[\u200B-\u200F]|[\u202A-\u202E]|[\u2060-\u2064]|\uFEFF)$/u;
// Plus signs in all their costumes, so "➕V" and "＋v" read as "+v" (an invitation to add).
const PLUS_LIKE = /[➕＋﹢✚✙]/u;
// Emoji that stand for a messenger: 🐧 is QQ's penguin, ✈ is Telegram ("飞机"), a green
// heart or dot before 泡泡 is WeChat's green bubble.
const EMOJI_WORDS = new Map([
  ['🐧', 'qq'],
  ['✈', '飞机'],
  ['🛩', '飞机'],
  ['💚', '绿'],
  ['🟢', '绿'],
  ['🟩', '绿'],
]);
// NFKC does not fold traditional characters; scammers switch script to dodge simplified
// keywords ("支付寶", "電話"). Only characters that occur in our keywords are listed.
const TRADITIONAL = pairs(
  '寶宝話话電电轉转帳账賬账號号聯联繫系係系訂订紅红鏈链擊击維维衛卫給给發发費费續续臺台線线碼码點点詳详談谈約约貨货錢钱',
);
// Chinese numerals as used to spell phone numbers ("幺三八…", "一三八零…", "〇" and "○").
const NUMERALS = pairs('零0〇0○0一1壹1幺1二2贰2两2三3叁3四4肆4五5伍5六6陆6七7柒7八8捌8九9玖9');
// Characters people slip between the digits of a number to break it up: spaces, dashes,
// dots, slashes, brackets, emoji, keycap marks. A colon is not one: "15:30" is a time.
const DIGIT_SEPARATOR = /[\s\-._/\\*|~+=#()[\]·•・,、]|\p{So}|\p{Sk}|\p{Extended_Pictographic}|[\uFE0E\uFE0F\u20E3]/u;
// Separators dropped from the compact view; clause breaks survive (see toCompact).
const CLAUSE_BREAK = /[,!?;。、\n]/u;
const COMPACT_DROP = /\s|\p{P}|\p{S}|\p{M}|\p{C}/u;

function push(view: View, text: string, start: number, end: number): void {
  view.text += text;
  for (let i = 0; i < text.length; i++) {
    view.start.push(start);
    view.end.push(end);
  }
}

/** NFKC, lower case, no zero-width characters, unified plus signs and simplified script. */
export function toBase(original: string): View {
  const view: View = { text: '', start: [], end: [] };
  let at = 0;
  for (const ch of original) {
    const from = at;
    at += ch.length;
    // Printable ASCII and CJK Unified Ideographs are their own NFKC form and none is invisible,
    // a plus sign's costume or an emoji word: only case (ASCII) and script (TRADITIONAL) change.
    const code = ch.charCodeAt(0);
    if (code >= 0x20 && code < 0x7f) {
      push(view, code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch, from, at);
      continue;
    }
    if (code >= 0x4e00 && code <= 0x9fff) {
      push(view, TRADITIONAL.get(ch) ?? ch, from, at);
      continue;
    }
    if (ZERO_WIDTH.test(ch)) continue;
    const word = PLUS_LIKE.test(ch) ? '+' : EMOJI_WORDS.get(ch);
    push(view, word ?? (TRADITIONAL.get(ch) ?? ch).normalize('NFKC').toLowerCase(), from, at);
  }
  return mapNumeralRuns(view);
}

/**
 * Turns Chinese numerals into digits, but only inside runs of at least five digits or
 * numerals (separators allowed between them). "一个" or "两三天" stay words; "一三八 零零…"
 * and "QQ 五六七八九一二" become numbers the phone and id checks can see.
 */
// A module-level function, not one made per call: tsx (esbuild keepNames) names every function
// made in a call with Object.defineProperty, on every call.
function isDigitLike(c: string): boolean {
  return /[0-9]/.test(c) || NUMERALS.has(c);
}

function mapNumeralRuns(view: View): View {
  const text = view.text;
  const units = text.split(''); // code units, so indexes stay aligned with view.start/end
  let i = 0;
  while (i < text.length) {
    if (!isDigitLike(text[i] ?? '')) {
      i++;
      continue;
    }
    const members: number[] = [];
    let j = i;
    let gap = 0;
    while (j < text.length && gap <= 2) {
      const c = String.fromCodePoint(text.codePointAt(j) ?? 0);
      if (isDigitLike(c)) {
        members.push(j);
        gap = 0;
      } else if (DIGIT_SEPARATOR.test(c)) gap++;
      else break;
      j += c.length;
    }
    if (members.length >= 5) for (const m of members) units[m] = NUMERALS.get(units[m] ?? '') ?? units[m] ?? '';
    i = Math.max(j, i + 1);
  }
  return { ...view, text: units.join('') };
}

/**
 * The base view without separators, so "加 V", "微.信", "v❤信" and "微-信" all read as one
 * word. Clause punctuation stays: without it "平台支付，宝贝很新" would read "支付宝".
 * Underscores stay because they are part of WeChat ids.
 */
export function toCompact(base: View): View {
  const view: View = { text: '', start: [], end: [] };
  let i = 0;
  while (i < base.text.length) {
    const ch = String.fromCodePoint(base.text.codePointAt(i) ?? 0);
    const keep = ch === '+' || ch === '_' || CLAUSE_BREAK.test(ch) || !COMPACT_DROP.test(ch);
    if (keep) push(view, ch, base.start[i] ?? 0, base.end[i + ch.length - 1] ?? 0);
    i += ch.length;
  }
  return view;
}

type DigitGroup = { from: number; to: number }; // [from, to) in the base view
const DIGIT_RUN = /[0-9]+/g; // scanned with exec from lastIndex 0 (matchAll would clone it on every call)

/** Runs of digit groups joined only by separators: "138 0013-8000" is one run of three groups. */
function digitRuns(text: string): DigitGroup[][] {
  const runs: DigitGroup[][] = [];
  let run: DigitGroup[] = [];
  let lastEnd = -1;
  const digits = DIGIT_RUN;
  digits.lastIndex = 0;
  for (let m = digits.exec(text); m !== null; m = digits.exec(text)) {
    const seps = [...text.slice(Math.max(lastEnd, 0), m.index)];
    const joined = lastEnd >= 0 && seps.length <= 3 && seps.every((c) => DIGIT_SEPARATOR.test(c));
    if (!joined && run.length > 0) runs.push(run);
    if (!joined) run = [];
    run.push({ from: m.index, to: m.index + m[0].length });
    lastEnd = m.index + m[0].length;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

export type NumberKind = 'mobile' | 'landline' | 'hotline' | 'bank_card';
export type NumberFound = { kind: NumberKind; from: number; to: number }; // in the base view

const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/; // mainland mobile, optionally with the country code
const HOTLINE = /^[48]00\d{7}$/;
const AREA_CODE = /^0(?:10|2\d|[3-9]\d\d)$/;
const BANK_CARD = /^62\d{14,17}$/; // UnionPay
// Letters right before a number make it a model or tracking number ("RTX3060", "SF1234…"),
// unless the letters are themselves a contact prefix ("vx138…", "tel:138…").
const CONTACT_LATIN = new Set(['v', 'vx', 'wx', 'q', 'qq', 'tel', 'dh', 'weixin', 'wechat', 'phone', 'mobile']);
// Spans whose numbers are not phone numbers: courier tracking numbers (a prefix like
// SF/YT/ZTO, or 12+ digits after 快递), our own order numbers and pickup codes, uuids.
const NOT_A_PHONE = [
  /(?<![a-z])(?:sf|yt|yto|zto|jt|jd|jdv|jdx|yd|sto|ems|dpk|db|ky|zjs|htky|yunda|best|ane|uc)[\s:：#-]*\d[\d\s-]{7,}/g,
  /(?:订单号?|订单编号|单号|运单号?|取件码|取货码|提货码|自提码)[^\d\n]{0,6}[a-z]{0,4}[\d\s-]{4,}/g,
  /(?:快递|物流|顺丰|中通|圆通|申通|韵达|京东|邮政|极兔|德邦)[^\d\n]{0,6}[a-z]{0,4}(?:\d[\s-]?){12,}/g,
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
];

function kindOf(digits: string, groups: string[]): NumberKind | null {
  if (MOBILE.test(digits)) return 'mobile';
  if (HOTLINE.test(digits)) return 'hotline';
  if (BANK_CARD.test(digits)) return 'bank_card';
  const areaSplit = groups.length >= 2 && AREA_CODE.test(groups[0] ?? '') && digits.length >= 10 && digits.length <= 12;
  const oneBlock = groups.length === 1 && /^0[1-9]\d{9,10}$/.test(digits);
  return areaSplit || oneBlock ? 'landline' : null;
}

/**
 * Phone, hotline and card numbers however they are split. Every window of consecutive
 * digit groups is tried, so "138 0013 8000" is found, and a price before it ("300 138…")
 * does not hide it; a window must match a whole number pattern, so long ids do not match.
 */
export function readNumbers(base: View): NumberFound[] {
  const found: NumberFound[] = [];
  const masked: [number, number][] = [];
  for (const p of NOT_A_PHONE) {
    p.lastIndex = 0;
    for (let m = p.exec(base.text); m !== null; m = p.exec(base.text)) {
      if (m[0].length === 0) p.lastIndex++;
      masked.push([m.index, m.index + m[0].length]);
    }
  }
  for (const run of digitRuns(base.text)) {
    run.forEach((first, i) => {
      const letters = base.text.slice(Math.max(0, first.from - 12), first.from).match(/[a-z]+$/)?.[0];
      if (letters && !CONTACT_LATIN.has(letters)) return;
      const groups: string[] = [];
      for (let j = i; j < run.length && j < i + 19; j++) {
        const last = run[j] ?? first;
        groups.push(base.text.slice(last.from, last.to));
        const digits = groups.join('');
        if (digits.length > 19) break;
        if (masked.some(([a = 0, b = 0]) => first.from < b && last.to > a)) continue;
        const kind = kindOf(digits, groups);
        if (kind) found.push({ kind, from: first.from, to: last.to });
      }
    });
  }
  return found;
}

// A number told in pieces with words between them: "前三位138，后面八位是00138000".
const PIECE_CUE = /号码|电话|手机号|尾号|前[三四]位|后[四八]位|开头|tel|call/;
// Global patterns scanned with exec from lastIndex 0 (matchAll would clone them on every call).
const PIECE_SENTENCE = /[^!?;。\n]+/g;
const PIECE_DIGITS = /[0-9]+/g;

/** Mobile numbers given in pieces, in a sentence that says it is giving a number (compact view). */
export function piecedPhones(compact: View): NumberFound[] {
  const found: NumberFound[] = [];
  const sentences = PIECE_SENTENCE;
  sentences.lastIndex = 0;
  for (let s = sentences.exec(compact.text); s !== null; s = sentences.exec(compact.text)) {
    if (!PIECE_CUE.test(s[0])) continue;
    const groups: RegExpExecArray[] = [];
    PIECE_DIGITS.lastIndex = 0;
    for (let g = PIECE_DIGITS.exec(s[0]); g !== null && groups.length < 12; g = PIECE_DIGITS.exec(s[0])) groups.push(g);
    groups.forEach((first, i) => {
      let digits = '';
      for (let j = i; j < groups.length && digits.length < 11; j++) {
        const last = groups[j] as RegExpMatchArray;
        digits += last[0];
        if (j > i && MOBILE.test(digits)) found.push({ kind: 'mobile', from: s.index + (first.index ?? 0), to: s.index + (last.index ?? 0) + last[0].length });
      }
    });
  }
  return found;
}
