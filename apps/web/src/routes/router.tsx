// Every page of the web app. Layouts: tab pages (with the bottom bar), sub-pages, and the
// RequireMember guard that sends visitors to /login?next=… and back.
import { type ComponentType, lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireMember } from '../features/accounts/components/require-member.tsx';
import HomePage from './home/index.tsx';
import { RootLayout, SubLayout, TabLayout } from './layouts.tsx';
import MePage from './me/index.tsx';
import InboxPage from './messages/index.tsx';
import PublishChooserPage from './sell/chooser.tsx';

// The four tab pages are in the first load so switching tabs is instant. Every other page is
// its own chunk, fetched on first visit (the layouts show a light fallback meanwhile), and the
// pages members open most from a tab are fetched ahead once the browser is idle.
const pages = {
  login: () => import('./auth/login.tsx'),
  register: () => import('./auth/register.tsx'),
  profile: () => import('./users/profile.tsx'),
  tag: () => import('./tags/tag.tsx'),
  credit: () => import('./users/credit.tsx'),
  conversation: () => import('./messages/conversation.tsx'),
  note: () => import('./notes/note.tsx'),
  publishNote: () => import('./publish/note.tsx'),
  item: () => import('./items/item.tsx'),
  sell: () => import('./sell/index.tsx'),
  editItem: () => import('./items/edit.tsx'),
  checkout: () => import('./orders/checkout.tsx'),
  orders: () => import('./orders/list.tsx'),
  order: () => import('./orders/order.tsx'),
  wallet: () => import('./wallet/index.tsx'),
  offers: () => import('./offers/index.tsx'),
  myItems: () => import('./items/mine.tsx'),
  editProfile: () => import('./me/edit.tsx'),
  verification: () => import('./me/verification.tsx'),
  privacy: () => import('./me/privacy.tsx'),
  accountDeleted: () => import('./me/deleted.tsx'),
  notifications: () => import('./notifications/index.tsx'),
  openCase: () => import('./aftersale/open.tsx'),
  afterSale: () => import('./aftersale/case.tsx'),
  jury: () => import('./jury/index.tsx'),
  juryCase: () => import('./jury/case.tsx'),
  juryLog: () => import('./jury/log.tsx'),
  notFound: () => import('./not-found.tsx'),
  search: () => import('./search/index.tsx'),
  admin: () => import('./admin/index.tsx'),
} satisfies Record<string, () => Promise<{ default: ComponentType }>>;

const LoginPage = lazy(pages.login);
const RegisterPage = lazy(pages.register);
const PublicProfilePage = lazy(pages.profile);
const TagPage = lazy(pages.tag);
const CreditPage = lazy(pages.credit);
const ConversationPage = lazy(pages.conversation);
const NotePage = lazy(pages.note);
const PublishNotePage = lazy(pages.publishNote);
const ItemPage = lazy(pages.item);
const SellPage = lazy(pages.sell);
const EditItemPage = lazy(pages.editItem);
const CheckoutPage = lazy(pages.checkout);
const OrdersPage = lazy(pages.orders);
const OrderPage = lazy(pages.order);
const WalletPage = lazy(pages.wallet);
const OffersPage = lazy(pages.offers);
const MyItemsPage = lazy(pages.myItems);
const EditProfilePage = lazy(pages.editProfile);
const VerificationPage = lazy(pages.verification);
const PrivacyPage = lazy(pages.privacy);
const AccountDeletedPage = lazy(pages.accountDeleted);
const NotificationsPage = lazy(pages.notifications);
const OpenCasePage = lazy(pages.openCase);
const AfterSalePage = lazy(pages.afterSale);
const JuryPage = lazy(pages.jury);
const JuryCasePage = lazy(pages.juryCase);
const JuryLogPage = lazy(pages.juryLog);
const NotFoundPage = lazy(pages.notFound);
const SearchPage = lazy(pages.search);
// The operator console: its own chunk (code, texts, styles, uPlot), never preloaded for members.
const AdminApp = lazy(pages.admin);

/** Fetch the next likely pages while the member is still looking at the first one. */
export function preloadLikelyPages() {
  const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 1500));
  idle(() => {
    for (const load of [pages.note, pages.item, pages.conversation, pages.profile, pages.login]) void load();
  });
}

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    children: [
      {
        element: <TabLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { element: <RequireMember />, children: [{ path: 'me', element: <MePage /> }] },
          { element: <RequireMember />, children: [{ path: 'messages', element: <InboxPage /> }] },
          { element: <RequireMember />, children: [{ path: 'publish', element: <PublishChooserPage /> }] },
        ],
      },
      {
        element: <SubLayout />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'register', element: <RegisterPage /> },
          { path: 'account-deleted', element: <AccountDeletedPage /> },
          { path: 'u/:id', element: <PublicProfilePage /> },
          { path: 'tags/:tag', element: <TagPage /> },
          { path: 'u/:id/credit', element: <CreditPage /> },
          // Chat (SPEC C6): the inbox is a tab; a conversation is a full-screen sub-page.
          { element: <RequireMember />, children: [{ path: 'messages/:id', element: <ConversationPage /> }] },
          { element: <RequireMember />, children: [{ path: 'notifications', element: <NotificationsPage /> }] },
          // The community (SPEC C2): notes are public to read; publishing needs a member.
          { path: 'notes/:id', element: <NotePage /> },
          { element: <RequireMember />, children: [{ path: 'publish/note', element: <PublishNotePage /> }] },
          { path: 'items/:id', element: <ItemPage /> },
          // Discovery (SPEC C8): search is public.
          { path: 'search', element: <SearchPage /> },
          { path: 'jury/log', element: <JuryLogPage /> },
          {
            // Quick sell and the money path (SPEC C3–C5).
            element: <RequireMember />,
            children: [
              { path: 'sell', element: <SellPage /> },
              { path: 'items/:id/edit', element: <EditItemPage /> },
              { path: 'checkout/:itemId', element: <CheckoutPage /> },
              { path: 'orders', element: <OrdersPage /> },
              { path: 'orders/:id', element: <OrderPage /> },
              { path: 'wallet', element: <WalletPage /> },
              { path: 'offers', element: <OffersPage /> },
              { path: 'me/items', element: <MyItemsPage /> },
              // After-sale and the community jury (SPEC C7).
              { path: 'orders/:id/after-sale', element: <OpenCasePage /> },
              { path: 'after-sales/:id', element: <AfterSalePage /> },
              { path: 'jury', element: <JuryPage /> },
              { path: 'jury/:id', element: <JuryCasePage /> },
            ],
          },
          {
            element: <RequireMember />,
            children: [
              { path: 'me/edit', element: <EditProfilePage /> },
              { path: 'me/verification', element: <VerificationPage /> },
            ],
          },
          // Guards itself: a deletion ends the session before its answer, and the page must stay.
          { path: 'me/privacy', element: <PrivacyPage /> },
        ],
      },
      {
        element: <RequireMember />,
        children: [
          {
            path: 'admin/*',
            element: <AdminApp />,
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
