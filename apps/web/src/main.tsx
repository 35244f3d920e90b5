// Bootstrap: language, data cache, router. No inline scripts anywhere (CSP default-src 'self').
import './i18n/index.ts';
import './ui/styles/base.css';
import './ui/styles/layout.css';
import './ui/styles/forms.css';
import './ui/styles/home.css';
import './ui/styles/profile.css';
import './ui/styles/sheet.css';
import './ui/styles/publish.css';
import './ui/styles/sell.css';
import './ui/styles/item.css';
import './ui/styles/checkout.css';
import './ui/styles/orders.css';
import './ui/styles/wallet.css';
import './ui/styles/chat.css';
import './ui/styles/chat-cards.css';
import './ui/styles/chat-compose.css';
import './ui/styles/feed.css';
import './ui/styles/note.css';
import './ui/styles/comments.css';
import './ui/styles/stall.css';
import './ui/styles/notifications.css';
import './ui/styles/reviews.css';
import './ui/styles/aftersale.css';
import './ui/styles/search.css';
import './ui/styles/assist.css';
import './ui/styles/reservation.css';
import './ui/styles/engagement.css';
// Last: the desktop layout overrides the phone column from 960 px.
import './ui/styles/desktop.css';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { meKey } from './features/accounts/api.ts';
import { ChatProvider } from './features/chat/provider.tsx';
import { notificationsSocketListener } from './features/notifications/api.ts';
import { ApiError } from './lib/api.ts';
import { preloadLikelyPages, router } from './routes/router.tsx';

// A 401 anywhere means the session ended (expired, revoked elsewhere): forget the member so
// guarded pages send the visitor to log in. Sign-in mistakes are 401s too, but come from the
// login form, which is not a guarded page; `me` is already null there.
const onUnauthorized = (err: unknown) => {
  if (err instanceof ApiError && err.status === 401 && err.code === 'unauthenticated') {
    queryClient.setQueryData(meKey, null);
  }
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthorized }),
  mutationCache: new MutationCache({ onError: onUnauthorized }),
  defaultOptions: {
    queries: {
      // Client errors will not fix themselves; network and server errors get two retries.
      retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

// Features besides chat that listen on the one socket.
const socketListeners = [notificationsSocketListener];

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ChatProvider listeners={socketListeners}>
        <RouterProvider router={router} />
      </ChatProvider>
    </QueryClientProvider>
  </StrictMode>,
);
preloadLikelyPages();

// The service worker (built by vite-plugin-pwa, vite.config.ts) keeps the app shell so the app
// opens offline; it never caches API answers. Registered after load so it does not compete
// with the first page for bandwidth.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Not fatal: the app works online without it (private windows, old browsers).
    });
  });
}
