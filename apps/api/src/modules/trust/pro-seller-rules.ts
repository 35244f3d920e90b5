// The professional-seller rules (SPEC C7): pure, so each threshold is unit-tested and a member
// can be told exactly which numbers crossed which line.
//
// The line between a reseller and an individual is not volume alone: someone moving house lists
// sixty things in two days. What marks a business is sameness — many units of new goods, the
// same title or the same photo again and again (or across accounts), a day of listings all new
// or all from one category — or selling at the scale the tax rules call a business (DAC7:
// 30 sales or €2,000 a year; here 30 sales or ¥15,000 by default, operator settings).

export type SellerSignals = {
  listings24h: number;
  listings7d: number;
  /** Of the listings of the last 24 hours: the share in condition `new`, and in the commonest category. */
  newShare24h: number;
  topCategoryShare24h: number;
  /** The largest group of the member's listings (90 days) with one normalised title. */
  maxSameTitle: number;
  /** Units on sale in condition `new`, and the largest quantity of one new item. */
  newUnitsOnSale: number;
  maxNewQuantity: number;
  /** The most listings of the member sharing one photo, and other accounts listing a photo of theirs. */
  maxSamePhoto: number;
  sharedPhotoAccounts: number;
  sales365: number;
  salesTotal365: number;
  /** Item ids behind the numbers, for operators. */
  evidence: { sameTitle: string[]; samePhoto: string[]; sharedPhoto: string[]; newGoods: string[] };
};

export type GuardThresholds = { salesPerYear: number; salesTotalPerYear: number };
export const DEFAULT_THRESHOLDS: GuardThresholds = { salesPerYear: 30, salesTotalPerYear: 1_500_000 };

export type TrippedSignal = { key: string; value: number; threshold: number; detail: string; items: string[] };

export const LIMITS = {
  newUnits: 20,
  newQuantity: 10,
  sameTitle: 4,
  samePhoto: 3,
  sharedPhotoAccounts: 2,
  listingsPerDay: 30,
  uniformShare: 0.8,
  newShare: 0.5,
  listingsPerWeek: 100,
} as const;

/** Listings a flagged member may still post per day while operators look. */
export const FLAGGED_LISTINGS_PER_DAY = 3;

export function tripped(s: SellerSignals, th: GuardThresholds = DEFAULT_THRESHOLDS): TrippedSignal[] {
  const out: TrippedSignal[] = [];
  if (s.newUnitsOnSale >= LIMITS.newUnits || s.maxNewQuantity >= LIMITS.newQuantity) {
    const value = Math.max(s.newUnitsOnSale, s.maxNewQuantity);
    out.push({
      key: 'new_goods',
      value,
      threshold: s.maxNewQuantity >= LIMITS.newQuantity ? LIMITS.newQuantity : LIMITS.newUnits,
      detail: `${s.newUnitsOnSale} units of brand-new goods on sale (largest single listing ${s.maxNewQuantity})`,
      items: s.evidence.newGoods,
    });
  }
  if (s.maxSameTitle >= LIMITS.sameTitle) {
    out.push({ key: 'duplicate_titles', value: s.maxSameTitle, threshold: LIMITS.sameTitle, detail: `${s.maxSameTitle} listings with the same title`, items: s.evidence.sameTitle });
  }
  if (s.maxSamePhoto >= LIMITS.samePhoto) {
    out.push({ key: 'duplicate_photos', value: s.maxSamePhoto, threshold: LIMITS.samePhoto, detail: `${s.maxSamePhoto} listings with the same photo`, items: s.evidence.samePhoto });
  }
  if (s.sharedPhotoAccounts >= LIMITS.sharedPhotoAccounts) {
    out.push({
      key: 'shared_photos',
      value: s.sharedPhotoAccounts,
      threshold: LIMITS.sharedPhotoAccounts,
      detail: `A listing photo also used by ${s.sharedPhotoAccounts} other accounts`,
      items: s.evidence.sharedPhoto,
    });
  }
  const uniformDay = s.listings24h >= LIMITS.listingsPerDay && (s.newShare24h >= LIMITS.newShare || s.topCategoryShare24h >= LIMITS.uniformShare);
  if (uniformDay || s.listings7d >= LIMITS.listingsPerWeek) {
    out.push({
      key: 'velocity',
      value: uniformDay ? s.listings24h : s.listings7d,
      threshold: uniformDay ? LIMITS.listingsPerDay : LIMITS.listingsPerWeek,
      detail: uniformDay
        ? `${s.listings24h} listings in 24 hours, ${Math.round(s.newShare24h * 100)}% new, ${Math.round(s.topCategoryShare24h * 100)}% in one category`
        : `${s.listings7d} listings in 7 days`,
      items: [],
    });
  }
  const sold = `${s.sales365} sales totalling ¥${(s.salesTotal365 / 100).toFixed(2)} in the last 12 months`;
  if (s.sales365 >= th.salesPerYear) {
    out.push({ key: 'sales_volume', value: s.sales365, threshold: th.salesPerYear, detail: sold, items: [] });
  } else if (s.salesTotal365 >= th.salesTotalPerYear) {
    // value and threshold in fen
    out.push({ key: 'sales_total', value: s.salesTotal365, threshold: th.salesTotalPerYear, detail: sold, items: [] });
  }
  return out;
}

/** Titles that differ only in case, spaces, punctuation or emoji are the same listing. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}
