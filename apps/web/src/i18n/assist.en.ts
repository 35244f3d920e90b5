// Smart assistance (SPEC C9) in English. Same keys as assist.zh-CN.ts.
export const assistEn = {
  assist: {
    heading: 'Smart listing',
    hint: 'Suggestions from your title — tap one to use it',
    loading: 'Reading your title…',
    category: 'Category',
    title: 'Title',
    condition: 'Condition',
    tags: 'Tags',
    tagsHint: 'Tap to add to the description',
    use: 'Use',
    useLabel: 'Use the suggested {{field}}: {{value}}',
    addPhotos: 'Listings with 3 or more real photos sell faster',
    price: {
      comparables: '{{count}} similar items sold: ',
      range: 'Fair price {{low}}–{{high}}',
      use: 'Use {{price}}',
      useLabel: 'Set the price to {{price}}',
      tooFew: 'Too few similar sales to suggest a price',
      noWords: 'Say what the item is to find similar sales',
    },
    hosting: {
      title: 'Smart hosting',
      hint: 'Routine questions (still available? lowest price? shipping? where to pick up?) are answered for you; anything unsure is left to you with a notification',
      noFloor: 'No floor price yet: price questions and offers are left to you',
      chat: 'Smart hosting',
      chatHint: 'Routine questions answered for you',
      failed: 'Could not switch smart hosting; try again later',
    },
    autoBadge: 'Automatic reply',
  },
};
