// The scam shield's rules (SPEC C7): the lures we know, by family. Each group of patterns
// shares a warning (the code the recipient sees), a family (the finer kind of lure, shown
// with the matched words so every warning says why), a weight, a view and flags.
// Matching, negation and the platform guard live in scam-shield.ts.
import type { ScamWarning } from './scam-shield.ts';

/** The finer kind of lure a rule recognises; a learned-layer hit has family "learned". */
export type Family =
  | 'phone'
  | 'messenger'
  | 'email'
  | 'other_app'
  | 'qr_code'
  | 'kouling'
  | 'invite'
  | 'deposit'
  | 'payment'
  | 'bank_card'
  | 'platform_bypass'
  | 'link';

export type Rule = {
  warning: ScamWarning;
  family: Family;
  weight: number; // contribution to the 0..100 risk score
  view: 'base' | 'compact';
  pattern: RegExp;
  negatable: boolean; // "不加微信", "不用付定金", "定金就免了" cancel the hit
  platformGuarded: boolean; // "在平台上付定金" uses our escrow (定金托管): not a lure
  historyGuarded: false | 'clause' | 'sentence'; // "微信支付的发票", "支付宝账单上": how an item was once paid, not a request
};

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

// Marketplaces and shop fronts elsewhere, including the spellings that dodge filters (某鱼).
const STORES = '闲鱼|咸鱼|某鱼|小黄鱼|转转|淘宝|手淘|某宝|tb|拼多多|pdd|抖音|抖店|某音|快手|京东|微店|得物|识货|唯品会|小红书|有赞';
// Apps with private messages, beyond WeChat and QQ (see STRONG).
const MSG_APPS = '钉钉|飞书|企业微信|企微|line|telegram|tg|whatsapp|soul|陌陌|探探|discord|signal|skype|ins|instagram|facebook|推特|twitter|微博|b站|小红书|抖音|快手|某鱼|闲鱼|咸鱼';
// Payment apps that only ever mean paying outside escrow when named in a trade.
const PAY_ONLY = 'qq钱包|云闪付|数字人民币|数币|paypal|翼支付|京东支付|微信零钱';
const BANK = '工行|农行|建行|中行|招行|交行|邮储|浦发|民生|兴业|中信|光大|广发|工商银行|农业银行|建设银行|中国银行|招商银行|交通银行|邮政储蓄|银行|储蓄|借记';
const RELATIVE = '朋友|家人|同事|老婆|老公|室友|妈|爸|女朋友|男朋友|姐|哥|弟|妹|媳妇|对象';

// Rules come in groups sharing a warning, a weight, a view and flags (n = negatable,
// g = platform-guarded, h / H = history-guarded within the clause / the sentence); one
// pattern per line, with why above it.
function group(family: Family, warning: ScamWarning, weight: number, view: Rule['view'], flags: string, sources: string[]): Rule[] {
  const negatable = flags.includes('n');
  const platformGuarded = flags.includes('g');
  const historyGuarded = flags.includes('h') ? 'clause' : flags.includes('H') ? 'sentence' : false;
  return sources.map((source) => ({
    family,
    warning,
    weight,
    view,
    pattern: new RegExp(source, 'g'),
    negatable,
    platformGuarded,
    historyGuarded,
  }));
}

