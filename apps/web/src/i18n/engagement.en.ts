import type { engagementZhCN } from './engagement.zh-CN.ts';
import type { Widen } from './widen.ts';

export const engagementEn: Widen<typeof engagementZhCN> = {
  engage: {
    want: 'Want',
    wanted: 'Wanted',
    views: '{{count}} views',
    wants: '{{count}} want this',
    seeNote: 'See the original note',
    share: 'Share',
    linkCopied: 'Link copied — share it anywhere',
    copyThis: 'Copy this link:',
    report: 'Report',
    moreFromSeller: 'More from this seller',
    allFromSeller: 'See everything they sell',
    avatar: {
      change: 'Change avatar',
      title: 'Crop your avatar',
      drag: 'Drag the photo to position it',
      zoom: 'Zoom',
      hint: 'Drag to position; the circle is your avatar',
      save: 'Use this avatar',
      unreadable: 'This image could not be read; try another one',
    },
    stats: {
      title: 'Seller stats',
      sold: 'Sold',
      rate: 'Replies within 24 h',
      time: 'Typical reply',
      underMinute: 'under 1 min',
      minutes: '{{count}} min',
      hours: '{{count}} h',
      days: '{{count}} d',
    },
    tag: {
      tabs: 'Topic content',
      notes: 'Notes',
      items: 'On sale',
      noNotes: 'No notes with this topic yet',
      noItems: 'Nothing on sale under this topic yet',
    },
    note: {
      photosHint: 'Reorder with the arrows; the first one is the cover',
    },
  },
};
