import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild, type Alias, type ResolvedConfig } from 'vite';
import { removeOrphanedPrerenderFolders } from '../plugin/cache-cleanup.ts';
import { outputKey } from '../plugin/file-index.ts';

/** The app's server entry and the prerender worker, bundled for Node. */
export interface ServerBundle {
  dir: string;
  entry: string;
  worker: string;
  /** A key of every file of the bundle: pages rendered by another bundle are rendered again. */
  hash: string;
  /** The modules bundled (absolute paths; virtual ones as the bundler names them). */
  modules: string[];
}

/** The server bundle in `dir` (kept from an earlier build), whose files have key `hash`. */
export function serverBundleAt(dir: string, hash: string): ServerBundle {
  return { dir, entry: path.join(dir, 'server-entry.mjs'), worker: path.join(dir, 'prerender-worker.mjs'), hash, modules: [] };
}

let buildCounter = 0;

function here(file: string, root: string): string {
  try {
    const url = new URL(file, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return fileURLToPath(url);
  } catch {
    // Bundled config: fall back to the source tree.
  }
  return path.join(root, 'src', 'prerender', file);
}

/**
 * React Router's package exports resolve to its development build under Node (it chooses by
 * bundler define, not by condition); its production build renders links about twice as fast.
 */
function reactRouterProduction(root: string): Alias[] {
  try {
    const dir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('react-router/package.json'));
    const index = path.join(dir, 'dist', 'production', 'index.mjs');
    const dom = path.join(dir, 'dist', 'production', 'dom-export.mjs');
    if (!existsSync(index) || !existsSync(dom)) return [];
    return [
      { find: /^react-router$/, replacement: index },
      { find: /^react-router\/dom$/, replacement: dom },
    ];
  } catch {
    return [];
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Bundles the server entry and the worker for Node, into a folder of its own (removed by the caller). */
export async function buildServerBundle(config: ResolvedConfig): Promise<ServerBundle> {
  const dir = path.join(config.root, 'node_modules', '.cache', 'smartable-news', `prerender-${process.pid}-${++buildCounter}`);
  // Builds killed part-way never removed theirs.
  await removeOrphanedPrerenderFolders(path.dirname(dir));
  const output = await viteBuild({
    configFile: false,
    root: config.root,
    base: config.base,
    mode: config.mode,
    logLevel: 'warn',
    clearScreen: false,
    // Same JSX and TypeScript handling as the app build (Vite's built-in transform).
    resolve: { alias: [...reactRouterProduction(config.root), ...config.resolve.alias] },
    // The constants the client build has (the site name, from the news plugin), or hydration
    // would find different text.
    define: config.define,
    // Bundled (not imported from node_modules at run time) so the production build above is used.
    ssr: { noExternal: ['react-router', 'react-router-dom'] },
    build: {
      ssr: true,
      outDir: dir,
      emptyOutDir: true,
      copyPublicDir: false,
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: {
          'server-entry': path.join(config.root, 'src', 'app', 'server-entry.tsx'),
          'prerender-worker': here('./worker.ts', config.root),
        },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
        // React Router's "use client" directives mean nothing to a server bundle.
        onLog(level, log, handler) {
          if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
        },
      },
    },
  });
  const files = await filesUnder(dir);
  const parts = await Promise.all(files.map(async (file) => [path.relative(dir, file), await readFile(file)] as const));
  const hash = outputKey(...parts.flat());
  const outputs = Array.isArray(output) ? output : 'output' in output ? [output] : [];
  const modules = [...new Set(outputs.flatMap((o) => o.output.flatMap((chunk) => (chunk.type === 'chunk' ? chunk.moduleIds : []))))];
  return { ...serverBundleAt(dir, hash), modules };
}
