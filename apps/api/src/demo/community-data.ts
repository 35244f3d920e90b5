// What the demo community writes: notes by the twelve demo members (seed.ts DEMO_MEMBERS), in
// their own cities, across everyday categories, and the comments under them. `items` point at
// the member's demo items by position (items-seed.ts); they are linked now and show as cards
// once the items module is wired to notes.
import type { Scene } from './community-photos.ts';

export type Spot = { lat: number; lng: number; label: string };
export const SPOTS = {
  jingan: { lat: 31.2235, lng: 121.4462, label: '上海 静安' },
  xujiahui: { lat: 31.1951, lng: 121.4372, label: '上海 徐家汇' },
  gubei: { lat: 31.1963, lng: 121.3981, label: '上海 古北' },
  hz: { lat: 30.2791, lng: 120.1312, label: '杭州 文三路' },
  binjiang: { lat: 30.2084, lng: 120.2113, label: '杭州 滨江' },
  wangjing: { lat: 39.9961, lng: 116.4702, label: '北京 望京' },
  zgc: { lat: 39.9832, lng: 116.3162, label: '北京 中关村' },
  tianhe: { lat: 23.1372, lng: 113.3251, label: '广州 天河' },
  chunxi: { lat: 30.6571, lng: 104.0812, label: '成都 春熙路' },
  xianlin: { lat: 32.1063, lng: 118.9174, label: '南京 仙林' },
  nanshan: { lat: 22.5404, lng: 113.9463, label: '深圳 南山' },
} satisfies Record<string, Spot>;

export type ReplySpec = { by: string; body: string; toPrevious?: boolean };
export type CommentSpec = {
  by: string;
  body: string;
  wanted?: { title: string; maxPrice?: number };
  item?: number;
  /** What the item card is, in the words of the comment: each word is in the text and the item's title (community-data.test.ts). */
  about?: string[];
  replies?: ReplySpec[];
};
export type NoteSpec = {
  by: string;
  kind?: 'note' | 'stall' | 'wanted';
  title: string;
  body: string;
  tags?: string[];
  scenes: Scene[];
  square?: boolean;
  spot: keyof typeof SPOTS;
  daysAgo: number;
  items?: number[];
  /** What the item cards are, in the note's words: each word is in the note, each card's title has one. */
  about?: string[];
  /** A stall host's rules (stall-rules.ts), set after the comments; every item offered meets them. */
  stallRules?: { pickupOnly?: boolean; categories?: string[]; maxPrice?: number };
  comments?: CommentSpec[];
};

/** The busy stall thread: the comment section is an open flea market (借楼, 求购, replies). */
const STALL_THREAD: CommentSpec[] = [
  { by: 'chen_mo', body: '借楼出书：《三体》全三册，书页干净，同在上海可以面交～', item: 0, about: ['三体'] },
  {
    by: 'he_garden',
    body: '多肉分盆免费送，古北这边，来拿就行 🌱',
    replies: [{ by: 'lin_xiaoyu', body: '何阿姨太好了！我想要两盆' }],
  },
  { by: 'guzi_mao', body: '', wanted: { title: '白色小书架 宜家款', maxPrice: 15000 } },
  {
    by: 'wu_campus',
    body: '沙发还在吗？周六下午可以来看吗',
    replies: [
      { by: 'lin_xiaoyu', body: '在的，周六下午都在家' },
      { by: 'wu_campus', body: '好的，那周六两点到', toPrevious: true },
    ],
  },
  { by: 'sun_yue', body: '借楼出夏装，都是九成新，20 元一件', item: 4, about: ['夏装'] },
  { by: 'zhao_lei', body: '顺便求一个', wanted: { title: '显示器支架', maxPrice: 8000 } },
  { by: 'ma_bike', body: '落地灯大概多高？', replies: [{ by: 'lin_xiaoyu', body: '1.6 米左右，灯泡是暖光的' }] },
  { by: 'xu_photo', body: '借楼出一个旧三脚架，拍夜景够用', item: 1, about: ['三脚架'] },
  { by: 'wang_dad', body: '儿童积木一箱，消毒过的，有娃的邻居看看', item: 1, about: ['积木'] },
  { by: 'zhou_cos', body: '好热闹的地摊！逛了一圈' },
  { by: 'chen_mo', body: '', wanted: { title: '矮款书柜', maxPrice: 5000 } },
  {
    by: 'guzi_mao',
    body: '借楼出吧唧，25 元一个，要的楼下报名',
    item: 0,
    about: ['吧唧'],
    replies: [
      { by: 'sun_yue', body: '要两个！' },
      { by: 'zhou_cos', body: '我也要一个' },
      { by: 'he_garden', body: '这是什么呀，好可爱' },
      { by: 'guzi_mao', body: '是动漫徽章～', toPrevious: true },
    ],
  },
  {
    by: 'expat_anna',
    body: 'Is the sofa still available? 沙发还在吗',
    replies: [{ by: 'lin_xiaoyu', body: '还在～ you can come on Sunday' }],
  },
  { by: 'expat_anna', body: '借楼：锅具一套，回国前清掉', item: 4, about: ['锅具'] },
  { by: 'wu_campus', body: '', wanted: { title: '宿舍小冰箱' } },
];

