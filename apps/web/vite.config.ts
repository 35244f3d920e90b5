// Vite for the web app. In development the API runs on :3000 (`npm run dev`) and Vite proxies
// /api and /media to it, so the app always talks to its own origin (cookie auth, CSP 'self').
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const api = process.env.JISHI_API_URL ?? 'http://127.0.0.1:3000';

// Installable (issue 15): the manifest and a service worker that precaches the app shell — the
// built index.html and every hashed asset — so the app opens offline and says so (the offline
// banner, ui/offline-banner.tsx). API answers and photos are never cached by the worker: they
// are the live state of trades and always go to the network. main.tsx registers /sw.js (no
// inline script: the CSP is script-src 'self').
const pwa = VitePWA({
  injectRegister: false,
  registerType: 'autoUpdate',
  manifestFilename: 'manifest.webmanifest',
  includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
  manifest: {
    id: '/',
    name: '集市 Jishi',
    short_name: '集市',
    description: '你身边的闲置好物社区，担保交易更安心 — a community second-hand market with escrow',
    lang: 'zh-CN',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: '#ff2442',
    background_color: '#f5f5f7',
    categories: ['shopping', 'social'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
    // The operator console (its own chunk, with the chart library) is for moderators online.
    globIgnores: ['**/admin-*'],
    // Client-side routes open from the cached shell; the server's own paths never do.
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/media\//],
    // Nothing at run time: /api and /media are not the worker's business.
    runtimeCaching: [],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
  },
});

export default defineConfig({
  plugins: [react(), pwa],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, ws: true },
      '/media': { target: api },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Pages are split in routes/router.tsx. The libraries every page needs get stable chunks
        // of their own, so a release that only touches app code leaves them cached.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'libs', test: /node_modules[\\/](@tanstack|i18next|react-i18next|use-sync-external-store)[\\/]/ },
          ],
        },
      },
    },
  },
});
