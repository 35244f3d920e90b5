// Money is an integer number of fen everywhere. Never a float, never a string in TS code.
export type Fen = number;

export function assertFen(v: number): Fen {
  if (!Number.isSafeInteger(v)) throw new RangeError(`not an integer amount of fen: ${v}`);
  return v;
}

/** bps of an amount, rounded half-up to the fen: the service fee rule (SPEC C4). */
export function basisPointsHalfUp(amount: Fen, bps: number): Fen {
  assertFen(amount);
  if (amount < 0) throw new RangeError('fee base cannot be negative');
  // Integer arithmetic only: (amount * bps + 5000) / 10000, floored, is half-up for amount ≥ 0.
  return Math.floor((amount * bps + 5000) / 10000);
}

export function formatYuan(amount: Fen): string {
  const sign = amount < 0 ? '-' : '';
  const a = Math.abs(amount);
  return `${sign}¥${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
