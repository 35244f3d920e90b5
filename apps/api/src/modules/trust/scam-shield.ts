// Scam shield (SPEC C7): flags off-platform lures in chat messages, comments and notes —
// contact details (WeChat / QQ / phone), deposits, payment outside escrow, links. Pure:
// no I/O, no state. The caller attaches `warnings` to the delivered message (API "Chat");
// nothing is ever dropped, so a false alarm costs a warning banner, a miss costs a member
// their money. Rules are kept narrow anyway: a shield that cries wolf on "周六自提" is ignored.
//
// Most rules run on the compact view (see scam-shield-normalize.ts), where "加 V", "微.信"
// and "v❤信" all read as one word. Phone numbers are found on digit runs, links on the
// base view (their dots matter).
import { type NumberKind, readNumbers, toBase, toCompact, type View } from './scam-shield-normalize.ts';

export type ScamWarning = 'off_platform_contact' | 'deposit_request' | 'external_payment' | 'suspicious_link';
export type ScamMatch = { warning: ScamWarning; text: string };
export type ScamScan = { warnings: ScamWarning[]; score: number; matches: ScamMatch[] };

type Rule = {
  warning: ScamWarning;
  weight: number; // contribution to the 0..100 risk score
  view: 'base' | 'compact';
  pattern: RegExp;
  negatable: boolean; // "不加微信", "不用付定金", "定金就免了" cancel the hit
  platformGuarded: boolean; // "在平台上付定金" uses our escrow (定金托管): not a lure
};
type Hit = { warning: ScamWarning; weight: number; from: number; to: number }; // original text range

const C = 'off_platform_contact';
const D = 'deposit_request';
const P = 'external_payment';
const L = 'suspicious_link';

// Names of WeChat / QQ / other messengers that mean nothing else in trade talk, with the
// homophones used to dodge filters (薇信, 威信, 徽信, 绿泡泡 = WeChat's green bubble, 扣扣 = QQ).
const STRONG =
  '微信|威信|薇信|徽信|维信|卫信|微芯|薇芯|微x|v信|vx|wx|weixin|wechat|绿泡泡|绿色泡泡|扣扣|qq|q号|企鹅号|飞机号|telegram|whatsapp';
// Short or ambiguous names that only mean "contact me elsewhere" right after an invitation:
// "手机" is also a product, "企鹅" a plush toy, "微" starts 微波炉 and 微单, "vivo" is a brand.
const CJK_TAIL = '(?=$|[^\\u4e00-\\u9fff]|[我你吧呗呀啊哦聊详私同号])';
const WEAK = `v(?!ip|ivo|lo)|q(?![a-z]|版|弹|萌)|邮箱|(?:微|薇|威)${CJK_TAIL}|卫星|企鹅|电话|手机号|联系方式|tel|飞机|tg|钉钉`;
const INVITE = '加|\\+|添加|互加|留|留下|给|给个|发|发个|换|换个|找|搜|有|私聊加|私信加';
const INVITE_WEAK = '加|\\+|添加|互加|来|留|留个|留下|给个|发|发个|换个|私聊加|私信加|打我';
const FILLER = '(?:一?下|个|一个)?(?:我|你)?的?';
// A WeChat id is 6–20 letters/digits starting with a letter (we accept 5+); QQ numbers are 5–11 digits.
const ID = '(?:[a-z][a-z0-9_-]{4,19}|\\d{5,11}(?![0-9]))';
// A handle that cannot be an English word: it holds a digit or an underscore ("lanlan_77").
const HANDLE = '(?<![a-z0-9_])(?=[a-z0-9_-]*[0-9_])[a-z][a-z0-9_-]{4,19}(?![a-z0-9_-])';
// Words after which a handle is an account elsewhere: fake "客服" and "小助手" accounts included.
const NEAR_CJK = '微信|薇|(?:微|威)(?![\\u4e00-\\u9fff])|加我|好友|扣扣|飞机|客服|助手|助理';
// Other apps with private messages: "小红书私信我", "抖音搜我号", "闲鱼同名".
const OTHER_APP = '小红书|抖音|快手|微博|b站|ins|ig|推特|闲鱼|咸鱼|转转';
const TALK =
  '(?:上|里)?(?:聊|详谈|细聊|联系|沟通|谈|交流|私聊|发你|发我|给我|找我|多少|号多少|号是多少|号码|号发|见|视频|语音|电话)';
