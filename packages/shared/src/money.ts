// Money is an integer number of fen (CNY minor units) everywhere: in the API, in the database,
// in the web app's state. Yuan strings exist only at the edge — what a member types and reads.
export type Fen = number;

export const isFen = (v: unknown): v is Fen => typeof v === 'number' && Number.isSafeInteger(v);

/** "¥49" for whole yuan, "¥49.50" otherwise; negative amounts keep their sign in front. */
export function formatFen(amount: Fen): string {
  if (!isFen(amount)) throw new RangeError(`not an integer amount of fen: ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const a = Math.abs(amount);
  const yuan = Math.floor(a / 100);
  const fen = a % 100;
  return fen === 0 ? `${sign}¥${yuan}` : `${sign}¥${yuan}.${String(fen).padStart(2, '0')}`;
}

/** An item's price as shown on a card: 0 is a free giveaway (免费送). */
export function formatPrice(amount: Fen, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  if (amount === 0) return locale === 'en' ? 'Free' : '免费送';
  return formatFen(amount);
}

/**
 * Parses what a member types as a price in yuan ("49", "49.5", "¥1,299.00") into fen, or null
 * when it is not a non-negative amount with at most two decimals. String arithmetic, no floats:
 * "0.29" must be 29 fen, not 28.999….
 */
export function parseYuan(input: string): Fen | null {
  const s = input.trim().replace(/^[¥￥]\s*/, '').replaceAll(',', '');
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const yuan = Number(m[1]);
  const fen = Number((m[2] ?? '').padEnd(2, '0'));
  return yuan * 100 + fen;
}

/** Fen as a plain yuan string for an input field: 4950 → "49.50", 4900 → "49". */
export function fenToYuanInput(amount: Fen): string {
  const f = formatFen(amount);
  return f.replace('¥', '');
}
