// Generated completed trades for measuring the price range (issue 16). Written BEFORE the
// range algorithm and committed before it was tuned. Each product family has a typical sale
// price for a like-new unit; a trade's price is that, times a condition factor, times
// log-normal noise (σ = 0.15: second-hand prices of one model spread about ±15%), rounded
// the way people price things (whole yuan, then 5 or 10 yuan above ¥100). Families that share
// words but not prices (iPhone 13 / 13 Pro / 14, 宜家书桌 / 实木书桌) make "similar tokens"
// earn its keep. Deterministic: the same seed gives the same trades.
import type { CategoryKey, ItemCondition } from '@jishi/shared';

export type GeneratedTrade = { family: string; title: string; category: CategoryKey; condition: ItemCondition; price: number };

type Family = { key: string; category: CategoryKey; typical: number; titles: string[] };

// Typical like-new second-hand prices in fen.
const FAMILIES: Family[] = [
  { key: 'iphone13', category: 'digital', typical: 300000, titles: ['iPhone 13 128G {color}', '苹果13 128G 国行 {cond}', 'iPhone13 {color} 自用 {cond}', '苹果 iPhone 13 128G'] },
  { key: 'iphone13pro', category: 'digital', typical: 420000, titles: ['iPhone 13 Pro 256G {color}', '苹果13Pro 256 国行 {cond}', 'iPhone13 Pro {color} {cond}'] },
  { key: 'iphone14', category: 'digital', typical: 400000, titles: ['iPhone 14 128G {color}', '苹果14 128G {cond}', 'iPhone14 国行 {color}'] },
  { key: 'airpods', category: 'digital', typical: 110000, titles: ['AirPods Pro 二代 {cond}', '苹果 AirPods Pro2 耳机', 'airpods pro 2 国行 {cond}'] },
  { key: 'switch', category: 'digital', typical: 130000, titles: ['Switch 续航版 {cond}', '任天堂 Switch 日版 {color}', 'NS switch 主机 {cond}'] },
  { key: 'kindle', category: 'digital', typical: 45000, titles: ['Kindle Paperwhite {cond}', 'kindle 电子书 阅读器', 'Kindle 入门版 {color}'] },
  { key: 'mxmaster', category: 'digital', typical: 42000, titles: ['罗技 MX Master 3 鼠标 {cond}', 'Logitech MX Master3 {color}', '罗技 mx master 3s 无线鼠标'] },
  { key: 'ikea_desk', category: 'furniture', typical: 20000, titles: ['宜家 书桌 {color} {cond}', '宜家 电脑桌 书桌 自提', 'IKEA 书桌 {cond}', '宜家 学习桌 {color}'] },
  { key: 'wood_desk', category: 'furniture', typical: 45000, titles: ['实木书桌 1.2米 {cond}', '实木 写字台 {color}', '橡木 书桌 实木 {cond}'] },
  { key: 'sofa', category: 'furniture', typical: 80000, titles: ['布艺沙发 三人位 {color}', '三人 布艺沙发 {cond}', '沙发 布艺 三人 搬家出'] },
  { key: 'billy', category: 'furniture', typical: 25000, titles: ['宜家 毕利 书柜 {color}', '宜家 书柜 毕利 {cond}', 'IKEA BILLY 书架'] },
  { key: 'office_chair', category: 'furniture', typical: 30000, titles: ['人体工学椅 {color} {cond}', '办公椅 网布 人体工学', '电脑椅 人体工学 {cond}'] },
  { key: 'purifier', category: 'appliances', typical: 40000, titles: ['小米空气净化器 4 {cond}', '米家 空气净化器 {color}', '小米 净化器 4代'] },
  { key: 'dyson', category: 'appliances', typical: 150000, titles: ['戴森 V10 吸尘器 {cond}', 'Dyson V10 无线吸尘器', '戴森 吸尘器 V10 {color}'] },
  { key: 'microwave', category: 'appliances', typical: 15000, titles: ['美的 微波炉 {color}', '微波炉 20L {cond}', '格兰仕 微波炉 {cond}'] },
  { key: 'kaoyan', category: 'books', typical: 6000, titles: ['考研 数学 复习全书 {cond}', '考研数学 教材 一套', '考研 复习全书 数学一'] },
  { key: 'santi', category: 'books', typical: 4500, titles: ['三体 全三册 {cond}', '《三体》全套 刘慈欣', '三体 123 全集'] },
  { key: 'northface', category: 'clothing', typical: 70000, titles: ['北面 羽绒服 1996 {color}', 'The North Face 羽绒服 {cond}', '北面 1996 羽绒 L码'] },
  { key: 'af1', category: 'clothing', typical: 35000, titles: ['耐克 空军一号 42码 {cond}', 'Nike AF1 白色 {cond}', '空军一号 低帮 {color} 41'] },
  { key: 'stroller', category: 'baby', typical: 40000, titles: ['婴儿推车 可坐可躺 {cond}', '好孩子 婴儿车 {color}', '婴儿 推车 轻便 {cond}'] },
  { key: 'roadbike', category: 'sports', typical: 120000, titles: ['迪卡侬 公路车 RC100 {cond}', '公路自行车 迪卡侬 {color}', '迪卡侬 公路车 {cond}'] },
  { key: 'dumbbell', category: 'sports', typical: 15000, titles: ['可调节 哑铃 20kg {cond}', '哑铃 一对 20公斤', '哑铃 可调 {color}'] },
  { key: 'badge', category: 'anime', typical: 2500, titles: ['排球少年 吧唧 {cond}', '吧唧 58mm 盲抽 {color}', '咒术回战 吧唧 {cond}'] },
  { key: 'anr', category: 'beauty', typical: 45000, titles: ['雅诗兰黛 小棕瓶 50ml {cond}', '小棕瓶 精华 50ml', '雅诗兰黛 小棕瓶 {cond}'] },
];

