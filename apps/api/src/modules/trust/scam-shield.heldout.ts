// Held-out report set for the scam shield (SPEC C7, issue 9 item 9). Written in one sitting
// BEFORE the learned layer and the new rules existed, and committed before any tuning. It is
// never trained on, and no rule or threshold may be chosen by looking at it: it only reports.
// Tuning examples live in scam-shield.tuning.ts; the model trains on those and on
// scam-shield.eval.ts. A lure here is worded after the families the rules missed: other apps
// and stores, QR codes, 口令, numbers spelled or spaced out, bank cards, deposits and payment
// outside escrow, links, invitations. Ordinary messages deliberately mention the same things
// innocently (apps an item was bought on, a QR code on the box, a bank card at checkout).
// `family` names the family a lure belongs to, or, for an ordinary message, the trap it holds
// ('plain' when it holds none), so misses and false alarms can be reported per family.
// Phone and card numbers are fictional.
//
// Round 1. Measured once, at 2b9342e: recall 92/98 = 93.9%, false alarms 3/147 = 2.04% (one
// over the ceiling). Its misses and false alarms were then read and the rules fixed where the
// fix generalised, so it no longer measures unseen wording; it is never trained on. The report
// set of record is round 3 (scam-shield.heldout3.ts); round 2 is in scam-shield.heldout2.ts.
import type { ScamWarning } from './scam-shield.ts';

export type Family =
  | 'other_app'
  | 'qr_code'
  | 'kouling'
  | 'number'
  | 'bank_card'
  | 'deposit'
  | 'payment'
  | 'link'
  | 'invite'
  | 'plain';
export type LabelledCase = { text: string; expect: ScamWarning[]; family: Family };

const C: ScamWarning = 'off_platform_contact';
const D: ScamWarning = 'deposit_request';
const P: ScamWarning = 'external_payment';
const L: ScamWarning = 'suspicious_link';

const lure = (family: Family, expect: ScamWarning[], ...texts: string[]): LabelledCase[] =>
  texts.map((text) => ({ text, expect, family }));
const ordinary = (family: Family, ...texts: string[]): LabelledCase[] => texts.map((text) => ({ text, expect: [], family }));

