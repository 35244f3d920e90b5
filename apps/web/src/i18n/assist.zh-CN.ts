// Smart assistance (SPEC C9) — suggestions in the sell form, the price hint, smart hosting —
// in Simplified Chinese. Spread into zh-CN.ts; assist.en.ts must have the same keys.
export const assistZhCN = {
  assist: {
    heading: '智能发布',
    hint: '根据你写的标题给出建议，点一下就能采用',
    loading: '正在分析…',
    category: '分类',
    title: '标题',
    condition: '成色',
    tags: '标签',
    tagsHint: '点一下加到描述里',
    use: '采用',
    useLabel: '采用建议的{{field}}：{{value}}',
    addPhotos: '多放几张实拍图（3 张以上）更容易卖出',
    price: {
      comparables: '{{count}} 件相似的已成交：',
      range: '参考价 {{low}}–{{high}}',
      use: '用 {{price}}',
      useLabel: '价格填 {{price}}',
      tooFew: '相似成交太少，暂无参考价',
      noWords: '写清楚是什么东西，才能找到相似的成交',
    },
    hosting: {
      title: '智能托管',
      hint: '买家问“还在吗、最低多少、包邮吗、在哪自提”等常见问题时自动回复；拿不准的会通知你亲自回复',
      noFloor: '还没设置底价：问价和议价会交给你回复',
      chat: '智能托管',
      chatHint: '常见问题自动回复',
      failed: '没能切换智能托管，请稍后再试',
    },
    autoBadge: '自动回复',
  },
};
