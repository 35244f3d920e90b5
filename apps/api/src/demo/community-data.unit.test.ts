// The demo community says what it shows (issue 15 item 8): every item card on a note or in a
// comment is what the words around it talk about. Each linked note or comment names its cards
// in `about`: every word is in its text and every card's title has one of them; a price the
// words state ("20 元一件") is the card's price; a stall's grid is never empty.
import { describe, expect, it } from 'vitest';
import { COMMUNITY_NOTES, type CommentSpec } from './community-data.ts';
import { DEMO_ITEMS } from './items-seed.ts';
import { brokenRule, StallRules } from '../modules/notes/stall-rules.ts';

const itemOf = (by: string, i: number) => {
  const item = DEMO_ITEMS[by]?.[i];
  if (!item) throw new Error(`${by} has no demo item ${i}`);
  return item;
};

function expectCoherent(where: string, text: string, about: string[] | undefined, items: { title: string; price: number }[]) {
  expect(about?.length, `${where}: say what the cards are (about)`).toBeGreaterThan(0);
  for (const word of about ?? []) expect(text, `${where}: "${word}" is in the words`).toContain(word);
  for (const item of items) {
    expect(about?.some((w) => item.title.includes(w)), `${where}: the card "${item.title}" is one of ${about}`).toBe(true);
  }
  const stated = text.match(/(\d+)\s*元一[件个本]/);
  if (stated) for (const item of items) expect(item.price, `${where}: ${stated[0]}`).toBe(Number(stated[1]) * 100);
}

const allComments = (): { note: string; c: CommentSpec }[] =>
  COMMUNITY_NOTES.flatMap((n) => (n.comments ?? []).map((c) => ({ note: n.title, c })));

describe('demo community coherence', () => {
  it('each note’s cards match its words', () => {
    const linked = COMMUNITY_NOTES.filter((n) => n.items?.length);
    expect(linked.length).toBeGreaterThanOrEqual(12);
    for (const n of linked) {
      expectCoherent(n.title, `${n.title} ${n.body}`, n.about, (n.items ?? []).map((i) => itemOf(n.by, i)));
    }
  });

  it('each 借楼 comment’s card matches its words, price included', () => {
    const offers = allComments().filter(({ c }) => c.item !== undefined);
    expect(offers.length).toBeGreaterThanOrEqual(10);
    for (const { note, c } of offers) expectCoherent(`${note} / ${c.body}`, c.body, c.about, [itemOf(c.by, c.item as number)]);
  });

  it('the examples of the issue: monitor, summer clothes at ¥20, blocks, pots, the 考研书 stall', () => {
    const monitor = COMMUNITY_NOTES.find((n) => n.title.includes('显示器'));
    expect(itemOf('zhao_lei', monitor?.items?.[0] as number).title).toContain('显示器');
    const byBody = (w: string) => allComments().find(({ c }) => c.body.includes(w))?.c as CommentSpec;
    expect(itemOf('sun_yue', byBody('夏装').item as number)).toMatchObject({ price: 2000, category: 'clothing' });
    expect(itemOf('wang_dad', byBody('积木').item as number).title).toContain('积木');
    expect(itemOf('expat_anna', byBody('锅具').item as number).title).toContain('锅');
    const kaoyan = COMMUNITY_NOTES.find((n) => n.kind === 'stall' && n.comments?.some((c) => c.body.includes('借楼出考研书')));
    const offered = (kaoyan?.comments ?? []).filter((c) => c.item !== undefined).map((c) => itemOf(c.by, c.item as number));
    expect(offered.some((i) => i.category === 'books' && i.title.includes('考研') && i.available !== 0)).toBe(true);
  });

  it('every item offered on a stall with rules meets them', () => {
    const ruled = COMMUNITY_NOTES.filter((n) => n.stallRules);
    expect(ruled.length).toBeGreaterThanOrEqual(2);
    for (const n of ruled) {
      const rules = StallRules.parse(n.stallRules);
      for (const c of (n.comments ?? []).filter((x) => x.item !== undefined)) {
        const item = itemOf(c.by, c.item as number);
        expect(brokenRule(rules, { ...item, lat: null, lng: null }), `${n.title} / ${c.body}`).toBeNull();
      }
    }
  });

  it('every stall has items in its grid', () => {
    for (const n of COMMUNITY_NOTES.filter((x) => x.kind === 'stall')) {
      expect((n.comments ?? []).some((c) => c.item !== undefined), `${n.title} has an empty grid`).toBe(true);
    }
  });
});
