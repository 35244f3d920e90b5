import { describe, expect, it } from 'vitest';
import { ageOn, checkDigit, maskIdNumber, maskName, validateIdNumber } from './id-number.ts';

const now = new Date('2026-11-21T12:00:00Z');

describe('GB 11643 resident id numbers', () => {
  it('computes the published check digit', () => {
    // The standard's worked example: 11010519491231002X.
    expect(checkDigit('11010519491231002')).toBe('X');
    expect(validateIdNumber('11010519491231002X', now)).toEqual({ ok: true, normalized: '11010519491231002X', birthDate: '1949-12-31' });
  });

  it('rejects each kind of bad number with its reason', () => {
    expect(validateIdNumber('110105194912310021', now)).toEqual({ ok: false, reason: 'checksum' });
    expect(validateIdNumber('11010519491231002', now)).toEqual({ ok: false, reason: 'format' });
    expect(validateIdNumber('00010519491231002X', now)).toEqual({ ok: false, reason: 'region' });
    const feb30 = '11010519900230001';
    expect(validateIdNumber(feb30 + checkDigit(feb30), now)).toEqual({ ok: false, reason: 'birth_date' });
    const future = '11010520300101001';
    expect(validateIdNumber(future + checkDigit(future), now)).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('counts age to the day: 18 on the birthday, not the day before', () => {
    const born = '11010520081121001';
    expect(validateIdNumber(born + checkDigit(born), now).ok).toBe(true);
    const tomorrow = '11010520081122001';
    expect(validateIdNumber(tomorrow + checkDigit(tomorrow), now)).toEqual({ ok: false, reason: 'under_18' });
    expect(ageOn(new Date('2000-02-29T00:00:00Z'), new Date('2018-02-28T00:00:00Z'))).toBe(17);
    expect(ageOn(new Date('2000-02-29T00:00:00Z'), new Date('2018-03-01T00:00:00Z'))).toBe(18);
  });

  it('masks numbers and names', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
});
