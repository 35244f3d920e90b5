// Demo listings: what the twelve demo members (seed.ts) sell, in their own cities, with locally
// drawn photos. Covers every category, free giveaways, sold-out and withdrawn items, multi-unit
// stock (谷子 badges) and every delivery mix. Idempotent: a member who already has items is
// left alone. The ids come back by username so other demo content (notes) can attach them.
import type { CategoryKey, DeliveryMethod, ItemCondition } from '@jishi/shared';
import { withTx } from '../db/index.ts';
import { DAY_MS } from '../lib/clock.ts';
import type { Deps } from '../lib/http.ts';
import { insertItem, replaceImages } from '../modules/items/repo.ts';
import { storeImage } from '../modules/media/service.ts';
import { itemPhotoPng, type Motif } from './item-photos.ts';

type Spot = { lat: number; lng: number; label: string };
const SPOTS = {
  jingan: { lat: 31.223, lng: 121.446, label: '静安寺' },
  xujiahui: { lat: 31.195, lng: 121.437, label: '徐家汇' },
  wujiaochang: { lat: 31.299, lng: 121.514, label: '五角场' },
  gubei: { lat: 31.196, lng: 121.398, label: '古北' },
  wenzhou: { lat: 30.279, lng: 120.131, label: '杭州 文三路' },
  binjiang: { lat: 30.208, lng: 120.211, label: '杭州 滨江' },
  zhongguancun: { lat: 39.983, lng: 116.316, label: '中关村' },
  wangjing: { lat: 39.996, lng: 116.47, label: '望京' },
  tianhe: { lat: 23.137, lng: 113.325, label: '天河体育中心' },
  chunxi: { lat: 30.657, lng: 104.081, label: '春熙路' },
  xianlin: { lat: 32.106, lng: 118.917, label: '仙林大学城' },
  nanshan: { lat: 22.54, lng: 113.946, label: '南山科技园' },
} satisfies Record<string, Spot>;

type Spec = {
  title: string;
  description: string;
  price: number;
  category: CategoryKey;
  condition: ItemCondition | null;
  delivery: DeliveryMethod[];
  shippingFee?: number;
  quantity?: number;
  /** Units left; 0 is sold out. Defaults to quantity. */
  available?: number;
  withdrawn?: boolean;
  spot: keyof typeof SPOTS;
  motifs: Motif[];
};

const P: DeliveryMethod[] = ['pickup'];
const S: DeliveryMethod[] = ['shipping'];
const PS: DeliveryMethod[] = ['pickup', 'shipping'];
const O: DeliveryMethod[] = ['online'];

