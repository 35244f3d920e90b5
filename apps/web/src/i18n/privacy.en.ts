// Personal data: the export and account deletion (SPEC C11), English. Same keys as
// privacy.zh-CN.ts.
import type { privacyZhCN } from './privacy.zh-CN.ts';
import type { Widen } from './widen.ts';

export const privacyEn: Widen<typeof privacyZhCN> = {
  privacy: {
    link: 'Your data and account deletion',
    title: 'Your data and deleting your account',
    exportTitle: 'Download your data',
    exportBody: 'One JSON file with everything Jishi stores about you: profile, notes, comments, items, orders, offers, chats, reviews, wallet entries, withdrawals, addresses, notifications, reports, after-sale cases and credit score. Your ID number appears masked only; passwords and sign-in tokens are never exported.',
    exportButton: 'Download data (JSON)',
    exportLimit: 'Up to 10 downloads an hour.',
    deleteTitle: 'Delete account',
    deleteIntro: 'Deleting cannot be undone.',
    goneTitle: 'What is deleted',
    gone: 'Your display name, bio, city, interest tags and avatar; your password and real-name verification (your ID number can verify a new account); your notes and photos; the text of your comments; likes, collects, follows, addresses and notifications. Items on sale are withdrawn, open offers withdrawn, unpaid orders cancelled, and every sign-in ends at once. Your username is released and can be registered again.',
    keptTitle: 'What is kept',
    kept: 'Past orders, after-sale cases, ledger entries and reviews, and the messages you sent in chats: the people you traded with and the law need them. In them you appear as “已注销用户” (deleted member).',
    password: 'Enter your password to confirm',
    confirm: 'I understand that this cannot be undone',
    submit: 'Delete my account for good',
    submitting: 'Deleting…',
    wrongPassword: 'That password is not right; your account was not deleted.',
    blockedTitle: 'Your account cannot be deleted yet:',
    blocker: {
      open_orders: 'You have {{count}} orders in progress: complete or cancel them first.',
      open_cases: 'You have {{count}} open after-sale cases: wait for them to close, or withdraw the ones you opened.',
      wallet_not_empty: 'Your wallet still holds {{amount}}: withdraw it first.',
      withdrawal_processing: 'A withdrawal is still on its way: wait until it has arrived.',
    },
    ordersLink: 'See orders',
    walletLink: 'Go to wallet',
    done: 'Your account has been deleted. Thank you for being part of Jishi.',
    backHome: 'Back to the home page',
  },
};
