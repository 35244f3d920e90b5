// Discovery (SPEC C2 feeds, C8): the For you tab's reasons, wanted matches, saved searches — in
// English. Same keys as discovery.zh-CN.ts.
export const discoveryEn = {
  discovery: {
    tab: 'For you',
    empty: 'Nothing to recommend yet. Have a look at the latest notes.',
    reason: {
      followed: 'New from someone you follow',
      tag: {
        like: 'Because you liked #{{tag}}',
        collect: 'Because you saved #{{tag}}',
        view: 'Because you viewed #{{tag}}',
        search: 'Because you searched #{{tag}}',
        purchase: 'Because you bought #{{tag}}',
      },
      category: {
        like: 'Because you liked {{category}}',
        collect: 'Because you saved {{category}}',
        view: 'Because you viewed {{category}}',
        search: 'Because you searched {{category}}',
        purchase: 'Because you bought {{category}}',
      },
      search: 'Because you searched “{{query}}”',
      nearby: '{{km}} km from you',
      popular: 'Popular now',
      fresh: 'Just posted',
    },
    wanted: {
      title: 'Items that match',
      comment: 'Wanted: {{title}}',
      max: 'up to {{price}}',
      none: 'Nothing matches yet — you will be notified when something does',
    },
    saved: {
      save: 'Save search',
      done: 'Saved — you will hear of new results',
      title: 'Saved searches',
      empty: 'Tap “Save search” on the search page to hear of new listings',
      new: '{{count}} new',
      delete: 'Delete',
      deleteLabel: 'Delete the saved search “{{label}}”',
    },
  },
};
