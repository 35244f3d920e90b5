import { describe, expect, it } from 'vitest';
import { mergeTags, normalizeTag, topicsInBody } from './tags.ts';

describe('tags', () => {
  it('normalizes #, full-width forms, spaces and Latin case', () => {
    expect(normalizeTag('#搬家清仓')).toBe('搬家清仓');
    expect(normalizeTag('＃搬家 清仓#')).toBe('搬家清仓');
    expect(normalizeTag(' ＩＫＥＡ ')).toBe('ikea');
    expect(normalizeTag('###')).toBe('');
  });

  it('finds #topics ending at a space, a # or punctuation', () => {
    expect(topicsInBody('出闲置 #搬家清仓 #宜家#，看图！#IKEA。#谷子、#吧唧')).toEqual([
      '搬家清仓',
      '宜家',
      'ikea',
      '谷子',
      '吧唧',
    ]);
    expect(topicsInBody('价格 #1 面交')).toEqual(['1']);
    expect(topicsInBody('no topics here, just a # sign')).toEqual([]);
    expect(topicsInBody(`#${'长'.repeat(21)} #短`)).toEqual(['短']);
  });

  it('merges explicit tags first, then topics, without duplicates', () => {
    expect(mergeTags(['家具', 'IKEA'], '#ikea #搬家清仓 #家具')).toEqual(['家具', 'ikea', '搬家清仓']);
    expect(mergeTags([], '')).toEqual([]);
  });
});