const ask = (by: string, body: string, reply?: ReplySpec): CommentSpec => ({
  by,
  body,
  ...(reply ? { replies: [reply] } : {}),
});

export const COMMUNITY_NOTES: NoteSpec[] = [
  // 林小雨 — 上海，搬家清仓
  {
    by: 'lin_xiaoyu',
    kind: 'stall',
    title: '周末电子地摊：搬家清仓，评论区随便摆摊',
    body: '下周搬家，沙发、落地灯这些家具电器都要出。评论区欢迎大家借楼摆摊，同城自提优先～ #电子地摊 #搬家清仓 #上海',
    scenes: ['boxes', 'sofa', 'lamp'],
    spot: 'jingan',
    daysAgo: 1,
    items: [0, 3],
    about: ['沙发', '落地灯'],
    comments: STALL_THREAD,
  },
  {
    by: 'lin_xiaoyu',
    title: '搬家清仓｜宜家沙发、书桌、落地灯都要出',
    body: '住了两年的小家要退租了，沙发九成新，书桌有点使用痕迹，落地灯免费送。#搬家清仓 #家具',
    tags: ['二手家具'],
    scenes: ['sofa', 'desk', 'lamp'],
    spot: 'jingan',
    daysAgo: 3,
    items: [0, 2, 3],
    about: ['沙发', '书桌', '落地灯'],
    comments: [
      ask('expat_anna', '沙发什么颜色的？', { by: 'lin_xiaoyu', body: '浅灰色，图里偏粉是灯光' }),
      ask('wu_campus', '书桌还在吗'),
    ],
  },
  {
    by: 'lin_xiaoyu',
    title: '租房改造一年，要搬走了有点舍不得',
    body: '花了不到两千块改造的出租屋，绿植和小灯是灵魂。#租房改造 #生活记录',
    scenes: ['sofa', 'plants'],
    spot: 'jingan',
    daysAgo: 20,
    comments: [ask('he_garden', '绿植养得真好'), ask('sun_yue', '好温馨')],
  },
  {
    by: 'lin_xiaoyu',
    kind: 'wanted',
    title: '求购：二手小冰箱，静安附近能自提',
    body: '新家厨房小，想要一个 100L 以内的小冰箱，预算 400 左右。#求购 #小家电',
    scenes: ['fridge'],
    square: true,
    spot: 'jingan',
    daysAgo: 2,
    comments: [
      {
        by: 'expat_anna',
        body: '我有一个 90L 的，回国前要出',
        replies: [{ by: 'lin_xiaoyu', body: '太好了，可以看看照片吗' }],
      },
    ],
  },
  // 陈默 — 上海，书
  {
    by: 'chen_mo',
    title: '二手书单｜这个月出掉的 20 本书',
    body: '《三体》、村上春树的小说，还有历史、考研，品相都不错。按本卖也可以打包。#二手书 #书单',
    scenes: ['bookshelf', 'books'],
    spot: 'xujiahui',
    daysAgo: 5,
    items: [0, 1],
    about: ['三体', '村上春树'],
    comments: [
      ask('wu_campus', '有考研数学吗？', { by: 'chen_mo', body: '有的，第三本就是' }),
      ask('lin_xiaoyu', '收藏了慢慢看'),
    ],
  },
  {
    by: 'chen_mo',
    title: '《三体》重读感想，顺便出一套',
    body: '第三次读三体，还是会被黑暗森林震撼。这套重庆出版社的就转给有缘人吧。#三体 #读书笔记',
    scenes: ['books'],
    square: true,
    spot: 'xujiahui',
    daysAgo: 9,
    items: [0],
    about: ['三体'],
    comments: [ask('zhao_lei', '三体永远的神'), ask('xu_photo', '最喜欢第二部')],
  },
  {
    by: 'chen_mo',
    kind: 'stall',
    title: '旧书地摊：评论区换书、出书都欢迎',
    body: '书友们来摆摊！换书也行，卖书也行，同城面交。只收书，百元以内。#旧书 #电子地摊',
    stallRules: { categories: ['books'], maxPrice: 10000 },
    scenes: ['bookshelf'],
    spot: 'xujiahui',
    daysAgo: 12,
    comments: [
      { by: 'wu_campus', body: '借楼出教材，大学物理上下册', item: 0, about: ['大学物理'] },
      { by: 'guzi_mao', body: '', wanted: { title: '东野圭吾 小说', maxPrice: 2000 } },
      ask('lin_xiaoyu', '想换几本散文集'),
    ],
  },
  {
    by: 'chen_mo',
    kind: 'wanted',
    title: '求购 绝版《万历十五年》中华书局老版',
    body: '找了好久的老版本，品相一般也可以。#求购 #绝版书',
    scenes: ['books'],
    square: true,
    spot: 'xujiahui',
    daysAgo: 15,
  },
  // 谷子猫 — 杭州，谷子
  {
    by: 'guzi_mao',
    title: '吃谷人的痛：吧唧太多了，出一批',
    body: '痛包已经挂不下了，出一批吧唧和色纸，盲抽的重复款优先出。#谷子 #吧唧 #吃谷日常',
    scenes: ['badges'],
    square: true,
    spot: 'hz',
    daysAgo: 2,
    items: [0],
    about: ['吧唧'],
    comments: [ask('zhou_cos', '有没有钟离', { by: 'guzi_mao', body: '有一个！' }), ask('sun_yue', '好多呀')],
  },
  {
    by: 'guzi_mao',
    title: '谷子收纳分享｜痛包改造',
    body: '用透明包 + 吧唧保护套，一个痛包挂 30 个吧唧不掉漆。#谷子收纳 #痛包',
    scenes: ['bag', 'badges'],
    spot: 'hz',
    daysAgo: 7,
    comments: [ask('zhou_cos', '学到了')],
  },
  {
    by: 'guzi_mao',
    kind: 'stall',
    title: '谷子电子地摊｜立牌色纸吧唧 评论区交换',
    body: '杭州谷子人集合！评论区出谷换谷，能面交尽量面交。#谷子 #电子地摊 #杭州',
    scenes: ['standee', 'badges'],
    spot: 'hz',
    daysAgo: 4,
    comments: [
      { by: 'zhou_cos', body: '借楼出 Q 版头像约稿，谷子同好优先', item: 0, about: ['头像约稿'] },
      { by: 'xu_photo', body: '帮女朋友问', wanted: { title: '初音未来 立牌', maxPrice: 8000 } },
      ask('sun_yue', '蹲一个'),
    ],
  },
  {
    by: 'guzi_mao',
    kind: 'wanted',
    title: '收 原神 钟离 吧唧 可换可买',
    body: '收钟离吧唧，也可以用魈的换。#原神 #收谷',
    scenes: ['badges'],
    square: true,
    spot: 'hz',
    daysAgo: 10,
  },
  // 王爸爸 — 北京，母婴
  {
    by: 'wang_dad',
    title: '孩子大了，婴儿床和推车转给需要的家庭',
    body: '用了两年，都还很结实，望京自提。#母婴 #二手母婴',
    scenes: ['toys'],
    spot: 'wangjing',
    daysAgo: 6,
    items: [0],
    about: ['推车'],
    comments: [ask('zhao_lei', '同小区吗哈哈')],
  },
  {
    by: 'wang_dad',
    title: '积木玩具一箱，干净消毒过',
    body: '大颗粒积木，适合 2-5 岁。#玩具 #母婴',
    scenes: ['toys'],
    square: true,
    spot: 'wangjing',
    daysAgo: 11,
  },
  {
    by: 'wang_dad',
    title: '北京望京｜母婴用品清仓，价格好商量',
    body: '推车、安全座椅、衣服，整理出来一大堆。#母婴 #清仓',
    scenes: ['toys', 'bag'],
    spot: 'wangjing',
    daysAgo: 14,
  },
  {
    by: 'wang_dad',
    title: '家电换新，旧洗衣机便宜出',
    body: '滚筒洗衣机，功能正常，望京自提需要自己搬。#家电 #洗衣机',
    scenes: ['washer'],
    spot: 'wangjing',
    daysAgo: 8,
    comments: [ask('lin_xiaoyu', '几公斤的？', { by: 'wang_dad', body: '8 公斤' })],
  },
  // 赵磊 — 北京，数码
  {
    by: 'zhao_lei',
    title: '换新显示器了，旧的 27 寸出掉',
    body: '4K 屏，无坏点，带原装底座，只自提。#数码 #显示器',
    scenes: ['desk'],
    spot: 'zgc',
    daysAgo: 3,
    items: [2],
    about: ['显示器'],
    comments: [ask('xu_photo', '色准怎么样'), ask('wu_campus', '学生党可以小刀吗')],
  },
  {
    by: 'zhao_lei',
    title: '桌搭分享｜极简工作台',
    body: '一张桌子 + 一台显示器 + 一盏灯，干净。#桌搭 #数码',
    scenes: ['desk', 'lamp'],
    spot: 'zgc',
    daysAgo: 13,
    comments: [ask('chen_mo', '太整洁了')],
  },
  {
    by: 'zhao_lei',
    kind: 'wanted',
    title: '求购 二手机械键盘 预算 300 以内',
    body: '茶轴或红轴，有线无线都行。#求购 #键盘',
    scenes: ['desk'],
    square: true,
    spot: 'zgc',
    daysAgo: 5,
  },
  {
    by: 'zhao_lei',
    title: '闲置数码清单：路由器 鼠标 耳机',
    body: '都是换下来的，功能正常，打包更便宜。#数码闲置',
    scenes: ['camera'],
    square: true,
    spot: 'zgc',
    daysAgo: 17,
  },
  // 孙悦 — 广州，服饰
  {
    by: 'sun_yue',
    title: '衣柜断舍离｜夏装一次性出',
    body: '衣服太多了，夏装一次性清掉，S 码为主。#断舍离 #服饰 #广州',
    scenes: ['rail'],
    spot: 'tianhe',
    daysAgo: 2,
    items: [4],
    about: ['夏装'],
    comments: [ask('zhou_cos', '有没有长裙'), ask('guzi_mao', '好看！')],
  },
  {
    by: 'sun_yue',
    title: '只穿过两次的小白鞋 37 码',
    body: '买大了半码，几乎全新。#鞋子 #闲置',
    scenes: ['sneakers'],
    square: true,
    spot: 'tianhe',
    daysAgo: 6,
  },
  {
    by: 'sun_yue',
    title: '通勤包推荐，也顺便出一个',
    body: '能装 14 寸电脑的通勤包，用了半年。#包包 #通勤',
    scenes: ['bag'],
    spot: 'tianhe',
    daysAgo: 9,
  },
  {
    by: 'sun_yue',
    kind: 'stall',
    title: '广州天河｜衣服鞋包地摊开张',
    body: '天河的姐妹来逛，评论区也可以借楼出衣服～ #电子地摊 #服饰',
    scenes: ['rail', 'sneakers', 'bag'],
    spot: 'tianhe',
    daysAgo: 1,
    comments: [
      { by: 'zhou_cos', body: '借楼出 COS 服一套', item: 2, about: ['COS 服'] },
      { by: 'guzi_mao', body: '', wanted: { title: '帆布包', maxPrice: 3000 } },
    ],
  },
  // 周周的COS — 成都
  {
    by: 'zhou_cos',
    title: 'COS 服出二手，洗过熨过',
    body: '穿过一次漫展，尺码 M。#COS #二手COS服',
    scenes: ['rail'],
    spot: 'chunxi',
    daysAgo: 4,
    items: [2],
    about: ['COS 服'],
    comments: [ask('guzi_mao', '好可爱')],
  },
  {
    by: 'zhou_cos',
    title: '接妆娘约稿｜成都线下可约',
    body: '漫展妆、日常妆都可以，成都春熙路附近。#约稿 #妆娘',
    scenes: ['standee'],
    square: true,
    spot: 'chunxi',
    daysAgo: 8,
  },
  {
    by: 'zhou_cos',
    title: '漫展返图，谢谢摄影老师',
    body: '成都漫展两天，累并快乐着。#漫展 #COS',
    scenes: ['standee', 'camera'],
    spot: 'chunxi',
    daysAgo: 16,
    comments: [ask('xu_photo', '光线很棒')],
  },
  // 吴同学 — 南京，毕业季
  {
    by: 'wu_campus',
    title: '毕业季｜教材 考研书 一起打包',
    body: '计算机专业教材 + 考研全套，学弟学妹来拿。#毕业季 #教材',
    scenes: ['books'],
    spot: 'xianlin',
    daysAgo: 3,
    items: [0],
    about: ['教材'],
    comments: [ask('chen_mo', '考研上岸了吗', { by: 'wu_campus', body: '上岸啦！' })],
  },
  {
    by: 'wu_campus',
    title: '宿舍好物：小台灯 收纳箱 桌子',
    body: '宿舍四年的好物，毕业都留给学弟学妹。#宿舍好物 #毕业季',
    scenes: ['lamp', 'boxes'],
    spot: 'xianlin',
    daysAgo: 7,
  },
  {
    by: 'wu_campus',
    kind: 'stall',
    title: '仙林大学城毕业跳蚤市场（线上版）',
    body: '毕业生们来摆摊！评论区出东西，宿舍楼下面交，只收能自提的。#跳蚤市场 #毕业季 #南京',
    stallRules: { pickupOnly: true },
    scenes: ['boxes', 'books', 'lamp'],
    spot: 'xianlin',
    daysAgo: 2,
    comments: [
      { by: 'chen_mo', body: '借楼出考研书，英语政治真题一套', item: 3, about: ['考研'] },
      { by: 'wu_campus', body: '摊主自己也摆一份：大学物理教材，宿舍楼下面交', item: 0, about: ['大学物理'] },
      { by: 'ma_bike', body: '', wanted: { title: '二手自行车', maxPrice: 30000 } },
      ask('lin_xiaoyu', '好怀念大学'),
    ],
  },
  {
    by: 'wu_campus',
    kind: 'wanted',
    title: '求购 二手自行车 校园代步',
    body: '能骑就行，预算 200。#求购 #自行车',
    scenes: ['bike'],
    square: true,
    spot: 'xianlin',
    daysAgo: 6,
    comments: [ask('ma_bike', '深圳的话我就送你了')],
  },
  // 何阿姨 — 上海，绿植
  {
    by: 'he_garden',
    title: '多肉分盆啦，邻居免费领',
    body: '多肉长得太好，分了十几盆，古北的邻居来拿。#多肉 #免费送 #绿植',
    scenes: ['plants'],
    square: true,
    spot: 'gubei',
    daysAgo: 1,
    comments: [ask('lin_xiaoyu', '何阿姨我来啦'), ask('expat_anna', 'So cute! 我也想要')],
  },
  {
    by: 'he_garden',
    title: '阳台小花园一年记录',
    body: '从三盆到三十盆，阳台变成了小花园。#阳台花园 #绿植',
    scenes: ['plants'],
    spot: 'gubei',
    daysAgo: 19,
  },
  {
    by: 'he_garden',
    title: '绿萝 龟背竹 长太大了 便宜出',
    body: '家里放不下了，连盆出。#绿植 #闲置',
    scenes: ['plants'],
    spot: 'gubei',
    daysAgo: 10,
  },
  // 马骑手 — 深圳，骑行
  {
    by: 'ma_bike',
    title: '骑行装备换新，旧头盔和码表出',
    body: '头盔 M 码，码表功能正常。#骑行 #运动',
    scenes: ['bike'],
    spot: 'nanshan',
    daysAgo: 5,
    items: [0],
    about: ['码表'],
  },
  {
    by: 'ma_bike',
    title: '深圳湾骑行路线推荐',
    body: '早上六点的深圳湾最舒服，全程 20 公里。#骑行 #深圳',
    scenes: ['bike'],
    square: true,
    spot: 'nanshan',
    daysAgo: 18,
    comments: [ask('zhao_lei', '收藏了')],
  },
  {
    by: 'ma_bike',
    kind: 'wanted',
    title: '求购 公路车二手轮组',
    body: '700C 碳轮，预算 1500。#求购 #公路车',
    scenes: ['bike'],
    spot: 'nanshan',
    daysAgo: 9,
  },
  // Anna 安娜 — 上海，回国清仓
  {
    by: 'expat_anna',
    title: 'Leaving Shanghai｜搬家清仓 厨具餐具全出',
    body: 'Moving back home next month. 厨具（一口铸铁锅、一套锅具）、餐具、小家电都出，古北自提。#搬家清仓 #厨具',
    scenes: ['kitchen', 'boxes'],
    spot: 'gubei',
    daysAgo: 4,
    items: [1, 4],
    about: ['锅'],
    comments: [ask('lin_xiaoyu', '我们都在搬家哈哈', { by: 'expat_anna', body: 'Haha 是的！' })],
  },
  {
    by: 'expat_anna',
    title: '回国前最后的周末，家具低价',
    body: 'Sofa, desk and lamps. 周末可以来看。#家具 #搬家清仓',
    scenes: ['sofa', 'desk'],
    spot: 'jingan',
    daysAgo: 6,
  },
  {
    by: 'expat_anna',
    title: 'Kitchen stuff for sale / 厨房用品打包',
    body: 'Pots, pans and a rice cooker. 打包更便宜。#厨具',
    scenes: ['kitchen'],
    square: true,
    spot: 'jingan',
    daysAgo: 11,
  },
  {
    by: 'expat_anna',
    title: '小家电清仓：冰箱 洗衣机 微波炉',
    body: '都是两年内买的，功能正常。#小家电 #搬家清仓',
    scenes: ['fridge', 'washer'],
    spot: 'jingan',
    daysAgo: 5,
    comments: [ask('lin_xiaoyu', '冰箱我想要！')],
  },
  // 徐摄影 — 杭州，器材
  {
    by: 'xu_photo',
    title: '器材党清库存：镜头 三脚架',
    body: '换了新机身，旧镜头和三脚架出给新手。#摄影 #器材',
    scenes: ['camera'],
    square: true,
    spot: 'binjiang',
    daysAgo: 3,
    items: [0, 1],
    about: ['镜头', '三脚架'],
    comments: [ask('zhou_cos', '镜头什么卡口的', { by: 'xu_photo', body: 'E 卡口' })],
  },
  {
    by: 'xu_photo',
    title: '西湖晨拍，用的就是这台旧相机',
    body: '早上五点半的西湖，没什么人。#摄影 #杭州 #西湖',
    scenes: ['camera'],
    spot: 'binjiang',
    daysAgo: 14,
  },
  {
    by: 'xu_photo',
    kind: 'stall',
    title: '摄影器材二手集市｜评论区摆摊',
    body: '摄影党来摆摊，镜头、闪光灯、包都可以。#摄影器材 #电子地摊',
    scenes: ['camera', 'bag'],
    spot: 'binjiang',
    daysAgo: 7,
    comments: [
      { by: 'xu_photo', body: '摊主先摆一个：索尼 50mm 定焦，人像很好用', item: 0, about: ['50mm'] },
      { by: 'zhao_lei', body: '有人出相机包吗？蹲一个' },
      { by: 'zhou_cos', body: '', wanted: { title: '人像定焦镜头', maxPrice: 150000 } },
    ],
  },
];

