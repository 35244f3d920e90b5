// Every page of the web app. Layouts: tab pages (with the bottom bar), sub-pages, and the
// RequireMember guard that sends visitors to /login?next=… and back.
import { createBrowserRouter } from 'react-router';
import { RequireMember } from '../features/accounts/components/require-member.tsx';
import LoginPage from './auth/login.tsx';
import RegisterPage from './auth/register.tsx';
import HomePage from './home/index.tsx';
import { RootLayout, SubLayout, TabLayout } from './layouts.tsx';
import EditProfilePage from './me/edit.tsx';
import MePage from './me/index.tsx';
import VerificationPage from './me/verification.tsx';
import NotFoundPage from './not-found.tsx';
import PublicProfilePage from './users/profile.tsx';
import NotePage from './notes/note.tsx';
import PublishNotePage from './publish/note.tsx';
import EditItemPage from './items/edit.tsx';
import ItemPage from './items/item.tsx';
import MyItemsPage from './items/mine.tsx';
import OffersPage from './offers/index.tsx';
import CheckoutPage from './orders/checkout.tsx';
import OrdersPage from './orders/list.tsx';
import OrderPage from './orders/order.tsx';
import PublishChooserPage from './sell/chooser.tsx';
import SellPage from './sell/index.tsx';
import WalletPage from './wallet/index.tsx';
import ConversationPage from './messages/conversation.tsx';
import InboxPage from './messages/index.tsx';

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
          { path: 'u/:id', element: <PublicProfilePage /> },
          // Chat (SPEC C6): the inbox is a tab; a conversation is a full-screen sub-page.
          { element: <RequireMember />, children: [{ path: 'messages/:id', element: <ConversationPage /> }] },
          // The community (SPEC C2): notes are public to read; publishing needs a member.
          { path: 'notes/:id', element: <NotePage /> },
          { element: <RequireMember />, children: [{ path: 'publish/note', element: <PublishNotePage /> }] },
          { path: 'items/:id', element: <ItemPage /> },
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
            ],
          },
          {
            element: <RequireMember />,
            children: [
              { path: 'me/edit', element: <EditProfilePage /> },
              { path: 'me/verification', element: <VerificationPage /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
