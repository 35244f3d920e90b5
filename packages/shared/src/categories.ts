// The quick-sell category taxonomy (SPEC C3). A fixed list both apps read: the API validates
// against it and serves it at GET /items/categories, the web shows the labels. Keys are API
// values and never change; labels may. Add a category by appending here.
export type Labels = { 'zh-CN': string; en: string };

export type Category = {
  key: string;
  labels: Labels;
  /** Virtual goods and services (约稿, COS makeup…): the web suggests online delivery. */
  virtual: boolean;
};

export const CATEGORIES = [
  { key: 'furniture', labels: { 'zh-CN': '家具', en: 'Furniture' }, virtual: false },
  { key: 'appliances', labels: { 'zh-CN': '家电', en: 'Appliances' }, virtual: false },
  { key: 'digital', labels: { 'zh-CN': '数码', en: 'Electronics' }, virtual: false },
  { key: 'books', labels: { 'zh-CN': '图书', en: 'Books' }, virtual: false },
  { key: 'clothing', labels: { 'zh-CN': '服饰', en: 'Clothing & bags' }, virtual: false },
  { key: 'beauty', labels: { 'zh-CN': '美妆', en: 'Beauty' }, virtual: false },
  { key: 'baby', labels: { 'zh-CN': '母婴', en: 'Baby & kids' }, virtual: false },
  { key: 'home', labels: { 'zh-CN': '家居日用', en: 'Home & kitchen' }, virtual: false },
  { key: 'sports', labels: { 'zh-CN': '运动户外', en: 'Sports & outdoors' }, virtual: false },
  { key: 'anime', labels: { 'zh-CN': '动漫周边/谷子', en: 'Anime goods' }, virtual: false },
  { key: 'services', labels: { 'zh-CN': '约稿/手作/COS 服务', en: 'Commissions & services' }, virtual: true },
  { key: 'plants', labels: { 'zh-CN': '绿植', en: 'Plants' }, virtual: false },
  { key: 'other', labels: { 'zh-CN': '其他', en: 'Other' }, virtual: false },
] as const satisfies readonly Category[];

export type CategoryKey = (typeof CATEGORIES)[number]['key'];

export const CATEGORY_KEYS = CATEGORIES.map((c) => c.key) as [CategoryKey, ...CategoryKey[]];

/** What an item gets when the seller does not choose (the API contract makes category optional). */
export const DEFAULT_CATEGORY: CategoryKey = 'other';

export const isCategoryKey = (v: string): v is CategoryKey => (CATEGORY_KEYS as string[]).includes(v);

export function categoryLabel(key: string, locale: keyof Labels = 'zh-CN'): string {
  return CATEGORIES.find((c) => c.key === key)?.labels[locale] ?? key;
}
