import { closeSync, mkdirSync, openSync, writeSync, writevSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { dataPaths } from '../contract/data-paths.ts';
import type { NewsBuild } from './build-result.ts';
import { PackDetailStore } from './detail-store.ts';
import { articleLinks, changesDetail } from './link.ts';
import { emitArticles, type EmitItem, type EmitOutput } from './pool-tasks.ts';
import { PhaseTimer } from './phase-timer.ts';

export interface WriteResult {
  files: number;
  bytes: number;
  /**
   * Always false: no earlier output is reused. Outputs were once kept in the cache and hard-linked
   * into the output folder, so an edit there corrupted the cache; verifying and copying them
   * back measured slower than writing them afresh.
   */
  reused: false;
}

/** Outputs being written are named `.writing-<pid>-<n>` under the build's output folder of the cache. */
const WRITING = '.writing-';
let writingCounter = 0;

/** A build's data files, complete, in a staging folder beside the cache, ready to be moved. */
export interface PreparedData {
  dir: string;
  files: number;
  bytes: number;
  reused: false;
}

/**
 * Writes this build's data files (paths as in `dataPaths`) into a staging folder of its own
 * under the cache, so the writing overlaps the app's bundling before the output folder exists
 * (the news plugin calls this as soon as the content is linked); `writeDataFiles` then only
 * moves them. Undefined when the build has no cache. What dead builds left is removed.
 */
export async function prepareDataFiles(build: NewsBuild): Promise<PreparedData | undefined> {
  const root = build.outputCacheDir;
  if (!root) return undefined;
  await mkdir(root, { recursive: true });
  const staging = path.join(root, `${WRITING}${process.pid}-${++writingCounter}`);
  for (const name of await readdir(root)) {
    const writer = name.startsWith(WRITING) ? Number(name.slice(WRITING.length).split('-')[0]) : undefined;
    // Another live build's staging folder stays; anything else (an earlier version's kept
    // outputs, a dead build's half-written files) goes.
    if (writer !== undefined && isAlive(writer)) continue;
    await rm(path.join(root, name), { recursive: true, force: true });
  }
  const timing = new PhaseTimer();
  const written = await writeFresh(build, staging);
  timing.mark('write');
  timing.report();
  return { dir: staging, reused: false, ...written };
}

/**
 * Puts every data file under `outDir`: moved there from the staging folder when the build has
 * a cache (`prepared`, begun earlier by the caller, or now), else written there directly,
 * streaming so memory stays flat. Nothing in `outDir` is shared with the cache, so an edit
 * there never reaches a later build. `onReadable` gets `outDir` once every data file is there.
 */
export async function writeDataFiles(
  build: NewsBuild,
  outDir: string,
  onReadable?: (dataDir: string) => void,
  prepared: Promise<PreparedData | undefined> = prepareDataFiles(build),
): Promise<WriteResult> {
  const ready = await prepared;
  const written = ready ?? (await writeFresh(build, outDir));
  if (ready) await moveTree(ready.dir, outDir);
  onReadable?.(outDir);
  return { files: written.files, bytes: written.bytes, reused: false };
}

/**
 * Moves each top-level entry of `from` into `to` (replacing what is there) with one rename, or
 * copies it where `to` is on another file system; then removes `from`.
 */
async function moveTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    const target = path.join(to, name);
    await rm(target, { recursive: true, force: true });
    try {
      await rename(path.join(from, name), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await cp(path.join(from, name), target, { recursive: true });
    }
  }
  await rm(from, { recursive: true, force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function writeFresh(build: NewsBuild, outDir: string): Promise<{ files: number; bytes: number }> {
  const articleDir = path.join(outDir, path.dirname(dataPaths.article('x')));
  await mkdir(articleDir, { recursive: true });
  const store = build.store instanceof PackDetailStore ? build.store : undefined;
  const items: EmitItem[] = [];
  for (const article of build.articles) {
    const target = path.join(outDir, dataPaths.article(article.head.slug));
    if (article.inline) items.push({ target, detail: article.inline });
    else if (!store) items.push({ target, detail: (await build.readArticle(article.head.slug))! });
    else items.push({ target, source: store.locate(article.detailKey!), ...(changesDetail(article) ? { links: articleLinks(article) } : {}), file: article.file, dir: build.dir });
  }
  // Workers write the articles while the main thread writes the lists, then helps.
  const lists = writeLists(build, outDir);
  const articles = build.pool ? build.pool.mapBatches('emit', items, 250, emitArticles, (batch) => batch, lists) : lists.then(() => emitArticles(items).then((b) => [b]));
  const [written, outputs] = await Promise.all([lists, articles]);
  let bytes = written.bytes;
  for (const output of outputs as EmitOutput[]) {
    build.cacheWarnings.push(...output.warnings);
    bytes += output.bytes;
  }
  return { files: written.files + items.length, bytes };
}

/**
 * Writes synchronously: the workers are emitting articles on the other cores meanwhile, so
 * libuv's thread pool had no core of its own and async writes only queued (measured slower).
 */
async function writeLists(build: NewsBuild, outDir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  const made = new Set<string>();
  for (const [file, parts] of build.listFiles()) {
    const target = path.join(outDir, file);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    bytes += writeParts(target, parts);
    files++;
    // Let the worker pool's messages through now and then (it is waiting for this thread).
    if (files % 64 === 0) await nextTurn();
  }
  return { files, bytes };
}

/** Writes `parts` one after the other into a new `file` with one `writev`; returns the byte count. */
function writeParts(file: string, parts: Buffer[]): number {
  let total = 0;
  for (const part of parts) total += part.length;
  const fd = openSync(file, 'w');
  try {
    const written = writevSync(fd, parts);
    // A regular file takes it all at once; finish a short write all the same.
    if (written < total) {
      const rest = Buffer.concat(parts).subarray(written);
      for (let at = 0; at < rest.length; ) at += writeSync(fd, rest, at);
    }
  } finally {
    closeSync(fd);
  }
  return total;
}

