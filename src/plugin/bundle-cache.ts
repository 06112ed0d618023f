import { readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { version as viteVersion, type ResolvedConfig } from 'vite';
import { readChecked, sha1, writeChecked } from './checked-file.ts';
import { FileIndex } from './file-index.ts';

/**
 * The app's bundles (the client build and the server entry the pages are rendered with) kept
 * from the last build and reused when nothing they were made from changed, as a build system
 * skips an up-to-date target. A bundle's inputs are what its bundler read: every module of its
 * chunks, the folder listing of each module's folder (a new file there can change an import's
 * resolution), the stylesheets' folders in full (Tailwind scans them for class names), and the
 * project files that steer a build (config, lockfile, tsconfig, env files). Together with the
 * resolved configuration (`configKey`), they decide whether the kept bundle is the one a build
 * would make now.
 *
 * Each kept file is verified against its recorded hash before it is used: a kept bundle that was
 * altered is dropped with a warning and built again, never shipped.
 */

/** What a bundle was made from, as its build reported it. */
export interface BundleInputs {
  /** Absolute paths of the modules the bundle holds (virtual modules are skipped). */
  modules: string[];
  /** Other files the build read (absolute); a missing one is recorded as missing. */
  files: string[];
  /** Folders read in full, recursively (absolute). */
  trees: string[];
}

/** A kept bundle: its folder, its files (relative, `/`-separated) and their hashes, and what its builder noted. */
export interface KeptBundle {
  dir: string;
  files: Map<string, string>;
  meta: Record<string, string>;
}

interface Record_ {
  configKey: string;
  /** Input files (relative to the root) with their content hashes; '' = missing. */
  inputs: [file: string, hash: string][];
  /** Listing keys: folder (relative) → hash of its sorted entries; `recursive` marks trees. */
  listings: [dir: string, recursive: boolean, hash: string][];
  /** The kept folder's name under the cache folder. */
  folder: string;
  files: [file: string, hash: string][];
  meta: Record<string, string>;
}

interface Saved {
  version: number;
  bundles: Record<string, Record_>;
}

const VERSION = 1;
const slash = (file: string): string => file.split(path.sep).join('/');

function isVirtual(id: string): boolean {
  return id.startsWith('\0') || id.includes('?') || !path.isAbsolute(id);
}

function listingHash(dir: string, recursive: boolean): string {
  try {
    const names = readdirSync(dir, { recursive, withFileTypes: true })
      .filter((e) => !e.isDirectory())
      .map((e) => slash(path.relative(dir, path.join(e.parentPath, e.name))))
      .sort();
    return sha1(names.join('\n'));
  } catch {
    return '';
  }
}

/** The files under `dir`, relative to it and `/`-separated (as Vite names the public folder's copies). */
export function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => slash(path.relative(dir, path.join(e.parentPath, e.name))));
  } catch {
    return [];
  }
}

export class BundleCache {
  private readonly inputs: FileIndex;
  private readonly kept: Map<string, Record_>;
  private readonly next = new Map<string, Record_>();
  private readonly hashed = new Map<string, string>();

  private constructor(
    private readonly root: string,
    private readonly dir: string,
    private readonly configKey: string,
    private readonly warn: (line: string) => void,
    kept: Map<string, Record_>,
  ) {
    this.inputs = FileIndex.load(dir, root, warn, 'bundle-inputs');
    this.kept = kept;
  }

  /** The bundles kept in `cacheDir/bundles` for builds of `root` with this configuration. */
  static load(cacheDir: string, root: string, configKey: string, warn: (line: string) => void): BundleCache {
    const dir = path.join(cacheDir, 'bundles');
    const kept = new Map<string, Record_>();
    try {
      const read = readChecked(path.join(dir, 'bundles.json'));
      const saved = 'text' in read ? (JSON.parse(read.text) as Saved) : undefined;
      if (saved?.version === VERSION) for (const [name, record] of Object.entries(saved.bundles)) kept.set(name, record);
    } catch {
      // No kept bundles (first build, or an unreadable record): they are built.
    }
    return new BundleCache(path.resolve(root), dir, configKey, warn, kept);
  }

  /** A file's content hash, by the input index when its stat is unchanged. */
  private hashOf(file: string): string {
    const known = this.hashed.get(file);
    if (known !== undefined) return known;
    const relative = slash(path.relative(this.root, file));
    let hash = this.inputs.keyIfUnchanged(relative);
    if (hash === undefined) {
      const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
      if (!stat || !stat.isFile()) hash = '';
      else {
        hash = sha1(readFileSync(file));
        this.inputs.read(relative, hash, stat);
      }
    }
    this.hashed.set(file, hash);
    return hash;
  }

  /**
   * The bundle kept under `name` when it was built with this configuration from inputs that are
   * all unchanged, and its files are intact; otherwise undefined (it is then built again).
   */
  async lookup(name: string): Promise<KeptBundle | undefined> {
    const record = this.kept.get(name);
    if (!record || record.configKey !== this.configKey) return undefined;
    for (const [file, hash] of record.inputs) if (this.hashOf(path.resolve(this.root, file)) !== hash) return undefined;
    for (const [dir, recursive, hash] of record.listings) if (listingHash(path.resolve(this.root, dir), recursive) !== hash) return undefined;
    const folder = path.join(this.dir, record.folder);
    for (const [file, hash] of record.files) {
      const bytes = await readFile(path.join(folder, file)).catch(() => undefined);
      if (!bytes || sha1(bytes) !== hash) {
        this.warn(`news: the kept ${name} bundle in ${folder} was altered (${file}); it is built again`);
        return undefined;
      }
    }
    this.next.set(name, record);
    return { dir: folder, files: new Map(record.files), meta: record.meta };
  }