export const HELDOUT_LURES: LabelledCase[] = [
  // Another app's store or messenger.
  ...lure('other_app', [P], '我在闲鱼也挂了，你去那边拍，我那边好评多', '转转上搜"阿杰数码"，那边可以验机再付', '拼多多有我的店，同款便宜二十，你去那下单', '这个要去我抖音小店下单，平台这边没上架', '去我快手直播间，上车价更低', '咸鱼上我有个同款链接，你在那边付就行', '我淘宝店里拍吧，店里包邮还送膜'),
  ...lure('other_app', [C], '抖音号 ajie_shuma 私信我发视频', '小红书号：8823341907，评论区不方便说', '钉钉搜一下我，名字叫李明杰，发你报价单', 'tg上找我，用户名在我签名里', 'WhatsApp me，这边消息我不常看', '有line吗？我用line比较多', '钉钉群里有团购，进群拼单更便宜'),

  // QR codes: to add a contact, or to pay.
  ...lure('qr_code', [C], '二维码我放在第三张图了，扫了加好友', '朋友圈有更多实拍，扫码加一下', '把我的二维码截图，微信里长按识别', '扫这个码进群，群里天天有特价', '商品详情最后一张是我的码，扫一扫就能联系到我', '朋友圈天天上新，加了就能看', '图里的二维码是我的个人号，有问题直接扫', '长按识别图中二维码，添加卖家好友'),
  ...lure('qr_code', [P], '我发张收款码截图给你，扫码付就行', '你扫一下我的付款二维码，钱直接到我这'),

  // 口令: a code copied into another app opens its store or its red packet.
  ...lure('kouling', [L], '复制这段口令打开淘宝：￥Xy7K9pQ2￥', '￥AbCd1234￥ 复制后打开手淘即可下单', '淘口令发你了，复制到淘宝就能看到', '长按复制这条信息，打开👉拼多多👈 即可拼单', '复制口令 8:/ 【同款低价】 打开抖音查看', '€ZmPq38k€ 打开闲鱼就能看到我的宝贝', '8.97 复制打开抖音，看看【阿杰数码的作品】 https://v.douyin.com/iJxR8', '口令：/pXk29Lm/ 复制去转转搜'),
  ...lure('kouling', [P], '给你个口令，复制打开支付宝领红包抵扣'),

  // Numbers of any length, spelled, spaced, with emoji or Chinese numerals.
  ...lure('number', [C], '联系我 一 三 八 零 零 一 三 八 零 零 零', '电话：幺叁玖 零零零零 壹贰叁肆', '我的扣扣 五 零 九 八 七 六 五 四', '打我🤙 1️⃣3️⃣9️⃣ 8️⃣8️⃣8️⃣8️⃣ 0️⃣0️⃣0️⃣0️⃣', '号码 186 ➖ 0000 ➖ 2222，下午都在', '一八八，一二三四，五六七八，找陈先生', 'Q：八八六六四四二二 备注集市', '加我：一五九～二二二二～三三三三', '我手机尾号是2468，前面是137 0000', '滴滴我 1🌸3🌸8🌸0🌸0🌸1🌸3🌸8🌸0🌸0🌸0', '我的q是七位数 3355 778', '企鹅号：玖捌柒陆伍肆叁贰壹', 'Tel：(021) 5555 1234'),

  // Bank cards and transfers to a card.
  ...lure('bank_card', [P], '钱打到我银行卡上就行，卡号发你', '建设银行 6217 0012 3456 7890 123 户名王芳', '转账到卡：6228 4800 1234 5678 910', '我给你个农行卡号，你用手机银行转', '直接转到我卡里吧，没有手续费', '卡号 陆贰贰贰 零零零零 壹贰叁肆 伍陆柒捌 玖零壹', '工行的卡，尾号3456，户名张伟，打这张', '你网银转我，我把开户行和卡号发你', '钱汇到这张卡 6216 6100 0001 2345 678'),

  // Deposits outside escrow.
  ...lure('deposit', [D], '想要的话先押200在我这，验完货退你', '押金按原价收，还回来的时候扣折旧费', '定金给我了才安排师傅上门拆装', '先付订金100，不付不给留', '交个押金就能先拿回去试用三天', '付两成定金，剩下八成面交结清', '订金不多，就50，转了我就给你下架', '要预定的先交预订费', '看货前先付个跑腿费20'),
  ...lure('deposit', [D, P], '留货要交定金，微信转我30', '诚心要就先打点钱过来占个坑'),

  // Payment outside escrow.
  ...lure('payment', [P], '你直接支付宝转我，我这边马上发', '微信转账给我吧，比平台快', '红包发我就行，188', '别在平台拍了，麻烦，直接转我', '给我转个账，我这就给你寄', '付款用微信吧，平台我不太会用', '你扫我支付宝就行', '直接PayPal给我也行', '用云闪付转我吧，不收手续费', '钱给我老婆的支付宝，她管账', '平台收款到账太慢，你微信付我', '发个专属红包给我，我立刻发货'),

  // Links, spelled or not.
  ...lure('link', [L], '看这里有更多图：jsshuma.net/p/882', '点这个 https://shorturl.at/kLm29 领取运费补贴', '戳我主页的链接进店', '复制 www.jishi-service.cc 到浏览器，填写退款信息', '二手群的小程序里下单更便宜，我发你', '打开这个网页付款：pay点jishi-help点top', '登录 jishi-vip.online 验证身份才能退款', '链接在评论区第一条，点进去拍', '点蓝字进入官方店铺'),
  ...lure('link', [L, P], '退款需要你点一下我发的链接填银行卡信息'),

  // Invitations to move the talk elsewhere.
  ...lure('invite', [C], '滴滴我，换个地方聊细节', '加我好友，这里发不了视频', '私聊加一下，备注"书架"', '有意加我，私下细聊', '加我一下，号就是我的昵称', '滴滴我要个联系方式', '宝子们想要的私我拿号', '你先加我，我拉你进买家群', '来找我，我在隔壁软件同名', '加个好友吧，以后出东西先通知你'),
];