/** Who follows whom: everyone follows a few neighbours, and the busiest sellers have more fans. */
export const FOLLOWS: [string, string[]][] = [
  ['lin_xiaoyu', ['he_garden', 'expat_anna', 'chen_mo']],
  ['chen_mo', ['lin_xiaoyu', 'wu_campus', 'xu_photo']],
  ['guzi_mao', ['zhou_cos', 'sun_yue', 'lin_xiaoyu']],
  ['wang_dad', ['zhao_lei', 'lin_xiaoyu']],
  ['zhao_lei', ['xu_photo', 'wang_dad', 'chen_mo', 'lin_xiaoyu']],
  ['sun_yue', ['guzi_mao', 'zhou_cos', 'lin_xiaoyu']],
  ['zhou_cos', ['guzi_mao', 'sun_yue', 'xu_photo']],
  ['wu_campus', ['chen_mo', 'lin_xiaoyu', 'ma_bike']],
  ['he_garden', ['lin_xiaoyu', 'expat_anna']],
  ['ma_bike', ['zhao_lei', 'wu_campus', 'xu_photo']],
  ['expat_anna', ['lin_xiaoyu', 'he_garden', 'guzi_mao']],
  ['xu_photo', ['zhao_lei', 'zhou_cos', 'guzi_mao', 'lin_xiaoyu']],
];