  /**
   * Keeps the bundle built from `inputs` under `name`: `files` (relative to `from`) are copied
   * into the cache, or the folder `from` itself is moved there when `move` is set. Returns the
   * kept folder and the files' hashes.
   */
  async keep(name: string, from: string, files: string[], inputs: BundleInputs, meta: Record<string, string>, move = false): Promise<KeptBundle> {
    const hashes: [string, string][] = [];
    const folder = `${name}-${process.pid}-${Date.now().toString(36)}`;
    const target = path.join(this.dir, folder);
    await mkdir(this.dir, { recursive: true });
    if (move) {
      await rm(target, { recursive: true, force: true });
      await rename(from, target);
    }
    for (const file of [...files].sort()) {
      const source = path.join(move ? target : from, file);
      const bytes = await readFile(source);
      hashes.push([slash(file), sha1(bytes)]);
      if (!move) {
        await mkdir(path.dirname(path.join(target, file)), { recursive: true });
        await copyFile(source, path.join(target, file));
      }
    }
    const relative = (file: string) => slash(path.relative(this.root, file));
    const inputFiles = new Set<string>([...inputs.modules.filter((id) => !isVirtual(id)), ...inputs.files]);
    for (const tree of inputs.trees) for (const file of filesIn(tree)) inputFiles.add(path.join(tree, file));
    const folders = new Set(inputs.modules.filter((id) => !isVirtual(id) && !id.includes(`${path.sep}node_modules${path.sep}`)).map((id) => path.dirname(id)));
    const listings: [string, boolean, string][] = [
      ...[...folders].sort().map((dir): [string, boolean, string] => [relative(dir), false, listingHash(dir, false)]),
      ...inputs.trees.map((dir): [string, boolean, string] => [relative(dir), true, listingHash(dir, true)]),
    ];
    const record: Record_ = {
      configKey: this.configKey,
      inputs: [...inputFiles].sort().map((file) => [relative(file), this.hashOf(file)]),
      listings,
      folder,
      files: hashes,
      meta,
    };
    this.next.set(name, record);
    return { dir: target, files: new Map(hashes), meta };
  }

  /** Saves the record of the bundles this build used and removes the kept folders no longer recorded. */
  async save(): Promise<void> {
    const bundles = Object.fromEntries([...this.kept, ...this.next]);
    writeChecked(path.join(this.dir, 'bundles.json'), JSON.stringify({ version: VERSION, bundles } satisfies Saved));
    await this.inputs.save();
    const used = new Set(Object.values(bundles).map((r) => r.folder));
    for (const entry of readdirSync(this.dir, { withFileTypes: true }))
      if (entry.isDirectory() && !used.has(entry.name)) await rm(path.join(this.dir, entry.name), { recursive: true, force: true });
  }
}

/** JSON of a configuration value, functions by their source, cycles cut: equal configurations give equal text. */
function configJson(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'function') return `fn:${String(v)}`;
    if (v instanceof RegExp) return `re:${String(v)}`;
    if (typeof v === 'object' && v !== null) {
      if (seen.has(v)) return '[cycle]';
      seen.add(v);
    }
    return v;
  });
}

/**
 * The part of the resolved configuration a bundle depends on: Vite's version, mode, base,
 * constants, environment variables, resolution, CSS and transform options, the build options of
 * the environment and the plugins' names.
 */
export function bundleConfigKey(config: ResolvedConfig, build: ResolvedConfig['build'], extra: string[] = []): string {
  const parts = {
    vite: viteVersion,
    nodeEnv: process.env.NODE_ENV ?? '',
    mode: config.mode,
    base: config.base,
    define: config.define ?? {},
    env: config.env,
    resolve: config.resolve,
    css: config.css,
    json: config.json,
    oxc: config.oxc,
    publicDir: config.publicDir,
    build,
    plugins: config.plugins.map((p) => p.name),
    extra,
  };
  return sha1(configJson(parts));
}

function tsconfigFiles(root: string): string[] {
  try {
    return readdirSync(root)
      .filter((name) => /^tsconfig(\..+)?\.json$/.test(name))
      .map((name) => path.join(root, name));
  } catch {
    return [];
  }
}

/** The project files that steer a build besides its modules: config, lockfile, tsconfig, env files. */
export function projectFiles(config: ResolvedConfig): string[] {
  const envDir = typeof config.envDir === 'string' ? config.envDir : config.root;
  const env = ['.env', '.env.local', `.env.${config.mode}`, `.env.${config.mode}.local`].map((name) => path.join(envDir, name));
  const tsconfigs = tsconfigFiles(config.root);
  return [
    ...(config.configFile ? [config.configFile] : []),
    ...config.configFileDependencies,
    path.join(config.root, 'package.json'),
    path.join(config.root, 'package-lock.json'),
    ...tsconfigs,
    ...env,
  ];
}
