// The app's shell — desktop side navigation, the offline state — in Simplified Chinese. Spread
// into zh-CN.ts; shell.en.ts must have the same keys.
export const shellZhCN = {
  shell: {
    search: '搜索',
    notifications: '通知',
    offline: {
      title: '你已离线',
      body: '联网后自动更新',
      retry: '重新连接',
      waiting: '离线中，联网后继续加载'
    },
    pickConversation: '选择一个对话',
    pickConversationBody: '左侧是你的全部私信，点开一个就在这里继续聊。',
  },
};
