// Held-out report set, round 2 (issue 9 item 9). Written and committed BEFORE any change made
// after the first held-out measurement. Round 1 (scam-shield.heldout.ts) was measured once,
// at commit 2b9342e: recall 92/98 = 93.9%, false alarms 3/147 = 2.04% — one false alarm over
// the 2% ceiling. Its misses and false alarms were then read, so from then on round 1 no
// longer measures wording the detector was not shaped by (none of its texts is ever trained
// on). This round replaces it as the report set: never trained or tuned on, measured once.
// Same families and conventions as round 1; phone and card numbers are fictional.
// Measured once, at f9f7cb6: recall 85/91 = 93.4%, false alarms 3/128 = 2.34%; then read
// like round 1 (never trained on). The report set of record is round 3.
import type { Family, LabelledCase } from './scam-shield.heldout.ts';
import type { ScamWarning } from './scam-shield.ts';

const C: ScamWarning = 'off_platform_contact';
const D: ScamWarning = 'deposit_request';
const P: ScamWarning = 'external_payment';
const L: ScamWarning = 'suspicious_link';

const lure = (family: Family, expect: ScamWarning[], ...texts: string[]): LabelledCase[] =>
  texts.map((text) => ({ text, expect, family }));
const ordinary = (family: Family, ...texts: string[]): LabelledCase[] => texts.map((text) => ({ text, expect: [], family }));

export const HELDOUT2_LURES: LabelledCase[] = [
  ...lure('other_app', [C], '这边不好沟通，咱们去转转APP聊', '我的闲鱼号：周周的小铺，拍那边包邮', '快手搜我快手号 zhou8866，私信', '你有飞书吗，我们公司都用那个', 'Telegram 聊更安全，这里会被监控', '有Skype吗？我在国外', '我们挪到小红书私信吧'),
  ...lure('other_app', [P], '同款我挂在拼多多了，搜"小周闲置"就有', '淘宝下单吧，我给你发个优惠券', '抖音直播的时候拍，价格更低', '唯品会有我的链接，去那边付更便宜', '京东上我有店，搜店名下单，能开发票'),
  ...lure('qr_code', [C], '加我好友的码在第5张图', '扫一扫我发的图片就能加上我', '图片下面有码，扫完发个"买"字', '扫码加群，群里便宜', '朋友圈每天更新，加我就能看', '我的微信码你保存一下', '这张图长按就能加我'),
  ...lure('qr_code', [P], '我把收款二维码发你，直接扫', '发你张码，付款用的'),
  ...lure('qr_code', [D, P], '扫我发的码付定金'),
  ...lure('kouling', [L], '复制这条消息打开淘宝，可以直接下单￥F8xK2pLm￥', '€Kd93LpQ€ 复制，打开闲鱼', '6.66 复制打开抖音，看看店铺', '拼多多口令：复制后打开拼多多', '打开手淘，粘贴￥HgT5QwE2￥', '我把口令发你了，去闲鱼粘贴', '复制整段文字去京东打开'),
  ...lure('kouling', [P], '支付宝口令发你，领了就算付款'),
  ...lure('number', [C], '电话是一五八，二二二二，九九九九', '手机号码 137 ··· 0000 ··· 8888', '我的扣扣：二三三 四四五 五六六', 'QQ：3 4 5 6 7 8 9 0 1', '号码：1八8-零零零零-一二三四', '打这个 ① ③ ⑨ ② ② ② ② ③ ③ ③ ③', '联系电话 0571-8888 6666', '企鹅：8 8 6 6 5 5 4 4', '手机前三位是139，后八位12345678', '拨打 400 800 1234 咨询'),
  ...lure('bank_card', [P], '钱直接打到这张卡：6230 5800 0012 3456 789', '我发你中国银行的卡号，你转过来', '汇到我农业银行的账户就行', '你那边手机银行转给我，比平台快', '卡号私信发你了，到账我就寄', '收款账户：招商银行 王五 6214 0000 1111 2222', '打款到建行，户名写李华', '银行转账吧，我给你卡号', '转我卡上，我这就发'),
  ...lure('deposit', [D], '先交一百块订金，不然这个价不给你留', '排单要付二十块排单费', '押金三百，还车的时候退', '要的话先付个意向金', '预付一半款项，剩下的收货后付', '先给个定金吧，五十就行', '留货费十块，不退', '先付路费，我才送过去', '交定金才能预约看货', '保证金先交一下，交易完退'),
  ...lure('payment', [P], '直接转支付宝，省事', '给我发微信红包就行', '钱转给我，我就寄出', '微信转我吧，拍下太麻烦', '付我现金或者支付宝都行', '平台太麻烦，直接给钱', '支付宝付我，我包运费', '微信零钱转给我就行', '转账给我，截图发过来', '你用云闪付转我', '先把钱付给我，我再上架给你拍', 'paypal也可以，不用平台'),
  ...lure('link', [L], '更多款式看 shop-zhou.com', '进这个网址下单：zhoushop.top', '我发你个链接，点进去填银行卡', '运费险理赔链接：claim-jishi.xyz', '点击 https://t.cn/R2xYz 领取退款', '复制网址到浏览器打开 zhou-vip点com', '我发你个小程序，直接在里面买', '网页版更便宜，链接私发你', '打开这个页面填写收货信息', '官方客服网站 jishi-help.site，有问题去那里'),
  ...lure('invite', [C], '加我私聊，这里回复慢', '有意者加好友详谈', '互加好友吧，以后常联系', '你留个号，我加你', '私信我拿联系方式', '加个联系方式吧', '戳我拿号，备注来意', '加下我，发你更多图', '这边不方便，加我聊', '拉你进我的福利群吧'),
];

