// Smart hosting's reading of a buyer message: which routine questions it asks, and whether we
// are sure enough to answer. Rules, not a model: each routine question has a short list of ways
// buyers ask it (typos folded first), and a message is answered only when every question in it
// is one we know. Anything left over that still asks something (吗, 多少, 哪, 怎么…), or any
// topic we cannot answer from the item's data (size, battery, warranty, swaps, payment, order
// status, contact details), hands the whole message to the seller: a wrong automatic answer
// costs more than a late human one. Tuned on labels/hosting-messages.ts TUNING only.
import { fold } from '../search/text.ts';
import type { Intent } from './labels/hosting-messages.ts';

export type { Intent } from './labels/hosting-messages.ts';
export type RoutineIntent = Exclude<Intent, 'other' | 'ask_human'>;

export type IntentReading = {
  /** Routine questions found, in a stable order. */
  intents: RoutineIntent[];
  /** answer: every question is routine; handover: ask_human, a topic we cannot answer, or nothing routine. */
  decision: 'answer' | 'handover';
  /** Why a message is handed over (for the seller's notification and the measurement). */
  reason: 'ask_human' | 'unknown_topic' | 'open_question' | 'nothing_routine' | null;
  /** A price the buyer proposed ("100出吗" → 10000 fen), when a bargain names one. */
  proposedPrice: number | null;
  /** A discount the buyer asked for ("少20行吗" → 2000 fen). */
  discount: number | null;
};

const ORDER: RoutineIntent[] = [
  'still_available', 'lowest_price', 'bargain', 'pickup_place_time', 'shipping_cost_carrier', 'condition', 'original_receipt',
];

// Typos and variants buyers type, folded to one spelling before any rule runs.
const TYPOS: [RegExp, string | ((m: string) => string)][] = [
  [/包[由油游]/g, '包邮'],
  [/[运邮]废/g, (m) => `${m[0]}费`],
  [/几[城层]新/g, '几成新'],
  [/最底/g, '最低'],
  [/自题/g, '自提'],
  [/发(?:漂|pio|piao)/g, '发票'],
  [/在马/g, '在吗'],
  [/还再(?=[吗么嘛不])/g, '还在'],
  [/木有/g, '没有'],
];

const NUM = '(\\d+(?:\\.\\d+)?|[零一二两三四五六七八九十百千]+)';
const UNIT = '(?:块钱?|元|r|rmb|¥)?';

const RULES: Record<RoutineIntent, RegExp[]> = {
  still_available: [
    // Not "发票还在吗": there the receipt is what is still there.
    /(?<![票据证录卡])还在(?:吗|么|嘛|不|没|呢|呀|吧|的话|卖|售)/, /(?:^|[^还我你他她])在(?:吗|么|嘛)/, /在不在/, /^在的话/, /在售/,
    /还[有剩](?:吗|么|嘛|没|不|货|的话|呢)/, /有货/, /卖(?:掉|出去?)了?(?:吗|么|没|嘛)/, /出(?:掉|了)(?:吗|么|没|嘛)/,
    /还(?:能|可以)(?:买|拍)/, /还卖(?:吗|么|不)/, /没(?:有)?卖(?:掉|出)/, /^还在$/,
  ],
  lowest_price: [
    /最[低终]/, /最少(?:多少|能|钱|价|要|出|卖)/, /底价/, /实在?价/, /多少钱?(?:能|可以)?(?:出|卖)/, /到手价/,
  ],
  bargain: [
    /小刀/, /刀(?:一下|一刀|不|吗|么|嘛|呗)/, /(?:能|可以)刀/, /砍(?:个|一?点|一下)?价?/, /便宜(?:点|些|一点|一些|吗|么|不|嘛|\d|[十百几两一二三四五])/,
    /少(?:点|一点|些|一些)|少\d/, /优惠/, /[议讲]价/, /打个?折|折扣/, /抹个?零/,
    new RegExp(`${NUM}${UNIT}(?:包邮)?(?:出|卖|行|可以|成交|能出|给我)`), new RegExp(`给你${NUM}`),
  ],
  pickup_place_time: [
    /自提|自取|面交|当面交易/, /上门(?:自取|取|拿|自提)/, /(?:去|来|过去|到)你那/, /你那(?:边|里)?(?:拿|取)/,
    /在哪|哪(?:个|一个)(?:区|小区|位置|地方|门)/, /地址|位置/, /你人?在哪|哪边/,
    /(?:过去|去|来|能|可以)拿/, /取货|拿货/, /哪(?:里|儿)(?:可以|能)?(?:拿|取|自提|面交|交易)/,
  ],
  shipping_cost_carrier: [
    /包邮|包不包邮/, /[运邮]费/, /快递/, /邮寄|寄(?:吗|么|不|过来|到|送)?/, /顺丰|中通|圆通|韵达|申通|极兔|德邦|ems|京东物流/, /到付/,
    /(?:邮寄|寄|快递)的?话?(?:要|需要)?加钱/,
  ],
  condition: [
    /几成新|成色|\d成新|9\d新|[六七八九]成新(?:吗|么|嘛|不)/, /划痕|刮痕|磕|碰|瑕疵|磨损|使用痕迹|新旧|外观|碎过|破损|掉漆/,
    /全新(?:吗|么|的吗|嘛|不)/, /是新的/, /用过(?:吗|么|没|不|嘛)/, /二手的还是/,
  ],
  original_receipt: [/发票|(?:购物)?小票|票据|凭证|购[买物]记录(?:截图)?|订单截图|购买截图|开票|专票|有没有票|有票/],
};

