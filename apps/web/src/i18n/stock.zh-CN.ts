// How an item's stock reads when every unit is taken: sold, or held by an order that is not
// paid yet (it comes back if the buyer does not pay). Spread into zh-CN.ts; stock.en.ts has
// the same keys.
export const stockZhCN = {
  stock: {
    held: '已被拍下',
    heldBanner: '已被拍下：买家还没付款，超时未付会重新开放购买',
  },
};
