// parseQuery remembers its latest parses: the same text gives the same (frozen) answer, which a
// caller cannot change for the next request; other texts are parsed on their own.
import { describe, expect, it } from 'vitest';
import { parseQuery } from './query.ts';

describe('parseQuery, remembered', () => {
  it('answers the same text with the same frozen parse', () => {
    const a = parseQuery('二手 显示器');
    const b = parseQuery('二手 显示器');
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a?.highlights)).toBe(true);
    expect(Object.isFrozen(a?.groups[0])).toBe(true);
    const highlights: string[] = a?.highlights ?? [];
    expect(() => highlights.push('x')).toThrow(TypeError);
  });

  it('parses other texts on their own, and no words as null', () => {
    const a = parseQuery('显示器');
    const b = parseQuery('自行车');
    expect(a?.strict).not.toBe(b?.strict);
    expect(parseQuery('   ')).toBeNull();
    expect(parseQuery('   ')).toBeNull();
    expect(parseQuery(undefined)).toBeNull();
  });
});
