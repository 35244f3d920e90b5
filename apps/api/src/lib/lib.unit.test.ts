import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../config.ts';
import { basisPointsHalfUp, formatYuan } from './money.ts';
import { decodeCursor, encodeCursor, toPage } from './pagination.ts';
import { secretsFromKeys } from './secrets.ts';

describe('money', () => {
  it('takes the 0.6% fee rounded half-up to the fen', () => {
    expect(basisPointsHalfUp(3600, 60)).toBe(22); // 21.6 → 22
    expect(basisPointsHalfUp(2500, 60)).toBe(15); // exactly 15
    expect(basisPointsHalfUp(2583, 60)).toBe(15); // 15.498 → 15
    expect(basisPointsHalfUp(2584, 60)).toBe(16); // 15.504 → 16
    expect(basisPointsHalfUp(2575, 60)).toBe(15); // 15.45 fen → 15
    expect(basisPointsHalfUp(2525, 60)).toBe(15); // 15.15 → 15
    expect(basisPointsHalfUp(4250, 60)).toBe(26); // 25.5 → 26: the half goes up
  });
  it('never accepts floats or negatives', () => {
    expect(() => basisPointsHalfUp(10.5, 60)).toThrow(RangeError);
    expect(() => basisPointsHalfUp(-1, 60)).toThrow(RangeError);
  });
  it('formats yuan', () => {
    expect(formatYuan(4900)).toBe('¥49.00');
    expect(formatYuan(5)).toBe('¥0.05');
  });
});

describe('config', () => {
  it('has the documented defaults', () => {
    const c = readConfig({});
    expect(c).toMatchObject({ port: 3000, quickSellMinAccountDays: 180, quickSellPriceCap: 1_000_000, feeBps: 60, databaseUrl: undefined });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });
  it.each([
    ['PORT', 'abc', /PORT.*integer/],
    ['FEE_BPS', '-1', /FEE_BPS/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL.*one of fatal, error/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL.*postgres/],
    ['SEED_DEMO', 'maybe', /SEED_DEMO.*true, false/],
  ])('names the variable and what it accepts: %s=%s', (name, value, msg) => {
    expect(() => readConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readConfig({ [name]: value })).toThrow(msg);
  });
});

describe('keyset cursors', () => {
  it('round-trips and refuses forged cursors', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01T00:00:00Z', 'abc']), 2)).toEqual(['2026-01-01T00:00:00Z', 'abc']);
    expect(() => decodeCursor('not-base64-json', 2)).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor(['x']), 2)).toThrow(/cursor/);
  });
  it('pages with limit+1 rows', () => {
    const p = toPage([1, 2, 3], 2, (r) => [r], (r) => r * 10);
    expect(p.items).toEqual([10, 20]);
    expect(decodeCursor(p.nextCursor ?? undefined, 1)).toEqual([2]);
    expect(toPage([1], 2, (r) => [r], (r) => r).nextCursor).toBeNull();
  });
});

describe('secrets', () => {
  it('seals and opens, and detects tampering', () => {
    const s = secretsFromKeys(Buffer.alloc(32, 7), Buffer.alloc(32, 8));
    const sealed = s.encrypt('11010519491231002X');
    expect(sealed).not.toContain('1101');
    expect(s.decrypt(sealed)).toBe('11010519491231002X');
    const parts = sealed.split(':');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => s.decrypt(parts.join(':'))).toThrow();
    expect(s.hash('a')).toBe(s.hash('a'));
  });
});
