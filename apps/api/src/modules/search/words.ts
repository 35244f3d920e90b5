// Word lists for queries. Synonyms widen what a query term matches (query side only, so the
// index stays what the member wrote); filler words are dropped from the terms a result must
// contain, because everything here is second-hand and "有没有人出…" says nothing about the item.
// All entries are folded (simplified, lower case).

/** Groups of words that mean the same thing to a buyer: each one finds the others. */
const SAME: readonly (readonly string[])[] = [
  ['自行车', '单车', '脚踏车', 'bike', 'bicycle'],
  ['电动车', '电瓶车', '电驴', '电动自行车'],
  ['笔记本电脑', '笔记本', '笔电', 'laptop'],
  ['显示器', '显示屏', 'monitor'],
  ['冰箱', '电冰箱', 'fridge'],
  ['相机', '照相机', 'camera'],
  ['充电宝', '移动电源'],
  ['平板', '平板电脑', 'tablet'],
  ['耳机', '耳麦', 'headphones', 'earphones'],
  ['沙发', 'sofa', 'couch'],
  ['书桌', '写字台', 'desk'],
  ['书柜', '书架', 'bookshelf', 'shelf'],
  ['衣柜', '衣橱', 'wardrobe'],
  ['教材', '课本', 'textbook'],
  ['热水壶', '电热水壶', '烧水壶', 'kettle'],
  ['咖啡机', 'coffee'],
  ['推车', '婴儿车', '童车', 'stroller'],
  ['手表', '腕表', 'watch'],
  ['运动鞋', '球鞋', 'sneakers'],
  ['游戏机', '主机', 'console'],
  ['羽绒服', '羽绒衣', '羽绒外套'],
  ['免费', '免费送', '白送', '赠送', 'free'],
  // Brands, in Chinese and in Latin letters.
  ['苹果', 'apple'],
  ['华为', 'huawei'],
  ['小米', 'xiaomi', '米家'],
  ['索尼', 'sony'],
  ['戴森', 'dyson'],
  ['宜家', 'ikea'],
  ['佳能', 'canon'],
  ['尼康', 'nikon'],
  ['富士', 'fujifilm', 'fuji'],
  ['大疆', 'dji'],
  ['任天堂', 'nintendo'],
  ['罗技', 'logitech'],
  ['耐克', 'nike'],
  ['阿迪达斯', 'adidas', '阿迪'],
  ['北面', 'northface'],
  ['乐高', 'lego'],
  ['三星', 'samsung'],
  ['联想', 'lenovo'],
  ['戴尔', 'dell'],
  ['飞利浦', 'philips'],
  ['美的', 'midea'],
  ['海尔', 'haier'],
  ['格力', 'gree'],
  ['捷安特', 'giant'],
  ['美利达', 'merida'],
  ['迪卡侬', 'decathlon'],
  ['优衣库', 'uniqlo'],
  ['宝可梦', 'pokemon', '神奇宝贝'],
  ['始祖鸟', 'arcteryx'],
  ['雅马哈', 'yamaha'],
  ['卡西欧', 'casio'],
  ['泡泡玛特', 'popmart'],
  ['无印良品', 'muji'],
  ['新百伦', 'newbalance', 'nb'],
];

/** One-way widenings: the left word also finds the right ones, not the other way round. */
const WIDER: Readonly<Record<string, readonly string[]>> = {
  屏幕: ['显示器', '显示屏'], // a buyer asking for a 屏幕 often wants a monitor; a monitor query never wants phone screens
  平板: ['ipad', 'matepad'],
  苹果手机: ['iphone'],
  苹果耳机: ['airpods'],
  苹果电脑: ['macbook', 'imac'],
  游戏机: ['switch', 'ps5', 'ps4', 'xbox'],
  手表: ['watch', '手环'],
  智能手表: ['watch', '手环', '手表'],
  单反: ['相机'],
  微单: ['相机'],
  手机: ['iphone'],
  吉他: ['尤克里里'],
  台灯: ['lamp', 'desk lamp'],
  灯: ['lamp'],
  高数: ['高等数学'],
  // Kinds of a thing find the thing's listings that name only the kind.
  书桌: ['电脑桌', '学习桌'],
  吸尘器: ['扫地机器人'],
  笔记本电脑: ['macbook', 'thinkpad', 'matebook'],
  显示器: ['电竞屏', '办公屏'],
  耳机: ['airpods'],
  switch: ['任天堂'],
  相机: ['单反', '微单', '运动相机'],
  自行车: ['公路车', '山地车', '折叠车'],
  模型: ['高达'],
};

const SYNONYMS = new Map<string, Set<string>>();
for (const group of SAME) {
  for (const w of group) {
    const set = SYNONYMS.get(w) ?? new Set<string>();
    for (const other of group) if (other !== w) set.add(other);
    SYNONYMS.set(w, set);
  }
}
// A widening of one word applies to the words that mean the same (照相机 → 单反 like 相机).
for (const [w, wider] of Object.entries(WIDER)) {
  for (const same of [w, ...(SAME.find((g) => g.includes(w)) ?? [])]) {
    const set = SYNONYMS.get(same) ?? new Set<string>();
    for (const other of wider) if (other !== same) set.add(other);
    SYNONYMS.set(same, set);
  }
}

export const synonymsOf = (term: string): string[] => [...(SYNONYMS.get(term) ?? [])];

/**
 * Words that carry no item: asking (有没有, 求), trading (出, 转让, 闲置, 二手), measure words,
 * particles and politeness. Dropped from the required terms of a query unless nothing else is left.
 */
export const FILLERS = new Set([
  '的', '了', '吗', '呢', '啊', '呀', '吧', '和', '与', '或', '及', '也', '都', '很', '还',
  '个', '一个', '一台', '一辆', '一件', '一套', '一张', '一本', '一只', '一双', '一部', '一些', '几个', '台', '辆', '件',
  '我', '我要', '我想', '想', '想要', '想买', '要', '需要', '找', '求', '求购', '收', '蹲', '买', '有', '有没有', '没有',
  '谁', '人', '哪里', '在哪', '哪儿', '出', '转', '转让', '出售', '出让', '卖', '闲置', '二手', '便宜', '低价', '便宜点',
  '急', '急出', '急售', '好', '的话', '一下', '请问', '谢谢', '附近', '同城',
]);
