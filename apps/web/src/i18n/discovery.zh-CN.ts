// Discovery (SPEC C2 feeds, C8): the 推荐 tab's reasons, wanted matches, saved searches — in
// Simplified Chinese. Spread into zh-CN.ts; discovery.en.ts must have the same keys.
export const discoveryZhCN = {
  discovery: {
    tab: '推荐',
    empty: '还没有可推荐的笔记，先去逛逛最新吧',
    reason: {
      followed: '你关注的人发布了新笔记',
      tag: {
        like: '因为你赞过 #{{tag}}',
        collect: '因为你收藏了 #{{tag}}',
        view: '因为你看过 #{{tag}}',
        search: '因为你搜过 #{{tag}}',
        purchase: '因为你买过 #{{tag}}',
      },
      category: {
        like: '因为你赞过{{category}}',
        collect: '因为你收藏了{{category}}',
        view: '因为你看过{{category}}',
        search: '因为你搜过{{category}}',
        purchase: '因为你买过{{category}}',
      },
      search: '因为你搜过「{{query}}」',
      nearby: '离你 {{km}} 公里',
      popular: '大家都在看',
      fresh: '新鲜发布',
    },
    wanted: {
      title: '符合求购的闲置',
      comment: '求购：{{title}}',
      max: '最多 {{price}}',
      none: '暂时没有符合的闲置，有新的会通知你',
    },
    saved: {
      save: '保存搜索',
      done: '已保存，有新结果会通知你',
      title: '保存的搜索',
      empty: '在搜索页点「保存搜索」，有新的闲置上架会通知你',
      new: '{{count}} 个新结果',
      delete: '删除',
      deleteLabel: '删除保存的搜索「{{label}}」',
    },
  },
};