const ASK_HUMAN = /人工|真人|本人|机器人|自动回复|卖家(?:直接|亲自|本人)|(?:和|跟)卖家(?:直接)?(?:说|聊)|找卖家|客服/;

// Topics hosting cannot answer from an item's data: present anywhere, the seller answers.
const UNKNOWN_TOPICS =
  /保修|型号|尺寸|多大|多高|多宽|多长|长宽|规格|电池|续航|正品|真假|假货|花呗|信用卡|分期|换(?:吗|么|不|物)|交换|跟你换|发货|送货|送上门|配送|颜色|试用|试试|验货|验机|安装|包装|盒子|配件|说明书|质量|好用|故障|毛病|问题|微信|vx|wx|qq|电话|手机号|加我|拍下|付款|已付|付了|定金|订金|退|为什么|为啥|多久|多长时间|实拍|图片|照片|视频|几张|新疆|西藏|青海|内蒙|香港|澳门|台湾|海外|国外|偏远/;

// Words that carry no question: greetings, forms of address, particles, politeness, intent.
const FILLER =
  /亲爱的|亲|老板|卖家|你好|您好|hi|hello|哈喽|请问|宝贝|宝|姐妹|姐|哥|兄弟|同学|这个|那个|东西|现在|已经|诚心|想要|我要|我想|要了|了|的|呀|啊|哈|呢|吧|嘛|噢|哦|喔|嗯|呐|哇|么|吗|不|没|这台|这件|我|你|您|请|问|一下|就|也|都|还|能|可以|在|有|是/g;
// A question still open once the routine ones are taken out.
const QUESTION = /[?？]|吗|么|嘛|多少|几|哪|什么|啥|怎么|咋|如何|能不能|可不可以|行不行|是不是|有没有/;

function normalize(text: string): string {
  let s = fold(text).toLowerCase();
  for (const [re, to] of TYPOS) s = typeof to === 'string' ? s.replace(re, to) : s.replace(re, to);
  // Emoji, symbols and punctuation separate words; they never carry the question.
  return s
    .replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}/gu, ' ')
    .replace(/[？?]+/g, '?')
    .replace(/[\s,.!;:~…、，。！；：～"'“”‘’()（）【】]+/g, ' ')
    .trim();
}

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** "两百五" → 250, "一百二十" → 120, "八十" → 80; null when it is not a number. */
export function chineseNumber(s: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch] as number;
    else if (ch in CN_UNITS) {
      const unit = CN_UNITS[ch] as number;
      total += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
    } else return null;
  }
  // "两百五": a trailing digit after a unit is a tenth of that unit.
  if (digit !== null) total += lastUnit >= 100 ? digit * (lastUnit / 10) : digit;
  return total > 0 ? total : null;
}

