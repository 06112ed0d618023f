import { mkdir, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The plugin's caches live under node_modules/.cache/smartable-news: one folder per content
 * folder (12 hex digits, a hash of its path) and, while a build runs, the prerenderer's
 * `prerender-<pid>-<n>` folder. A killed build leaves its folder behind and a content folder that
 * is no longer built leaves its cache; each build clears some of both, a bounded amount.
 */

/** At most this many folders are removed per call: a build never stalls on an old mess. */
const MAX_REMOVALS = 16;
const DAY = 24 * 60 * 60 * 1000;

export interface PruneOptions {
  /** A cache not used for this long is removed. Default 30 days. */
  maxAgeMs?: number;
  /** Only this many most recently used caches are kept. Default 8. */
  keep?: number;
  now?: number;
}

/** A live process, or one we may not signal (someone else's: alive too). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `prerender-<pid>-*` folders whose process is gone. Returns the names removed. */
export async function removeOrphanedPrerenderFolders(cacheRoot: string, alive: (pid: number) => boolean = processAlive): Promise<string[]> {
  const names = await readdir(cacheRoot).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names.sort()) {
    if (removed.length >= MAX_REMOVALS) break;
    const pid = /^prerender-(\d+)-\d+$/.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || alive(Number(pid))) continue;
    await rm(path.join(cacheRoot, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

const LAST_USED = 'last-used';

/** Marks a content folder's cache as used now (its `last-used` file's time). */
export async function markUsed(cacheDir: string, now = Date.now()): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const file = path.join(cacheDir, LAST_USED);
  await writeFile(file, '');
  await utimes(file, now / 1000, now / 1000);
}

/**
 * Removes content folders' caches (other than `inUse`) not used for `maxAgeMs`, or beyond the
 * `keep` most recently used. A cache without a `last-used` file counts from its folder's time.
 */
export async function pruneContentCaches(cacheRoot: string, inUse: string, options: PruneOptions = {}): Promise<string[]> {
  const { maxAgeMs = 30 * DAY, keep = 8, now = Date.now() } = options;
  const names = (await readdir(cacheRoot).catch(() => [] as string[])).filter((n) => /^[0-9a-f]{12}$/.test(n) && n !== path.basename(inUse));
  const used = await Promise.all(
    names.map(async (name) => {
      const dir = path.join(cacheRoot, name);
      const time = await stat(path.join(dir, LAST_USED))
        .catch(() => stat(dir))
        .then(
          (s) => s.mtimeMs,
          () => 0,
        );
      return { name, time };
    }),
  );
  // Most recent first; the one in use counts as one of those kept.
  used.sort((a, b) => b.time - a.time || (a.name < b.name ? -1 : 1));
  const doomed = used.filter((u, i) => i >= keep - 1 || now - u.time > maxAgeMs).slice(0, MAX_REMOVALS);
  for (const { name } of doomed) await rm(path.join(cacheRoot, name), { recursive: true, force: true });
  return doomed.map((d) => d.name).sort();
}
