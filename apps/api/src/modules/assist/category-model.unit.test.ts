// The hourly retrain tokenizes its listings a slice per turn of the event loop: other work (the
// requests in flight) runs between the slices, and the documents are those of one pass.
import { describe, expect, it } from 'vitest';
import { DOCUMENTS_PER_TURN, listingDocument, listingDocuments } from './category-model.ts';

const listings = Array.from({ length: DOCUMENTS_PER_TURN * 4 + 7 }, (_, i) => ({
  title: `九成新 小米显示器 ${i} 寸`,
  description: i % 2 ? '搬家出，自提优先' : 'iPhone13 Pro 256G 国行',
  category: i % 3 ? 'digital' : 'furniture',
}));

describe('listingDocuments', () => {
  it('gives the same documents as one synchronous pass, in order', async () => {
    expect(await listingDocuments(listings)).toEqual(listings.map(listingDocument));
    expect(await listingDocuments([])).toEqual([]);
  });

  it('lets the event loop run between slices', async () => {
    let turns = 0;
    let done = false;
    const tick = () => {
      if (done) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    await listingDocuments(listings);
    done = true;
    // Five slices: other callbacks ran between them (without the yield, none could).
    expect(turns).toBeGreaterThanOrEqual(4);
  });
});