const PAY_APP = '微信|vx|wx|v|支付宝|zfb';
// "平台要扣6%", "平台会扣服务费": the fee is the excuse for paying outside.
const PLATFORM_FEE = '平台(?:会|要)(?:扣|抽|收)|平台(?:扣|抽)(?:手续费|服务费|钱|点|成|\\d)';
// URL characters, so a link followed directly by Chinese text or a bracket stops there.
const URL_CHARS = "[a-z0-9\\-._~:/?#@!$&'*+,;=%]+";
const TLD =
  'com|cn|top|net|xyz|vip|cc|shop|club|site|online|icu|link|me|io|org|info|wang|ink|ltd|pro|fun|store|app|live|tk';

// Rules come in groups sharing a warning, a weight, a view and flags (n = negatable,
// g = platform-guarded); one pattern per line, with why it exists above it.
function group(warning: ScamWarning, weight: number, view: Rule['view'], flags: string, sources: string[]): Rule[] {
  const negatable = flags.includes('n');
  const platformGuarded = flags.includes('g');
  return sources.map((source) => ({
    warning,
    weight,
    view,
    pattern: new RegExp(source, 'g'),
    negatable,
    platformGuarded,
  }));
}

const RULES: Rule[] = [
  // An explicit id after a messenger name: "vx: abc_123", "QQ 五六七八九一二", "v13800138000".
  group(C, 50, 'compact', '', [
    `(?<![a-z])(?:${STRONG}|企鹅)(?:号码?|id|是|号是|搜|搜索)*${ID}`,
    '(?<![a-z])[vq]号?\\d{5,11}(?![0-9])',
    `(?:加我|私聊加|私信加|搜我|联系我)(?:好友)?${ID}`,
  ]),
  group(C, 45, 'base', '', [
    // A handle a few characters after a messenger name: "v我一下 xinxin_520", "薇❤️：lanlan_77".
    `(?:(?<![a-z])(?:v|vx|wx|qq|weixin|wechat|id|tg|telegram)(?![a-z])|${NEAR_CJK})[^\\n,。!?a-z0-9]{0,10}${HANDLE}`,
    '[a-z0-9._-]{1,64}@[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){0,3}\\.(?!png|jpe?g|gif|webp)[a-z]{2,}', // e-mail, not "icon@2x.png"
  ]),
  group(C, 45, 'compact', '', [
    // "微信同号" = "my WeChat is my phone number"; "名字就是我的V" = the display name is the id.
    `(?:${STRONG}|(?<![a-z])v|电话|手机)(?:和|跟)?(?:电话|手机)?同号|同号(?:${STRONG}|v)|(?:${STRONG}|(?<![a-z])v)同(?:电话|手机)`,
    `(?:名字|昵称|用户名|id)就?是?我的?(?:${STRONG}|v)|(?:${STRONG}|v)就?是?我的?(?:名字|昵称|用户名)`,
  ]),
  // An invitation to move elsewhere, without the id itself.
  group(C, 40, 'compact', 'n', [
    `(?:${INVITE})${FILLER}(?:${STRONG})`,
    `(?:${INVITE_WEAK})${FILLER}(?:${WEAK})`,
    `(?<![a-z])(?:${STRONG})${TALK}`, // "微信聊", "vx详谈", "qq号多少", "微信视频验货"
    `(?<![a-z])(?:${OTHER_APP})(?:上|里)?(?:私信|私我|私聊|搜|找我|号|id|同名|联系|见)`,
    '飞机(?=联系|聊|号|找|搜)|那边聊|换个(?:地方|软件|app)(?!交易|买|卖|拍|付)聊?|(?:别的|其他|绿色的?)(?:软件|app)(?:上|里)?聊?',
    // "v在主页", "主页有v": the id is in the profile bio.
    `(?:${STRONG}|v|联系方式|电话|联系)(?:号码?)?(?:在|见|看)(?:我的?)?(?:主页|简介|签名|头像|资料|个人页)`,
    `(?:主页|简介|签名|头像|资料)(?:上|里)?有(?:${STRONG}|v|联系方式|电话)`,
    '联系方式',
    // 朋友圈 (Moments), 公众号, QR "名片" only exist on WeChat.
    '(?:看|翻|刷|加)(?:一?下)?我的?朋友圈|朋友圈(?:更新|有|里有)|公众号|视频号',
    '(?:扫|二维码|名片)[^,。!?]{0,3}加我?|(?:发|推)(?:你|我)?个?(?:二维码|名片)|扫我|(?:头像|主页|图片)(?:上|里)?的?二维码',
    '扫描?[^,。!?]{0,6}二维码[^,。!?]{0,2}(?:联系|添加|关注|进群)',
    '私下(?:聊|联系|加|沟通|详谈)',
    `(?:加|进|入|拉你进?)(?:个|我的?|一下)?(?:${STRONG}|企鹅)?群|群号`,
  ]),

  // Deposits: the classic "先付定金" fraud; our own escrowed deposit (定金托管) is guarded.
  group(D, 40, 'compact', 'ng', [
    '(?:先|预)?(?:付|交|转|打|给|收|要|缴)?(?:个|点|一点|部分|一半|\\d+(?:元|块)?)?(?:定金|订金)',
    '押金|保证金|诚意金|意向金|排单费|占位费|看货费|锁单|留货费|预付款?|首付|付一半|先押|押个?\\d+|(?:交|付|转|给)[^,。]{0,6}占个?位',
    // Paying part before seeing the goods, whatever it is called: "先付一半", "先转300".
    '先(?:付|转|打|给|交)个?(?:一半|一部分|部分|\\d+|运费|邮费|车费|路费|费用)',
  ]),
  group(D, 40, 'base', 'ng', ['(?:先|预)?(?:付|交|转|打)个?\\s*\\d{1,2}\\s*%']), // "%" is gone from the compact view

  // Payment outside escrow: money sent this way cannot be refunded by the 小法庭.
  group(P, 35, 'compact', 'ng', [
    '转账|转款|打款|打钱|汇款|转钱|过账|收款账[户号]|(?:转|打)(?:\\d+|钱|款|账)?过来',
    '先(?:转|打)个?(?:一半|一部分|部分|\\d+)', // 转 and 打 are transfers: "先转一半" is also a deposit
    // "微信支付可以吗？" is flagged: on Jishi the buyer pays into escrow, a seller who takes
    // WeChat Pay takes the money outside it. "平台下单能用微信支付吗" asks about checkout.
    `(?:${PAY_APP})上?(?:转|付|支付|收款|打|下单|交易|成交)|走(?:${PAY_APP}|银行卡)`,
    '支付宝(?=吧|可以|行|方便|吗|呢|也|还是|或|转|付|支付|收款|打|账|号|口令|红包|$|[,!?。])|zfb|收款码|付款码|收款二维码|扫码(?:付|支付|转)',
    '对公账户|个人账户|私人账户|私户|银行卡号|卡号(?:发|给|是)|(?:付|转|打|汇)款?(?:到|进)?(?:我|这个|我的)?(?:银行卡|卡上|卡里|账户|账号)',
    // Scanning a stranger's code "to activate" or "to verify" is how accounts get drained.
    '扫(?:个|一下|下)?码(?:帮我?)?(?:付|支付|转|激活|验证|认证|解冻|提现|领|退)',
    '把(?:钱|运费|邮费|定金|尾款|货款|款|费用)先?(?:给|转|打|汇)|钱(?:给|转|打)我?(?:朋友|家人|同事|老婆|老公)',
    '(?:现金|钱)给?我?(?:转|打)给?我|(?:转|打)[^,。]{0,5}钱给我',
    '直接(?:打款|打钱|转账?|付(?:全款|款)?给我|给我钱|打给我)|先(?:转|打)(?:钱|款|给我|我|账)',
    '返现|返钱|代付', // cashback and "someone else pays" move money around the escrow
    '(?:发|给|包|收|转)?(?:个|我)?红包(?!封面)',
  ]),
  group(P, 35, 'compact', 'g', [`(?:只收|只接受|只支持|仅收|仅支持)[^,。!?]{0,5}?(?:${PAY_APP})`]),
  group(P, 40, 'compact', 'n', [
    '私下(?:交易|转|付|给|买|卖|出|成交|来|收)|线下(?:交易|转账|付款?)',
    '(?:私下|线下)(?=$|[,!?;。、\\n]|的话|可以|更|便宜|价|才)|走个?(?:私单|私下|线下)|私单', // "只能私下": the price is the bait
    '另外(?:交易|付|转)|单独(?:交易|付)|取消订单[^。!?]{0,8}(?:交易|付|转)|去我的?(?:淘宝|网)?店铺?(?:拍|下单|买)',
    '那边(?:拍(?!照|的|摄|视频)|下单|交易|付款?)|换个(?:地方|软件|app|平台)(?:交易|买|卖|拍|付)',
    '(?:换个|换种|别的|其他)(?:方式|渠道)(?:付|支付|给钱|转)',
    // Moving the deal to another marketplace ("走闲鱼") leaves our escrow and our jury behind.
    '(?:走|去|来|上|到|直接)(?:闲鱼|咸鱼|转转|淘宝|拼多多|pdd)(?!看|查|比|问|买的|上买的|上看)',
    '(?:闲鱼|咸鱼|转转|淘宝|拼多多)上?(?:交易|下单|拍吧|链接|聊|见|找我|搜(?:店|我|id))',
  ]),
  // Talking the platform down is the lure itself, so these are never guarded or negated.
  group(P, 45, 'compact', '', [
    '(?:不走|不通过|不用|别走|不在|别在|绕过|绕开|脱离|跳过|离开)(?:平台|担保|托管)|平台以?外(?!观|形|壳)|出平台',
    `省(?:个|点|掉|了)?(?:平台)?的?(?:手续费|服务费|抽成)|(?:手续费|抽成)太(?:高|贵|多)|${PLATFORM_FEE}`,
    '(?<![a-z])v我\\d+', // "V我50" = "send me 50 on WeChat"
  ]),

  // Links: phishing pages and fake "payment links" live off-platform; items are shared as cards.
  group(L, 40, 'base', '', [
    `(?:https?://|www\\.)${URL_CHARS}`,
    `(?<![a-z0-9])(?:t\\.cn|bit\\.ly|dwz\\.cn|url\\.cn|suo\\.im|tinyurl\\.com|goo\\.gl|is\\.gd|t\\.co|s\\.id|rb\\.gy|cutt\\.ly)/(?:${URL_CHARS})?`,
    `(?<![a-z0-9@._-])[a-z0-9][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,63}){0,3}\\.(?:${TLD})(?![a-z0-9])`,
    // "abc点com", "abc 。cn": a dot spelled out; the name must hold a letter ("3点cn" is no site).
    '(?<![a-z0-9])(?=[a-z0-9-]{0,62}[a-z])[a-z0-9-]{1,63}\\s{0,3}(?:点|。|dot)\\s{0,3}(?:com|cn|top|net|xyz|vip|cc)(?![a-z])',
  ]),
  group(L, 35, 'compact', '', ['(?<![a-z])(?:https?|www)(?=[a-z0-9]{3})']), // "h t t p s : / /" spaced out
  group(L, 35, 'compact', 'n', [
    '(?:点击|点开|点|戳|打开|复制|访问)(?:这个|下面的?|我的?|我发的|一下)?(?:链接|网址)|复制网址|网址|(?:购买|下单)(?:地址|链接)',
    '(?:淘宝|闲鱼|拼多多|京东)链接|小程序|链接(?:付款|支付|下单|领取|登录|填写)|(?:付款|支付|收款|领取|退款|理赔)链接|淘口令',
  ]),
].flat();

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
  /平台[^,。!?]{0,3}?(?:付|支付|转|下单|拍|担保|托管|交易|买|结算|支持|收|定金|订金|订单|红包|优惠|保证金|押金|钱包|余额)|(?:付|转|交|存)[^,。!?]{0,3}平台|(?<!支付宝|微信|vx|wx|zfb|第三方)(?:担保|托管)|订单(?:页|里|详情)/g;

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

