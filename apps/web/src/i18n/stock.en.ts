// How an item's stock reads when every unit is taken (English). Same keys as stock.zh-CN.ts.
import type { Widen } from './widen.ts';
import type { stockZhCN } from './stock.zh-CN.ts';

export const stockEn: Widen<typeof stockZhCN> = {
  stock: {
    held: 'Ordered, not paid yet',
    heldBanner: 'Ordered, not paid yet: if the buyer does not pay in time it goes back on sale',
  },
};
