import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { newsPlugin } from './src/plugin/index.ts';
import { prerenderPlugin } from './src/prerender/index.ts';
import { ignoreFolders } from './src/plugin/watch-ignore.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

// Content folder, unpublished handling, strictness and site identity come from the plugin's
// options or their environment variables (NEWS_DIR, NEWS_DROP_UNPUBLISHED, NEWS_STRICT,
// NEWS_SITE_NAME, NEWS_SITE_URL); see README.
export default defineConfig({
  root,
  plugins: [react(), tailwindcss(), newsPlugin(), prerenderPlugin()],
  preview: { port: 4173, strictPort: false },
  // Build outputs and benchmark corpora (hundreds of thousands of files) live in the project
  // folder: the dev server must neither watch them nor crawl their HTML for dependencies.
  server: { watch: { ignored: ignoreFolders(root, ['.cache', 'dist', 'screenshots', 'bench/results']) } },
  optimizeDeps: { entries: ['index.html'] },
});
