// The app's shell — desktop side navigation, the offline state — in English. Same keys as
// shell.zh-CN.ts.
import type { Widen } from './widen.ts';
import type { shellZhCN } from './shell.zh-CN.ts';

export const shellEn: Widen<typeof shellZhCN> = {
  shell: {
    search: 'Search',
    notifications: 'Notifications',
    offline: {
      title: 'You are offline',
      body: 'updates once you are back online',
      retry: 'Reconnect',
      waiting: 'Offline: this loads once you are back online'
    },
    pickConversation: 'Pick a conversation',
    pickConversationBody: 'Your messages are on the left; open one to carry on here.',
  },
};