function ruleHits(rule: Rule, view: View): Hit[] {
  const hits: Hit[] = [];
  for (const m of view.text.matchAll(rule.pattern)) {
    const from = m.index;
    const to = from + m[0].length;
    if (rule.negatable && isNegated(view.text, from, to)) continue;
    if (rule.platformGuarded && usesPlatform(sentenceOf(view.text, from))) continue;
    hits.push({ warning: rule.warning, weight: rule.weight, from: view.start[from] ?? 0, to: view.end[to - 1] ?? 0 });
  }
  return hits;
}

// Phone and landline numbers are contact details; a bank card number is an invitation to pay.
const NUMBER_WEIGHT: Record<NumberKind, [ScamWarning, number]> = {
  mobile: [C, 50],
  landline: [C, 45],
  hotline: [C, 45],
  bank_card: [P, 40],
};

function numberHits(base: View): Hit[] {
  return readNumbers(base).map(({ kind, from, to }) => {
    const [warning, weight] = NUMBER_WEIGHT[kind];
    return { warning, weight, from: base.start[from] ?? 0, to: base.end[to - 1] ?? 0 };
  });
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

export function scanText(text: string): ScamScan {
  const base = toBase(text);
  const compact = toCompact(base);
  const views = { base, compact };
  const raw = [...numberHits(base), ...RULES.flatMap((rule) => ruleHits(rule, views[rule.view]))];
  const hits = mergeHits(raw);
  const warnings = ORDER.filter((w) => hits.some((h) => h.warning === w));
  const matches = hits.map((h) => ({ warning: h.warning, text: text.slice(h.from, h.to) }));
  return { warnings, score: scoreOf(hits, warnings), matches };
}