export const HELDOUT2_ORDINARY: LabelledCase[] = [
  ...ordinary('plain', '九五新，配件齐全，盒子说明书都在', '价格好商量，诚心要的可以小刀', '刚拍下了，麻烦明天发', '好评，物超所值', '这个是正品吗？', '有没有使用痕迹？', '包邮到广州吗', '什么时候发货', '周末可以约吗', '地铁站附近面交可以吗', '我在上班，晚上回复你', '谢谢，已收到', '价格能再低点吗', '东西还在吗？', '亲，几天能到', '已经确认收货了', '退货地址发我一下', '到楼下了打电话给我', '这个颜色还有吗', '衣服有没有起球', '书是正版吗', '桌子可以拆开运吗', '我想要两个，能便宜吗', '发顺丰还是中通', '可以开箱验货吗', '明天上午在家', '你好，在吗', '拍了，辛苦', '等你发货', '质量很好，谢谢卖家', '我先考虑一下', '不好意思，我不要了', '还能便宜吗？学生', '什么时候买的', '保修还有多久', '有没有拆修过', '成色怎么样', '可以视频看看吗', '多少钱出', '能包邮吗'),
  ...ordinary('number', 'iPhone 12 mini 64G 白色', '小米 13 Pro 12+256 陶瓷白', 'MacBook Air 2020 M1 8+512', '华为 MatePad 11 6+128', '型号 SM-S9180 国行', '尺码 38，脚长 24 厘米', '身高 170 体重 60 公斤', '第 3 代 AirPods，左耳有点小声', '2023 年 10 月购入，保修一年', '一共 6 本，打包 45', '订单号 2024051212345678', '取件码 7-2-3011', '中通 75312345678901', '一箱 12 瓶', '3 月 8 号前发货', '5 楼 502 室', '价格 2399，含税', '显卡 RX 6600 8G', '相机 A7C 快门 5000', '电视 55 寸 4K', '内存 16G DDR4 3200', '鞋子 EU 42 US 8.5', '床 1.5×2 米', 'Switch 续航版 带 3 个游戏', '编号 A-1024 的手办'),
  ...ordinary('other_app', '拼多多上同款才 50，你这贵了', '淘宝旗舰店买的，假一赔十', '闲鱼上挂了好久没卖掉', '抖音看到这个很火就买了', '小红书推荐的，用着一般', '京东买的，发票可以给你', '得物买的，鉴定扣还在', '转转上回收价太低', '唯品会打折买的', '快手直播间抢的', '我在钉钉上请了假，周五可以来拿', '公司用飞书，不用钉钉', 'WhatsApp 在国内用不了吧', 'Line 的贴纸很可爱', 'Telegram 是什么软件？'),
  ...ordinary('qr_code', '盒子上的二维码扫了是官网', '扫码看视频教程', '说明书里有安装视频二维码', '二维码已经被撕掉了', '扫码点餐的店', '朋友圈有人说这个好用', '我朋友圈的人都在买这个'),
  ...ordinary('kouling', '口令红包抢到了五块', '复制一下你的收货地址发我', '密码是出厂设置', '兑换码已经过期'),
  ...ordinary('bank_card', '银行卡支付不了，我换个方式在平台付', '平台付款用的是信用卡', '提现到银行卡要手续费吗', '卡包里面有六个卡位', '银行卡余额不够，明天拍'),
  ...ordinary('deposit', '押金退回来了吗？房东说退了', '定金已经在平台上付了', '平台的押金托管安全吗', '平台收的定金什么时候退'),
  ...ordinary('payment', '支付宝买的，记录可以截图', '微信支付的订单记录还在', '平台支持微信支付吗', '我已经用平台余额付了', '红包封面是赠品', '付款方式我选的支付宝，在平台上付的'),
  ...ordinary('link', '官网可以查序列号', '商品链接里有详细参数', '说明书上有官网地址', '你发的图片打不开', '这个链接是平台的商品页吗'),
  ...ordinary('invite', '想要的私信我', '评论区回复不了，私聊吧', '关注我看更多闲置', '加个运费险吧', '加购了，过两天拍', '加钱能发顺丰吗', '加一件一起拍'),
  ...ordinary('plain', '电热水壶没有水垢', '空调扇制冷一般', '蓝牙音箱音质不错', '跑鞋只穿过两次', '毛衣有点起球', '行李箱有划痕', '宝宝餐椅可以调高度', '台式机主机，不含显示器', '投影仪亮度够用', '拖把配两个拖布头'),
];
