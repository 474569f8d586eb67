import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web app: `index.html` at the repository root loads `/src/web/main.tsx`.
 * `npm start` builds into `dist/web` (the server serves it); `npm run dev` serves it with hot reload
 * and sends `/api` to the API server on :3001.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: 'src/web/public',
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // antd is one large vendor chunk shared by every page; pages themselves are small lazy chunks.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: 'http://127.0.0.1:3001' },
    },
  },
  preview: { host: '127.0.0.1' },
});