export const DEMO_ITEMS: Record<string, Spec[]> = {
  lin_xiaoyu: [
    { title: '宜家布艺三人沙发 九成新', description: '搬家清仓，买了一年多，无宠物无烟。需自己找车来拉。', price: 45000, category: 'furniture', condition: 'like_new', delivery: P, spot: 'jingan', motifs: ['sofa', 'sofa'] },
    { title: '小米空气净化器 4', description: '滤芯上个月刚换，功能全好。', price: 38000, category: 'appliances', condition: 'light_wear', delivery: PS, shippingFee: 1500, spot: 'jingan', motifs: ['appliance'] },
    { title: '实木书桌 1.2 米', description: '桌面有使用痕迹，结实耐用。', price: 20000, category: 'furniture', condition: 'visible_wear', delivery: P, available: 0, spot: 'jingan', motifs: ['table'] },
    { title: '搬家免费送落地灯', description: '灯泡正常，自提即可，先到先得。', price: 0, category: 'home', condition: 'light_wear', delivery: P, spot: 'jingan', motifs: ['lamp'] },
  ],
  chen_mo: [
    { title: '《三体》全三册 重庆出版社', description: '看过一遍，书页干净无笔记。', price: 3500, category: 'books', condition: 'light_wear', delivery: PS, shippingFee: 600, spot: 'xujiahui', motifs: ['books'] },
    { title: '村上春树作品 5 本打包', description: '挪威的森林、海边的卡夫卡等，有自然旧。', price: 5000, category: 'books', condition: 'visible_wear', delivery: S, shippingFee: 800, spot: 'xujiahui', motifs: ['books'] },
    { title: '考研数学复习全书', description: '几乎没写过，上岸了出给学弟学妹。', price: 2000, category: 'books', condition: 'like_new', delivery: S, shippingFee: 0, available: 0, spot: 'xujiahui', motifs: ['books'] },
    { title: '考研英语 政治 真题一套', description: '历年真题 + 解析，上岸了，笔记不多。', price: 3000, category: 'books', condition: 'light_wear', delivery: PS, shippingFee: 800, spot: 'xujiahui', motifs: ['books'] },
  ],
  guzi_mao: [
    { title: '排球少年 吧唧 58mm 盲抽款', description: '官方正版，一个 25，可以指定角色（看库存）。', price: 2500, category: 'anime', condition: 'new', delivery: S, shippingFee: 500, quantity: 12, available: 7, spot: 'wenzhou', motifs: ['badges', 'badges'] },
    { title: '咒术回战 亚克力立牌', description: '全新未拆，附原包装。', price: 4500, category: 'anime', condition: 'new', delivery: S, shippingFee: 500, quantity: 3, spot: 'wenzhou', motifs: ['standee'] },
    { title: '初音未来 色纸', description: '拆封确认过，一直放在卡套里。', price: 3000, category: 'anime', condition: 'like_new', delivery: PS, shippingFee: 500, quantity: 5, spot: 'wenzhou', motifs: ['card'] },
    { title: '原神 痛包', description: '背过几次，暂时不出了。', price: 8900, category: 'anime', condition: 'light_wear', delivery: S, shippingFee: 800, withdrawn: true, spot: 'wenzhou', motifs: ['bag'] },
  ],
  wang_dad: [
    { title: '好孩子婴儿推车 可坐可躺', description: '孩子大了用不上，刹车和折叠都正常。', price: 25000, category: 'baby', condition: 'light_wear', delivery: P, spot: 'wangjing', motifs: ['stroller'] },
    { title: '乐高得宝 大颗粒积木一箱', description: '消毒过，零件齐全。', price: 9900, category: 'baby', condition: 'visible_wear', delivery: PS, shippingFee: 1500, spot: 'wangjing', motifs: ['blocks'] },
    { title: '儿童绘本 20 本 免费送', description: '给需要的家庭，望京自提。', price: 0, category: 'books', condition: 'visible_wear', delivery: P, spot: 'wangjing', motifs: ['books'] },
    { title: '实木婴儿床 带床垫', description: '已被预定。', price: 30000, category: 'baby', condition: 'light_wear', delivery: P, available: 0, spot: 'wangjing', motifs: ['crib'] },
  ],
  zhao_lei: [
    { title: 'iPhone 13 128G 午夜色', description: '国行，电池 86%，无拆无修，顺丰包邮。', price: 260000, category: 'digital', condition: 'light_wear', delivery: PS, shippingFee: 0, spot: 'zhongguancun', motifs: ['phone', 'phone'] },
    { title: '罗技 MX Master 3 鼠标', description: '换了新的，这个几乎没怎么用。', price: 35000, category: 'digital', condition: 'like_new', delivery: S, shippingFee: 1000, spot: 'zhongguancun', motifs: ['mouse'] },
    { title: '27 寸 4K 显示器', description: '无坏点，屏幕太大不好寄，只自提。', price: 120000, category: 'digital', condition: 'light_wear', delivery: P, spot: 'zhongguancun', motifs: ['screen'] },
    { title: 'iPad 第九代 64G', description: '边角有磕碰，不影响使用。', price: 150000, category: 'digital', condition: 'visible_wear', delivery: PS, shippingFee: 0, available: 0, spot: 'zhongguancun', motifs: ['screen'] },
  ],
  sun_yue: [
    { title: '优衣库羊毛大衣 M 码', description: '穿过两次，已干洗。', price: 19900, category: 'clothing', condition: 'like_new', delivery: S, shippingFee: 800, spot: 'tianhe', motifs: ['coat'] },
    { title: '兰蔻小黑瓶 30ml 未拆封', description: '专柜购入，有小票。', price: 42000, category: 'beauty', condition: 'new', delivery: S, shippingFee: 0, spot: 'tianhe', motifs: ['bottle'] },
    { title: 'Nike 跑鞋 38 码', description: '跑过几次步，鞋底磨损很少。', price: 15000, category: 'clothing', condition: 'light_wear', delivery: PS, shippingFee: 1000, spot: 'tianhe', motifs: ['shoe'] },
    { title: '真丝围巾 两条同款', description: '送礼多买了，全新带吊牌。', price: 9900, category: 'clothing', condition: 'new', delivery: S, shippingFee: 600, quantity: 2, spot: 'tianhe', motifs: ['scarf'] },
    { title: '夏装 短袖 T 恤 连衣裙 20 元一件', description: '九成新，S 码为主，洗干净了，任选。', price: 2000, category: 'clothing', condition: 'light_wear', delivery: PS, shippingFee: 600, quantity: 12, available: 9, spot: 'tianhe', motifs: ['scarf'] },
  ],
  zhou_cos: [
    { title: 'Q 版头像约稿', description: '线上交付，一周内出稿，可改两次。', price: 8800, category: 'services', condition: null, delivery: O, quantity: 20, available: 14, spot: 'chunxi', motifs: ['palette'] },
    { title: 'COS 妆娘跟妆（成都市内）', description: '漫展当天跟妆，含假发整理。', price: 30000, category: 'services', condition: null, delivery: P, quantity: 5, spot: 'chunxi', motifs: ['palette'] },
    { title: '二手 COS 服全套 含假发', description: 'M 码，穿过一次漫展。', price: 26000, category: 'anime', condition: 'light_wear', delivery: S, shippingFee: 1200, spot: 'chunxi', motifs: ['coat'] },
  ],
  wu_campus: [
    { title: '大学物理 教材 上下册', description: '有笔记，期末复习很有用。', price: 1500, category: 'books', condition: 'visible_wear', delivery: P, quantity: 3, spot: 'xianlin', motifs: ['books'] },
    { title: '宿舍小台灯 免费送', description: '毕业带不走，仙林自提。', price: 0, category: 'home', condition: 'light_wear', delivery: P, spot: 'xianlin', motifs: ['lamp'] },
    { title: '折叠床上书桌', description: '宿舍神器，可调角度。', price: 2500, category: 'home', condition: 'light_wear', delivery: P, spot: 'xianlin', motifs: ['table'] },
    { title: '小电饭煲 1.6L', description: '已经找到人了。', price: 3000, category: 'appliances', condition: 'visible_wear', delivery: P, withdrawn: true, spot: 'xianlin', motifs: ['pot'] },
  ],
  he_garden: [
    { title: '多肉分盆 免费送邻居', description: '自己养的，每人限两盆，带盆带土。', price: 0, category: 'plants', condition: 'new', delivery: P, quantity: 10, available: 6, spot: 'jingan', motifs: ['plant'] },
    { title: '龟背竹 大盆', description: '一米多高，长势很好。', price: 8000, category: 'plants', condition: 'like_new', delivery: P, spot: 'jingan', motifs: ['plant', 'plant'] },
    { title: '水培绿萝', description: '玻璃瓶一起送。', price: 1000, category: 'plants', condition: 'new', delivery: P, quantity: 6, spot: 'jingan', motifs: ['plant'] },
  ],
  ma_bike: [
    { title: '佳明 Edge 码表', description: '功能正常，附支架。', price: 68000, category: 'sports', condition: 'light_wear', delivery: S, shippingFee: 1000, spot: 'nanshan', motifs: ['phone'] },
    { title: '骑行头盔 M 码', description: '没摔过，内衬洗过。', price: 12000, category: 'sports', condition: 'like_new', delivery: PS, shippingFee: 1200, spot: 'nanshan', motifs: ['helmet'] },
    { title: '自行车 U 型锁', description: '两把钥匙都在。', price: 3000, category: 'sports', condition: 'light_wear', delivery: P, available: 0, spot: 'nanshan', motifs: ['ring'] },
  ],
  expat_anna: [
    { title: 'IKEA 餐桌 + 4 把椅子 dining set', description: 'Leaving Shanghai — pick up in Gubei. 古北自提。', price: 60000, category: 'furniture', condition: 'light_wear', delivery: P, spot: 'gubei', motifs: ['table'] },
    { title: 'Le Creuset 铸铁锅 Dutch oven 24cm', description: 'Used a few times, no chips. 几乎全新。', price: 80000, category: 'home', condition: 'like_new', delivery: PS, shippingFee: 2000, spot: 'gubei', motifs: ['pot'] },
    { title: 'Nespresso 胶囊咖啡机', description: 'Works perfectly, descaled last month.', price: 40000, category: 'appliances', condition: 'light_wear', delivery: P, spot: 'gubei', motifs: ['appliance'] },
    { title: 'Yoga mat 瑜伽垫 free', description: 'Free to a good home. 免费送。', price: 0, category: 'sports', condition: 'light_wear', delivery: P, spot: 'gubei', motifs: ['mat'] },
    { title: '锅具一套 炒锅 汤锅 奶锅 pots & pans', description: 'Three pots, used for a year. 三口锅一起出。', price: 15000, category: 'home', condition: 'light_wear', delivery: P, spot: 'gubei', motifs: ['pot'] },
  ],
  xu_photo: [
    { title: '索尼 FE 50mm F1.8 镜头', description: '无霉无雾，附 UV 镜。', price: 90000, category: 'digital', condition: 'like_new', delivery: PS, shippingFee: 0, spot: 'binjiang', motifs: ['lens', 'lens'] },
    { title: '碳纤维三脚架', description: '轻便，适合旅行。', price: 45000, category: 'digital', condition: 'light_wear', delivery: S, shippingFee: 1500, spot: 'binjiang', motifs: ['tripod'] },
    { title: '理光胶片相机', description: '快门正常，测光准。', price: 60000, category: 'digital', condition: 'visible_wear', delivery: S, shippingFee: 1000, available: 0, spot: 'binjiang', motifs: ['camera'] },
  ],
};

