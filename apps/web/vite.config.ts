import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Point the shared anchoring package at its TypeScript source so the web client needs no
// prior build of packages/* (Vite and Vitest compile it on the fly).
const anchoringSource = (file: string): string =>
  fileURLToPath(new URL(`../../packages/anchoring/src/${file}`, import.meta.url));
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@marginalia\/anchoring$/, replacement: anchoringSource('index.ts') },
      { find: /^@marginalia\/anchoring\/codepoints$/, replacement: anchoringSource('codepoints.ts') },
    ],
  },
  server: {
    port: 5173,
    proxy: {
      // ws: live updates (graphql-transport-ws) go through the same path.
      '/graphql': { target: api, changeOrigin: true, ws: true },
      '/admin': { target: api, changeOrigin: true },
      // The session routes check Origin against the API's PUBLIC_URL: run the API with
      // PUBLIC_URL=http://localhost:5173 (the address the browser uses) behind this server.
      '/auth': { target: api, changeOrigin: true },
      '/health': { target: api, changeOrigin: true },
      '/imports': { target: api, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The dependency graph, for measuring each route's initial JavaScript (pnpm bench web).
    manifest: true,
    target: 'es2022',
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
  },
});
