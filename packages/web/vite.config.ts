import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web workspace, built into dist/ (served by `credence serve` at /). In development, `npx vite` in this
// directory proxies /api to a running `credence serve` (CREDENCE_URL, default http://127.0.0.1:8080).
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': process.env.CREDENCE_URL ?? 'http://127.0.0.1:8080' } },
});