type Job = { sellerId: string; username: string; spec: Spec; order: number };

async function createOne(deps: Deps, job: Job): Promise<string> {
  const { spec } = job;
  const photos: string[] = [];
  for (const [i, motif] of spec.motifs.entries()) {
    const png = await itemPhotoPng(motif, `${job.username}:${spec.title}:${i}`, { portrait: (job.order + i) % 3 === 0 });
    photos.push((await storeImage(deps, job.sellerId, png, 'photo', { trusted: true })).id);
  }
  // Spread over the last weeks, newest last in the list, so feeds and lists have an order.
  const createdAt = new Date(deps.clock.now().getTime() - (40 - job.order) * 0.7 * DAY_MS);
  const quantity = spec.quantity ?? 1;
  const spot = SPOTS[spec.spot];
  return withTx(deps.db, async (tx) => {
    const row = await insertItem(tx, {
      sellerId: job.sellerId,
      title: spec.title,
      description: spec.description,
      price: spec.price,
      quantity,
      available: spec.available ?? quantity,
      delivery: spec.delivery,
      shippingFee: spec.delivery.includes('shipping') ? (spec.shippingFee ?? 0) : 0,
      category: spec.category,
      condition: spec.condition,
      lat: spot.lat,
      lng: spot.lng,
      locationLabel: spot.label,
      withdrawnAt: spec.withdrawn ? createdAt : null,
      createdAt,
      updatedAt: createdAt,
    });
    await replaceImages(tx, row.id, photos);
    return row.id;
  });
}

