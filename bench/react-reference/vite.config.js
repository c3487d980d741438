// The reference's build, delivered by the same server as the Leptos checkout: every output at
// dist/'s top level with a 16-hex content hash (`index-0123456789abcdef.js`), the names the
// server serves as immutable, so both checkouts get the same caching and compression.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const hashed = '[name]-[hash:16]';

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    assetsDir: '',
    rollupOptions: {
      output: {
        hashCharacters: 'hex',
        entryFileNames: `${hashed}.js`,
        chunkFileNames: `${hashed}.js`,
        assetFileNames: `${hashed}[extname]`,
      },
    },
  },
});
