// Vite for the web app. In development the API runs on :3000 (`npm run dev`) and Vite proxies
// /api and /media to it, so the app always talks to its own origin (cookie auth, CSP 'self').
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.JISHI_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
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