/** Seeds the demo items of every demo member who has none yet; returns every demo item id. */
export async function seedItems(deps: Deps): Promise<{ items: number; byUsername: Record<string, string[]> }> {
  const usernames = Object.keys(DEMO_ITEMS);
  const members = await deps.db.selectFrom('users').select(['id', 'username']).where('username', 'in', usernames).execute();
  if (members.length === 0) return { items: 0, byUsername: {} };
  const existing = await deps.db
    .selectFrom('items')
    .select(['id', 'sellerId'])
    .where('sellerId', 'in', members.map((m) => m.id))
    .orderBy('createdAt')
    .execute();
  const byUsername: Record<string, string[]> = {};
  const jobs: Job[] = [];
  let order = 0;
  for (const m of members) {
    const mine = existing.filter((i) => i.sellerId === m.id).map((i) => i.id);
    byUsername[m.username] = mine;
    for (const spec of DEMO_ITEMS[m.username] ?? []) {
      order += 1;
      if (mine.length === 0) jobs.push({ sellerId: m.id, username: m.username, spec, order });
    }
  }
  // A few at a time: sharp works on the libuv pool, and the pool has a handful of threads.
  const created: { username: string; id: string; order: number }[] = [];
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        created.push({ username: job.username, id: await createOne(deps, job), order: job.order });
      }
    }),
  );
  for (const c of created.sort((a, b) => a.order - b.order)) byUsername[c.username]?.push(c.id);
  return { items: created.length, byUsername };
}
