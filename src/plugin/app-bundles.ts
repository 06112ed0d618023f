import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig, ViteBuilder } from 'vite';
import type { PrerenderApi, ServerBundle } from '../prerender/index.ts';
import { bundleConfigKey, BundleCache, filesIn, projectFiles, type BundleInputs } from './bundle-cache.ts';
import type { FileIndex } from './file-index.ts';

/**
 * Step 1's two bundles: the app (Vite's client environment, written into the output folder) and
 * the server entry the pages are rendered with. Each is built, or, when a bundle cache is given
 * and nothing it was made from changed, taken from the cache: the client's files are copied into
 * the output folder where they are missing or were touched, the server bundle is used in place.
 */
export interface AppBundles {
  /** The client's files in the output folder (relative, `/`-separated), and the pages' template. */
  client: Promise<{ files: string[]; template: string | undefined; reused: boolean }>;
  server: Promise<ServerBundle | undefined> | undefined;
  /** Whether both bundles are taken from the cache (known before either would be built). */
  reused: Promise<boolean>;
  /** The kept folders of the bundles this build used (after `keep`), which name them. */
  used(): string[];
  /** Keeps the bundles this build made for the next one; call when the build succeeded. */
  keep(): Promise<void>;
  /** Removes a server bundle that was built and not kept. */
  dispose(): Promise<void>;
}

export interface AppBundlesInput {
  builder: ViteBuilder;
  config: ResolvedConfig;
  prerender: PrerenderApi | undefined;
  outDir: string;
  manifest: FileIndex;
  /** Where kept bundles live; without it both bundles are always built. */
  cacheDir: string | undefined;
  warn(line: string): void;
}

type BuildOutput = Awaited<ReturnType<ViteBuilder['build']>>;

function chunksOf(output: BuildOutput) {
  const outputs = Array.isArray(output) ? output : 'output' in output ? [output] : [];
  return outputs.flatMap((o) => o.output);
}

const isNodeModule = (id: string) => id.includes(`${path.sep}node_modules${path.sep}`);

export function startBundles(input: AppBundlesInput): AppBundles {
  const { builder, config, prerender, outDir, manifest } = input;
  const client = builder.environments.client!;
  const publicDir = client.config.build.copyPublicDir && config.publicDir ? config.publicDir : undefined;
  const cache = input.cacheDir
    ? BundleCache.load(input.cacheDir, config.root, bundleConfigKey(config, client.config.build, [prerender ? 'prerender' : '']), input.warn)
    : undefined;
  const toKeep: (() => Promise<void>)[] = [];
  let builtServer: ServerBundle | undefined;
  const usedDirs: { client?: string; server?: string } = {};
  const steering = cache ? projectFiles(config) : [];
  // A kept client bundle serves only with the page template when there are pages; a kept
  // server bundle only with its hash, which the pages' keys hold.
  const keptClient = cache?.lookup('client').then((kept) => (kept && (!prerender || kept.meta.template !== undefined) ? kept : undefined));
  const keptServer = prerender ? cache?.lookup('server').then((kept) => (kept?.meta.hash ? kept : undefined)) : undefined;

  const buildClient = async () => {
    const output = await builder.build(client);
    const chunks = chunksOf(output);
    const files = [...new Set([...chunks.map((c) => c.fileName), ...(publicDir ? filesIn(publicDir) : [])])];
    const template = prerender?.template();
    if (cache) {
      const modules = [...new Set(chunks.flatMap((c) => (c.type === 'chunk' ? c.moduleIds : [])))];
      const inputs: BundleInputs = {
        modules,
        files: steering,
        // Tailwind scans the stylesheets' folders for class names.
        trees: [...new Set(modules.filter((id) => id.endsWith('.css') && !isNodeModule(id)).map((id) => path.dirname(id))), ...(publicDir ? [publicDir] : [])],
      };
      toKeep.push(async () => {
        const kept = await cache.keep('client', outDir, files, inputs, template !== undefined ? { template } : {});
        usedDirs.client = kept.dir;
        for (const [file, hash] of kept.files) manifest.wrote(file, hash);
      });
    }
    return { files, template, reused: false };
  };

  const clientDone = (async () => {
    const kept = await keptClient;
    if (!kept) return buildClient();
    usedDirs.client = kept.dir;
    for (const [file, hash] of kept.files) {
      if (manifest.isCurrent(file, hash)) continue;
      const target = path.join(outDir, file);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(kept.dir, file), target);
      manifest.wrote(file, hash);
    }
    // Vite builds every environment when the build hooks built none.
    client.isBuilt = true;
    return { files: [...kept.files.keys()], template: kept.meta.template, reused: true };
  })();

  const server =
    prerender &&
    (async () => {
      const kept = await keptServer;
      if (kept) {
        usedDirs.server = kept.dir;
        return prerender.serverBundleAt(kept.dir, kept.meta.hash!);
      }
      const bundle = await prerender.bundleServer(config);
      builtServer = bundle;
      if (cache) {
        const inputs: BundleInputs = { modules: bundle.modules, files: steering, trees: [] };
        toKeep.push(async () => {
          usedDirs.server = (await cache.keep('server', bundle.dir, filesIn(bundle.dir), inputs, { hash: bundle.hash }, true)).dir;
          builtServer = undefined;
        });
      }
      return bundle;
    })();

  const reused = Promise.all([keptClient, keptServer]).then(([client, server]) => !!client && (!prerender || !!server));
  reused.catch(() => undefined);

  return {
    client: clientDone,
    server,
    reused,
    used: () => [usedDirs.client ?? '', usedDirs.server ?? ''],
    async keep() {
      if (!cache) return;
      for (const step of toKeep.splice(0)) await step();
      await cache.save();
    },
    async dispose() {
      await server?.catch(() => undefined);
      if (builtServer) await rm(builtServer.dir, { recursive: true, force: true });
    },
  };
}