export const HELDOUT_ORDINARY: LabelledCase[] = [
  ...ordinary('plain', '180出，可小刀', '最低150，不能再少了', '两件一起拿给你算260', '原价1299，现在799包邮', '这个价格含运费吗', '能不能便宜二十，学生党', '不议价哈，已经很便宜了', '打包价500，单出的话贵一点', '九块九包邮，不退不换', '刚降价了，现在拍最划算'),
  ...ordinary('plain', '95新，屏幕无划痕，边框有一点点磨损', '几成新？有没有磕碰', '八成新，功能全好', '鞋码43，脚宽的建议大一码', '衣长68，胸围110，oversize版型', '床是1.8米的，床垫另算', '书架五层，高度大概一米八', '穿过两三次，洗过一次', '全新未拆封，塑封还在', '外观九成新，电池健康86%'),
  ...ordinary('plain', '可以来五道口地铁站A口自提', '周末在家，上午十点以后都可以来拿', '我在望京SOHO上班，午休时间可以面交', '自提地点在学校东门快递站旁边', '你到了小区门口给我发消息，我下来', '太重了不包邮，只能自提', '明天晚上八点前都在宿舍', '同城可以送，五公里以内免费'),
  ...ordinary('number', 'iPhone 13 128G 午夜色，国行，无维修', '小米13 Ultra 16+512，送原装壳', '华为Mate 60 Pro 12+512 雅川青', '型号是 MQ6X3CH/A，可以官网查保修', 'OPPO Reno 11 12+256', 'iPad Pro 11寸 2021 M1 128G WiFi版', '索尼 WH-1000XM4 降噪耳机', '戴森 V12 吸尘器，配件齐全', '佳能 EOS R6 快门数一万二', 'Kindle Paperwhite 5 第11代 8G', '红米 Note 12 Turbo 16+1T', '序列号 F2LXK3QJHG7F，可以查激活日期', '货号 DV1234-100，尺码42.5', 'ISBN 978-7-02-000220-7', '显卡 RTX 4070 Ti 12G，2023年8月购入'),
  ...ordinary('number', '一共12本，少一本第三册', '5月20号之前能发货吗', '库存还有3个，拍下备注颜色', '2024年3月买的，发票在', '保修到2026年1月15日', '周三周四都可以，下午两点到五点', '一箱24瓶，保质期到明年6月', '订单号 240312093015882013 麻烦查一下', '取件码 3-6-2208', '顺丰单号 SF1403829384756', '身高一米七二，体重一百三十斤，穿L', '一二楼之间的楼梯有点窄', '三四五六月都穿得上', '房间号1302，到了按门铃', '楼号 12栋 3单元 501', '快递柜取件码 88125633', '车牌号京A·12345，在楼下等你', '电话号码已经改成新的了，订单里能看到', '快递员电话一直打不通'),
  ...ordinary('other_app', '在拼多多百亿补贴买的，用了两个月', '这个是淘宝店买的，有购买记录可以截图', '闲鱼上同款卖得比我贵', '转转回收才给三百，所以放这里卖', '抖音上看到很多人推荐这款', '小红书上有人说这款容易断，你的有没有问题', '我们公司钉钉打卡用的，这个手机很流畅', 'Telegram我不用，平台聊就行', '家里人用WhatsApp跟国外亲戚视频，所以买了这个平板', 'LINE FRIENDS的布朗熊玩偶，正版', '京东自营买的，可以开发票', '快手上买的，质量一般所以转了', '之前挂在闲鱼没人要，来这试试'),
  ...ordinary('qr_code', '包装背面的二维码可以扫码验真', '说明书上有二维码，扫了能看安装视频', '门禁要扫码登记，到了我下来接你', '停车场扫码缴费，停半小时免费', '朋友圈看到我同事也在卖这个', '这件是给朋友圈的朋友代问的', '电子保修卡扫二维码激活就行，我已经激活了'),
  ...ordinary('kouling', '密码锁的初始密码是123456，记得改', '游戏兑换码已经用过了，只剩实体卡', 'Wi-Fi 密码写在路由器底部', '这个游戏机的账号已经注销了'),
  ...ordinary('bank_card', '付款的时候银行卡扣款失败了，我换余额试试', '平台提现到银行卡要多久？', '我绑定的银行卡过期了，明天再付', '这个钱包有六个卡位，能放银行卡和身份证', '卡包是真皮的，可以放十张卡', '信用卡分期可以吗？平台上有这个选项吗'),
  ...ordinary('deposit', '我租的房子到期了，东西都得清掉', '房东押金还没退，所以便宜卖点回回血', '定金已经在平台付过了，剩下的到时候确认收货', '平台的担保交易我用过，挺放心'),
  ...ordinary('payment', '发票是微信支付的电子发票，可以一起给你', '购买记录是支付宝的截图，给你看看', '我用微信支付买的，原价记录都在', '平台支持支付宝付款吗？我没绑银行卡', '付款方式我选的是平台余额', '支付宝账单里能查到当时买的价格'),
  ...ordinary('link', '官网上说这个型号支持快充', '淘宝链接我找不到了，反正是旗舰店买的', '商品链接里的第三张图是实拍', '这款在 Apple 官网卖 5999', '我打不开你发的图片，能重新发一下吗', '版本号 v2.3.1，系统已经更新到最新', '文件格式是 .psd 和 .png 都给'),
  ...ordinary('invite', '想要的宝子私聊我，评论区不回价格', '可以先关注我，上新会有提醒', '有问题随时在这里找我', '我朋友也想要，我让她直接在平台上拍', '加购物车了，月底发工资就拍', '加价五十可以发顺丰吗', '加个袋子，不要盒子', '我加一点钱换那个新一点的可以吗'),
  ...ordinary('plain', '你好，还在吗？', '好的，谢谢，那我现在拍', '已付款，麻烦尽早发货', '收到了，跟描述一样，好评', '不好意思，刚刚在忙没看到消息', '可以先帮我留到明天中午吗，我下班去平台拍', '我考虑一下，晚点回复你', '东西很好，下次还找你买', '请问是自用的还是转卖的', '你那边是哪个城市的', '发货前能拍一下实物视频吗', '我已经申请退货了，你同意一下', '卖家人挺好的，回复很快', '约稿排单到几号了', '草稿看过了，可以上色了', '尾款我在平台上付了，你查一下', '棉花娃娃的衣服是手作的吗', '吧唧有没有氧化，背面有划痕吗', '这套书有没有附赠的海报', '请问可以开箱验货再确认收货吗'),
  ...ordinary('plain', '沙发是布艺的，靠垫套可以拆下来洗', '冰箱能制冷，就是声音有点大', '自行车刚换了内胎，刹车也调过', '婴儿推车可以折叠，放后备箱没问题', '瑜伽垫只用过几次，有点味道已经晾过', '儿童绘本一套二十本，有两本封面折了', '电饭煲内胆没有掉涂层', '吉他送琴包和变调夹，弦是新换的', '滑板轴承有点响，上点油就好', '猫爬架太大了家里放不下，低价出'),
];