const COLORS = ['白色', '黑色', '蓝色', '灰色', '粉色', ''];
const COND_WORDS: Record<ItemCondition, string[]> = {
  new: ['全新', '未拆封', '全新未用'],
  like_new: ['九成新', '95新', '几乎全新', ''],
  light_wear: ['八成新', '有使用痕迹', ''],
  visible_wear: ['七成新', '有划痕', '成色一般'],
};
const CONDITIONS: ItemCondition[] = ['new', 'like_new', 'like_new', 'light_wear', 'light_wear', 'visible_wear'];
export const CONDITION_FACTOR: Record<ItemCondition, number> = { new: 1.15, like_new: 1, light_wear: 0.85, visible_wear: 0.7 };
const NOISE_SIGMA = 0.15;

/** mulberry32: a small seeded generator, so the measurement is the same on every run. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Whole yuan; 5 yuan steps from ¥100, 10 from ¥1,000: how sellers round. */
export function roundPrice(fen: number): number {
  const step = fen >= 100000 ? 1000 : fen >= 10000 ? 500 : 100;
  return Math.max(100, Math.round(fen / step) * step);
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

export function generateTrades(perFamily = 24, seed = 16): GeneratedTrade[] {
  const rand = seeded(seed);
  const out: GeneratedTrade[] = [];
  for (const f of FAMILIES) {
    for (let i = 0; i < perFamily; i++) {
      const condition = pick(rand, CONDITIONS);
      const title = pick(rand, f.titles)
        .replace('{color}', pick(rand, COLORS))
        .replace('{cond}', pick(rand, COND_WORDS[condition]))
        .replace(/\s+/g, ' ')
        .trim();
      const price = roundPrice(f.typical * CONDITION_FACTOR[condition] * Math.exp(NOISE_SIGMA * gaussian(rand)));
      out.push({ family: f.key, title, category: f.category, condition, price });
    }
  }
  return out;
}

/** Every fifth trade of each family is held out: its price is what the range must contain. */
export function splitTrades(trades: GeneratedTrade[]) {
  const seen = new Map<string, number>();
  const known: GeneratedTrade[] = [];
  const heldOut: GeneratedTrade[] = [];
  for (const t of trades) {
    const n = seen.get(t.family) ?? 0;
    seen.set(t.family, n + 1);
    (n % 5 === 4 ? heldOut : known).push(t);
  }
  return { known, heldOut };
}
