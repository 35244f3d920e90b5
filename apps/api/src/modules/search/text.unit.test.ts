// The text pipeline without a database: folding, Latin runs, query groups, highlight spans.
import { describe, expect, it } from 'vitest';
import { highlight } from './highlight.ts';
import { itemVector } from './indexer.ts';
import { parseQuery } from './query.ts';
import { documentTerms, fold, latinTerms } from './text.ts';

describe('search text', () => {
  it('folds full-width to half-width and traditional to simplified', () => {
    expect(fold('ＩＰＨＯＮＥ１３ 沙發，乾淨')).toBe('IPHONE13 沙发,干净');
  });

  it('keeps Latin and digit runs whole and split', () => {
    expect(latinTerms('iPhone13')).toEqual(['iphone13', 'iphone', 'phone', '13']);
    expect(latinTerms('WH-1000XM4')).toEqual(expect.arrayContaining(['wh1000xm4', 'wh', '1000', 'xm', '4']));
    expect(latinTerms('1.2')).toContain('1.2');
    expect(latinTerms('256G')).not.toContain('g');
  });

  it('indexes jieba words and the bigrams of long words', () => {
    const terms = documentTerms('九成新布艺沙发转让');
    expect(terms).toEqual(expect.arrayContaining(['九成新', '沙发', '布艺沙发', '布艺', '转让']));
    expect(itemVector({ title: '沙發', description: '', category: 'furniture', price: 0 })).toMatch(/'沙发':1A.*'免费'/);
  });

  it('turns a query into required groups with synonyms, dropping filler words', () => {
    const bike = parseQuery('有没有二手的单车');
    expect(bike?.groups).toHaveLength(1);
    expect(bike?.strict).toMatch(/^\('单车' \| '自行车' \| '脚踏车' \| 'bike'/);
    expect(parseQuery('iphone13')?.strict).toBe("('iphone13' | ('iphone' & '13'))");
    expect(parseQuery('椅子')?.strict).toBe("('椅子' | '椅')");
    expect(parseQuery('  ')).toBeNull();
  });

  it('marks matched words in the title as UTF-16 spans, through folding', () => {
    expect(highlight('九成新沙發', '', ['沙发'])).toEqual({ highlights: ['沙发'], titleMarks: [[3, 5]] });
    expect(highlight('😀ｉＰｈｏｎｅ', '', ['iphone']).titleMarks).toEqual([[2, 8]]);
    expect(highlight('台灯', '自提', ['自提']).highlights).toEqual(['自提']);
  });
});
