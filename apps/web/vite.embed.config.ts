import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// embed.js, the loader publishers add to their pages: one self-contained classic script (it
// reads document.currentScript), built beside the web client in dist/ and served by the API.
const anchoringSource = fileURLToPath(new URL('../../packages/anchoring/src/index.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: [{ find: /^@marginalia\/anchoring$/, replacement: anchoringSource }] },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2020',
    copyPublicDir: false,
    lib: {
      entry: fileURLToPath(new URL('src/embed/loader.ts', import.meta.url)),
      name: 'MarginaliaEmbed',
      formats: ['iife'],
      fileName: () => 'embed.js',
    },
  },
});
