// How an item's stock reads when every unit is taken: sold, or held by an order that is not
// paid yet (it comes back if the buyer does not pay). Spread into zh-CN.ts; stock.en.ts has
// the same keys.
export const stockZhCN = {
  stock: {
    held: '已被拍下',
    heldBanner: '已被拍下：买家还没付款，超时未付会重新开放购买',
  },
  // Where a shipped parcel is, as the carrier tells it (order page; GET /orders/:id/tracking).
  parcel: {
    title: '物流跟踪',
    number: '{{carrier}} {{number}}',
    status: {
      not_found: '快递公司暂时查不到这个单号，揽收后一般几小时内更新',
      pending: '等待快递员揽收',
      collected: '已揽收',
      in_transit: '运输中',
      out_for_delivery: '派送中',
      delivered: '已签收',
    },
    events: {
      collected: '快递员已揽收（{{place}}）',
      departed: '已从{{place}}发出',
      arrived: '已到达{{place}}转运中心',
      delayed: '快件在{{place}}延误，预计晚一天送达',
      out_for_delivery: '{{place}}快递员正在派送',
      delivered: '已签收，感谢使用',
    },
    delayed: '快件有延误',
    unavailable: '物流信息暂时查不到，请稍后再看',
    note: '签收后请确认收货；超时未确认将按规则自动确认',
  },
};