const toFen = (n: string | undefined): number | null => {
  if (!n) return null;
  const yuan = /\d/.test(n) ? Number(n) : chineseNumber(n);
  return yuan !== null && Number.isFinite(yuan) && yuan > 0 && yuan < 1_000_000 ? Math.round(yuan * 100) : null;
};

/** "少20行吗", "便宜十块": the amount off, in fen. */
function discountOf(s: string): number | null {
  return toFen(s.match(new RegExp(`(?:少|便宜)${NUM}`))?.[1]);
}

/** The yuan amount in a bargain ("120出吗", "给你一百", "少20" is not a price). In fen. */
function proposedPrice(s: string): number | null {
  const m = s.match(new RegExp(`(?:给你)?${NUM}${UNIT}(?:包邮)?(?:出|卖|行|可以|成交|能出|给我)`)) ?? s.match(new RegExp(`给你${NUM}`));
  if (!m?.[1] || s.includes(`少${m[1]}`) || s.includes(`便宜${m[1]}`)) return null;
  return toFen(m[1]);
}

// A removed question leaves this mark, so its own particle and question words go with it:
// "还在吗" → "§吗", "成色怎么样" → "§怎么样", "有没有划痕" → "有没有§".
const MARK = '§';
const ASKED_AFTER = /§(?:的话)?(?:价格?|价钱)?是?(?:多少钱?|几块钱?|几|啥价?|怎么样|怎样|咋样|如何|怎么算|好不好|程度怎么样|程度如何)?(?:好|严重|明显|多|大)?[吗么嘛呢呀啊吧不没]*\??/g;
const ASKED_BEFORE = /(?:有没有|有无|什么|啥|哪个|哪家|几)(?:明显的?)?§/g;

export function readIntents(text: string): IntentReading {
  const s = normalize(text);
  const none = { intents: [] as RoutineIntent[], proposedPrice: null, discount: null };
  if (ASK_HUMAN.test(s)) return { ...none, decision: 'handover', reason: 'ask_human' };
  const covered = new Array<boolean>(s.length).fill(false);
  const found = new Set<RoutineIntent>();
  for (const intent of ORDER) {
    for (const rule of RULES[intent]) {
      for (const m of s.matchAll(new RegExp(rule.source, 'g'))) {
        found.add(intent);
        covered.fill(true, m.index, m.index + m[0].length);
      }
    }
  }
  // Every run of matched text becomes one mark.
  const rest = s.split('').map((ch, i) => (covered[i] ? MARK : ch)).join('').replace(/§+/g, MARK);
  const intents = ORDER.filter((i) => found.has(i));
  const bargain = intents.includes('bargain');
  const asked = { intents, proposedPrice: bargain ? proposedPrice(s) : null, discount: bargain ? discountOf(s) : null };
  if (UNKNOWN_TOPICS.test(s)) return { ...asked, decision: 'handover', reason: 'unknown_topic' };
  if (intents.length === 0) return { ...none, decision: 'handover', reason: 'nothing_routine' };
  if (openQuestion(rest, intents)) return { ...asked, decision: 'handover', reason: 'open_question' };
  return { ...asked, decision: 'answer', reason: null };
}

/** Whether what the rules left still asks something: a question word, or a particle of its own. */
function openQuestion(rest: string, intents: RoutineIntent[]): boolean {
  // "寄到广州多少钱", "最低多少 包邮吗": a bare 多少(钱) belongs to the price or postage asked.
  const priced = intents.some((i) => i === 'lowest_price' || i === 'bargain' || i === 'shipping_cost_carrier');
  const residue = rest.replace(ASKED_BEFORE, MARK).replace(ASKED_AFTER, ' ');
  for (const segment of residue.split(/\s+/)) {
    const words = (priced ? segment.replace(/多少钱?/g, '') : segment).replace(/\?/g, '');
    if (!words.replace(FILLER, '')) continue;
    if (QUESTION.test(priced ? segment.replace(/多少钱?/g, '') : segment)) return true;
  }
  return false;
}