export const RULES: Rule[] = [
  // An explicit id after a messenger name: "vx: abc_123", "QQ 五六七八九一二", "v13800138000".
  group('messenger', C, 50, 'compact', '', [
    `(?<![a-z])(?:${STRONG}|企鹅)(?:号码?|id|是|号是|搜|搜索)*${ID}`,
    '(?<![a-z])[vq]号?\\d{5,11}(?![0-9])',
    // "q是七位数 3355 778", "QQ号是：五六七…": a few words between the name and the number.
    `(?<![a-z])(?:${STRONG}|企鹅|q(?![a-z]|版|弹|萌))(?:号码?|id|是|号是)[^,。!?\\d]{0,4}\\d{5,11}(?![0-9])`,
    `(?:加我|私聊加|私信加|搜我|联系我)(?:好友)?${ID}`,
    // English: "add me on WhatsApp", "text me at 138…".
    `(?<![a-z])(?:add|contact|text|call|dm|message|find)me(?:on|at|via)(?:${STRONG}|line|tg|ig|ins|instagram|discord|signal|\\d{5,})`,
  ]),
  group('messenger', C, 45, 'base', '', [
    // A handle a few characters after a messenger name: "v我一下 xinxin_520", "薇❤️：lanlan_77".
    `(?:(?<![a-z])(?:v|vx|wx|qq|weixin|wechat|id|tg|telegram)(?![a-z])|${NEAR_CJK})[^\\n,。!?a-z0-9]{0,10}${HANDLE}`,
  ]),
  group('email', C, 45, 'base', '', [
    '[a-z0-9._-]{1,64}@[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){0,3}\\.(?!png|jpe?g|gif|webp)[a-z]{2,}', // e-mail, not "icon@2x.png"
  ]),
  group('messenger', C, 45, 'compact', '', [
    // "微信同号" = "my WeChat is my phone number"; "名字就是我的V" = the display name is the id.
    `(?:${STRONG}|(?<![a-z])v|电话|手机)(?:和|跟)?(?:电话|手机)?同号|同号(?:${STRONG}|v)|(?:${STRONG}|(?<![a-z])v)同(?:电话|手机)`,
    `(?:名字|昵称|用户名|id)就?是?我的?(?:${STRONG}|v)|(?:${STRONG}|v)就?是?我的?(?:名字|昵称|用户名)`,
  ]),
  // An invitation to move elsewhere, without the id itself.
  group('messenger', C, 40, 'compact', 'n', [
    `(?:${INVITE})${FILLER}(?:${STRONG})`,
    `(?:${INVITE_WEAK})${FILLER}(?:${WEAK})`,
    `(?<![a-z])(?:${STRONG})${TALK}`, // "微信聊", "vx详谈", "qq号多少", "微信视频验货"
  ]),
  group('other_app', C, 40, 'compact', 'n', [
    // "钉钉号", "soul上搜我", "Discord上找我", "WhatsApp me", "有line吗", "用Line联系".
    `(?<![a-z])(?:${MSG_APPS})(?![a-z])(?:上|里)?(?:号|id|搜(?:一下|一搜|索)?我|搜(?:我的?)?(?:号|id|名字|昵称|用户名)|私信|私我|私聊|dm|找我|联系|聊|说|发你|加|同名|见|详聊|me)`,
    `有没有(?:${MSG_APPS})(?![a-z])|有(?:${MSG_APPS})(?![a-z])(?:吗|没|么|的话|那边)|用(?:${MSG_APPS})(?![a-z])(?:比较多|联系|聊|方便|更方便)`,
    // "搜我手机号", "搜我的昵称": an account found by a detail given elsewhere.
    '搜(?:一下)?(?:我的?)(?:手机号?|电话|号码|名字|昵称|id|用户名|账号)|搜(?:手机号|电话号)(?:就能|能|可以)?找到我',
    `(?<![a-z])(?:${OTHER_APP})(?:上|里)?(?:私信|私我|私聊|搜(?!了|过|到)|找我|号|id|同名|联系|见)`,
    '飞机(?=联系|聊|号|找|搜)|那边聊|换个(?:地方|软件|app)(?!交易|买|卖|拍|付)聊?|(?:别的|其他|绿色的?)(?:软件|app)(?:上|里)?聊?',
  ]),
  group('invite', C, 40, 'compact', 'n', [
    // "v在主页", "主页有v": the id is in the profile bio.
    `(?:${STRONG}|v|联系方式|电话|联系)(?:号码?)?(?:在|见|看)(?:我的?)?(?:主页|简介|签名|头像|资料|个人页)`,
    `(?:主页|简介|签名|头像|资料)(?:上|里)?有(?:${STRONG}|v|联系方式|电话)`,
    '联系方式',
    '私下(?:聊|联系|加|沟通|详谈)|(?:私聊|私信)加(?:一下|我|个)?',
    // A second account: "我的个人号", "加我小号".
    '(?:个人|私人|工作|生活)号(?!码)|(?:加|我的?)小号',
    `(?:加|进|入|拉你进?)(?:个|我的?|一下)?(?:${STRONG}|企鹅|钉钉|飞书|tg|telegram)?群|群号`,
    '拉你进?(?:个|一个)?[^,。!?]{0,4}群|(?:钉钉|飞书|tg|telegram|企鹅|内部|买家|福利|粉丝|团购)群|群(?:二维码|码)',
    // Jishi has no friends list: "加我", "加个好友", "互加" all mean another app.
    '加我(?=$|[,!?;。、\n]|好友|一下|吧|呗|详聊|细聊|私聊|聊)|互加|加个?好友|加下好友|加一下好友',
    '(?:戳|滴滴|私|私信|私聊|找)我?(?:要|拿|领)(?:个)?(?:号|联系方式|电话|群号)|(?<!账)号(?:发你|私发|已发)|发你(?:我的?)?号',
    '(?:留|给|换|交换)(?:个|一下|下)?(?:你的?|我的?)?(?:号|联系方式|电话|手机号?)(?=吧|呗|呀|给我|$|[,!?;。、])',
  ]),
  // 朋友圈 (Moments), 公众号, QR "名片" only exist on WeChat.
  group('qr_code', C, 40, 'compact', 'n', [
    '(?:看|翻|刷|加)(?:一?下)?我的?朋友圈|朋友圈(?:里)?(?:更新|有(?!人))|(?:关注|搜索?|加)(?:一下|我的?)?(?:公众号|视频号)|(?:公众号|视频号)(?:搜|关注|上有|里有|私信|找我|同名)',
    '(?:扫|二维码|名片)[^,。!?]{0,3}加我?|(?:发|推)(?:你|我)?个?(?:二维码|名片)|扫我|(?:头像|主页|图片)(?:上|里)?的?二维码',
    '扫描?[^,。!?]{0,6}二维码[^,。!?]{0,2}(?:联系|添加|关注|进群)',
    // "我的码", "个人二维码": a QR code is an account; "我的码数" is a size.
    '(?:我的?|个人|私人)(?:微信)?(?:二维码|码)(?!数|子)|(?:发|给)你(?:个|张|一张)?(?:二维码|码)|(?:图片?|图里|图中|下面|下方)(?:上|里)?有(?:我的?)?(?:二维码|码)',
    '扫(?:了|一扫|一下|完)?(?:就|直接)?(?:加|聊|联系|进群|关注|备注|发)|扫(?:这个|我的?|图里的?|图中的?|下面的?|下方的?)?码(?:加|进(?:群|来)|关注|联系)',
    `长按(?:识别|保存|扫)|识别(?:图中|图片中?的?)?(?:二维码|码)|扫一扫[^,。!?]{0,4}(?:相册|识别)|从相册(?:选|识别)|(?:${STRONG})扫(?:一扫|这个码|码|我)`,
    '(?:二维码|码)(?:在|放在|见)(?:第.张|图|图片|主页|头像|简介)',
    '朋友圈[^,。!?]{0,4}(?:上新|实拍|更多|视频|货源|清仓|天天|每天|都是|全是)|加我?(?:一?下)?(?:看|翻)(?:我的?)?朋友圈|发在(?:我的?)?朋友圈',
  ]),

  // Deposits: the classic "先付定金" fraud; our own escrowed deposit (定金托管) is guarded.
  group('deposit', D, 40, 'compact', 'ng', [
    '(?:先|预)?(?:付|交|转|打|给|收|要|缴)?(?:个|点|一点|部分|一半|\\d+(?:元|块)?)?(?:定金|订金)',
    // A deposit asked for, not one mentioned ("押金条找不到了", "房东押金还没退").
    '(?:交|付|缴|收|给|转|打|押|先|要|需要?)[^,。!?]{0,4}(?:押金|保证金)|(?:押金|保证金)[^,。!?]{0,3}(?:\\d|[一二两三四五六七八九十百千]+[块元]|[一二两三四五六七八九十][十百千]|给我|转我|打我|交|先|按|多少|是|要|私下|可退|退你|还你|到时)',
    '诚意金|意向金|排单费|占位费|看货费|锁单|留货费|预付款?|首付|付一半|先押|押个?\\d+|(?:交|付|转|给)[^,。]{0,6}占个?位',
    '预约金|预订费|预定金|订货款|占个?坑|车马费|跑腿费|上门费|出车费|排队费|定钱|押(?:一部分|点|一点)钱?|(?:付|交|给)个?小定',
    // Paying part before seeing the goods, whatever it is called: "先付一半", "先转300".
    '先(?:付|转|打|给|交)个?(?:一半|一部分|部分|\\d+|运费|邮费|车费|路费|费用|车马费|跑腿费|上门费)',
  ]),
  group('deposit', D, 40, 'base', 'ng', ['(?:先|预)?(?:付|交|转|打)个?\\s*\\d{1,2}\\s*%']), // "%" is gone from the compact view

  // Payment outside escrow: money sent this way cannot be refunded by the 小法庭.
  group('payment', P, 35, 'compact', 'ngh', [
    '转账|转款|打款|打钱|汇款|转钱|过账|收款账[户号]|(?:转|打)(?:\\d+|钱|款|账)?过来',
    '先(?:转|打)个?(?:一半|一部分|部分|\\d+)', // 转 and 打 are transfers: "先转一半" is also a deposit
    // "微信支付可以吗？" is flagged: on Jishi the buyer pays into escrow, a seller who takes
    // WeChat Pay takes the money outside it. "平台下单能用微信支付吗" asks about checkout.
    `(?:${PAY_APP})上?(?:转|付|支付|收款|打|下单|交易|成交)|走(?:${PAY_APP}|银行卡)|(?:付款|支付|付钱|给钱)(?:就|可以|还是)?用(?:${PAY_APP})`,
    '支付宝(?=吧|可以|行|方便|吗|呢|也|还是|或|转|付|支付|收款|打|账|号|口令|红包|$|[,!?。])|zfb|收款码|付款码|收款二维码|扫码(?:付|支付|转)',
    // Scanning a stranger's code "to activate" or "to verify" is how accounts get drained.
    '扫(?:个|一下|下)?码(?:帮我?)?(?:付|支付|转|激活|验证|认证|解冻|提现|领(?!的|了|过)|退)',
    `把(?:钱|运费|邮费|定金|尾款|货款|款|费用)先?(?:给|转|打|汇)|钱(?:给|转|打)(?:给)?我?的?(?:${RELATIVE})`,
    // Other payment apps, and a transfer to the seller's own WeChat or Alipay: "付我微信".
    `${PAY_ONLY}|(?:付|转|打|给|发)(?:给)?我的?(?:${PAY_APP}|零钱)(?![a-z])|(?:支付宝|微信|vx|wx)(?:到账|零钱)`,
    '(?:现金|钱)给?我?(?:转|打)给?我|(?:转|打)[^,。]{0,5}钱给我',
    '直接(?:打款|打钱|转账?|付(?:全款|款)?给我|给我?钱|打给我)|先(?:转|打)(?:钱|款|给我|我|账)',
    '返现|返钱|代付', // cashback and "someone else pays" move money around the escrow
    // A red packet sent or asked for — not one won in a draw ("抢到红包") or a cover design.
    '(?:发|给|包|收|转)[^,。!?]{0,6}红包(?!封面)|红包(?:发|给|转)(?:我|你|过来|一下)|红包(?:过来|付|支付|转账)',
  ]),
  group('payment', P, 35, 'compact', 'g', [`(?:只收|只接受|只支持|仅收|仅支持)[^,。!?]{0,5}?(?:${PAY_APP})`]),
  // Bank cards: a transfer to a card cannot be pulled back by the 小法庭.
  group('bank_card', P, 40, 'compact', 'ngh', [
    '对公账户|个人账户|私人账户|私户|银行卡号|卡号(?:发|给|是|私发|私信)|(?<!用)户名|开户行|卡转卡|(?:网银|手机银行|银行)转(?:账|我|一下)?',
    // "打到我工行卡上", "转我建行卡", "打我卡里" — not "打卡" (clocking in).
    `(?:付|转|打|汇|存)款?(?:(?:到|进|给)(?:我|这个|我的|这张)?的?(?:${BANK})?|(?:我|这个|我的|这张)的?(?:${BANK})?|(?:${BANK}))的?(?:卡|账户|账号)(?:上|里)?(?!片|包|套|贴|槽|位|券)`,
    '(?:储蓄卡|借记卡|银行卡)号?(?:发你|给你|私发|转账|转|打)',
  ]),
  group('platform_bypass', P, 40, 'compact', 'n', [
    '私下(?:交易|转|付|给|买|卖|出|成交|来|收)|线下(?:交易|转账|付款?)',
    '(?:私下|线下)(?=$|[,!?;。、\\n]|的话|可以|更|便宜|价|才)|走个?(?:私单|私下|线下)|私单', // "只能私下": the price is the bait
    '另外(?:交易|付|转)|单独(?:交易|付)|取消订单[^。!?]{0,8}(?:交易|付|转)|去我的?(?:淘宝|网)?店铺?(?:拍|下单|买)',
    '那边(?:拍(?!照|的|摄|视频)|下单|交易|付款?)|换个(?:地方|软件|app|平台)(?:交易|买|卖|拍|付)',
    '(?:换个|换种|别的|其他)(?:方式|渠道)(?:付|支付|给钱|转)',
    // Moving the deal to another marketplace ("走闲鱼") leaves our escrow and our jury behind.
    '(?:走|去|来|上|到|直接)(?:闲鱼|咸鱼|转转|淘宝|拼多多|pdd)(?!看|查|比|问|买的|上买的|上看)',
    '(?:闲鱼|咸鱼|转转|淘宝|拼多多)上?(?:交易|下单|拍吧|聊|见|找我|搜(?:店|我|id))',
  ]),
  // "淘宝链接": a listing elsewhere — unless the sentence says the item was bought there.
  group('other_app', P, 40, 'compact', 'nH', ['(?:闲鱼|咸鱼|转转|淘宝|拼多多|京东)上?的?链接']),
  // Another app's shop: "去我的拼多多店铺拍", "来我直播间下单", "京东上我开了个店".
  group('other_app', P, 40, 'compact', 'n', [
    `(?:去|来|到|上|在|进)(?:我的?)?(?:${STORES})(?:上|里)?的?(?:小店|店铺|网店|店|直播间|橱窗)(?![^,。!?]{0,2}(?:买的|买过|买了|看到|关了|关门))|(?:去|来|到|进)我的?(?:直播间|网店|小店|微店|抖店)`,
    `(?:${STORES})(?:小店|店铺|店|直播间)?(?:上|里)?(?:拍(?!的|照|过|了)|下单(?!的|过|了)|付款?(?!的|过|了)|成交|交易)`,
    `(?:${STORES})上?(?:我)?(?:开了?|有)(?:个|家)?(?:我的?)?(?:店|小店|店铺)|(?:${STORES})店铺?(?:搜|名)`,
    // Listed elsewhere too ("挂在拼多多了"), or sold in a live stream ("直播的时候拍").
    `(?<!之前|以前|原来|一直)(?:挂|上架|发布|放)(?:在|到)(?:${STORES})(?![^,。!?]{0,4}(?:没人|卖不|不好卖|好久))|直播(?:间|的时候)?(?:里|上)?(?:拍|下单|抢|买)(?!的|过|了)`,
  ]),
  // Talking the platform down is the lure itself, so these are never guarded or negated.
  group('platform_bypass', P, 45, 'compact', '', [
    '(?:不走|不通过|不用|别走|不在|别在|绕过|绕开|脱离|跳过|离开)(?:平台|担保|托管)|平台以?外(?!观|形|壳)|出平台',
    `省(?:个|点|掉|了)?(?:平台)?的?(?:手续费|服务费|抽成)|(?:手续费|抽成)太(?:高|贵|多)|${PLATFORM_FEE}`,
    '(?<![a-z])v我\\d+', // "V我50" = "send me 50 on WeChat"
    '平台[^。!?]{0,8}(?:长|慢|麻烦|磨叽|墨迹|复杂|繁琐)[^。!?]{0,10}(?:转|打|付|给)(?:给)?(?:我|钱)',
  ]),

  // Links: phishing pages and fake "payment links" live off-platform; items are shared as cards.
  group('link', L, 40, 'base', '', [
    `(?:https?://|www\\.)${URL_CHARS}`,
    `(?<![a-z0-9])(?:t\\.cn|bit\\.ly|dwz\\.cn|url\\.cn|suo\\.im|tinyurl\\.com|goo\\.gl|is\\.gd|t\\.co|s\\.id|rb\\.gy|cutt\\.ly)/(?:${URL_CHARS})?`,
    `(?<![a-z0-9@._-])[a-z0-9][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,63}){0,3}\\.(?:${TLD})(?![a-z0-9])`,
    // "abc点com", "abc 。cn": a dot spelled out; the name must hold a letter ("3点cn" is no site).
    '(?<![a-z0-9])(?=[a-z0-9-]{0,62}[a-z])[a-z0-9-]{1,63}\\s{0,3}(?:点|。|dot)\\s{0,3}(?:com|cn|top|net|xyz|vip|cc)(?![a-z])',
  ]),
  group('link', L, 35, 'compact', '', ['(?<![a-z])(?:https?|www)(?=[a-z0-9]{3})']), // "h t t p s : / /" spaced out
  group('link', L, 35, 'compact', 'nH', ['(?:淘宝|闲鱼|拼多多|京东)上?的?链接']),
  group('link', L, 35, 'compact', 'n', [
    '(?:点击|点开|点|戳|打开|复制|访问)(?:这个|下面的?|我的?|我发的|一下)?(?:链接|网址)|复制网址|(?:发|给|复制|打开|访问|输入|进|这个|下面的?)(?:个|你|一下)?网址|网址(?:是|发|在|给)|(?:购买|下单)(?:地址|链接)',
    '小程序|蓝字|链接(?:付款|支付|下单|领取|登录|填写)|(?:付款|支付|收款|领取|退款|理赔)链接|淘口令',
    // Pages rather than links: "戳我发的网页", "付款页面发你", "打开这个H5", "购买入口".
    '(?:打开|点开|点进|进入|戳|发你|发给你)[^,。!?]{0,6}(?:网页|页面|h5|入口)|(?:网页|h5)(?:版|链接|地址|下单|付款|领取|填写)|(?:付款|支付|领取|退款|下单|购买)(?:页面|网页|入口)',
    '链接(?:在|放)(?:我的?)?(?:简介|主页|签名|评论区|置顶)|主页挂了?[^,。!?]{0,4}(?:链接|地址|网店)|网店地址',
  ]),
  // 口令: a code pasted into another app opens its shop, its share, or its red packet.
  group('kouling', L, 40, 'base', '', [
    '[¥$€₤£₴₳₰₵₩](?=[a-z0-9]*[a-z])[a-z0-9]{6,14}[¥$€₤£₴₳₰₵₩]',
    '(?<![0-9])\\d{1,2}(?:\\.\\d{1,2})?\\s?[a-z0-9]{0,5}\\s?[:：]/', // a share code: "8:/", "3.08 zTm:/"
  ]),
  group('kouling', L, 40, 'compact', 'n', [
    `复制[^。!?]{0,14}(?:打开|去|到)(?:手机)?(?:${STORES}|dou音|app|支付宝)`,
    '(?:淘|复制|搜|粘贴|发你个?|给你个?)口令|口令(?:已发|发你|复制|打开)',
  ]),
  group('kouling', P, 40, 'compact', 'n', ['吱口令']),
].flat();
