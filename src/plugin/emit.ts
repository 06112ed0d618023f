import { closeSync, copyFileSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, writeSync, writevSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { dataPaths } from '../contract/data-paths.ts';
import type { NewsBuild } from './build-result.ts';
import { PackDetailStore } from './detail-store.ts';
import { linkedDetailJson, linkPatch, needsPatch } from './link.ts';
import { emitArticles, type EmitItem } from './pool-tasks.ts';
import { PhaseTimer } from './phase-timer.ts';

export interface WriteResult {
  files: number;
  bytes: number;
  /** True when an identical earlier output was reused (hard-linked) instead of written. */
  reused: boolean;
}

const COMPLETE = '.complete';
/** Outputs being written into the cache are named `.writing-<pid>-<n>` until complete. */
const WRITING = '.writing-';
let writingCounter = 0;

interface Totals {
  files: number;
  bytes: number;
}

/** A build's data files, complete, in a folder of the output cache. */
export interface PreparedData extends Totals {
  dir: string;
  /** True when an identical earlier output was found there instead of written. */
  reused: boolean;
}

/**
 * The totals recorded in a complete output's marker (so no file is stat'ed for them), or
 * undefined when the output is not complete. An earlier version's empty marker counts as not
 * complete: that output is written again once.
 */
function completeOutput(dir: string): Totals | undefined {
  try {
    const { files, bytes } = JSON.parse(readFileSync(path.join(dir, COMPLETE), 'utf8')) as Partial<Record<keyof Totals, unknown>>;
    return typeof files === 'number' && typeof bytes === 'number' ? { files, bytes } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes sure the output cache holds this build's data files (paths as in `dataPaths`) under its
 * fingerprint: written now, or kept from an earlier build of the same content. Undefined when
 * the build has no cache. The news plugin calls this as soon as the content is linked, so the
 * writing overlaps the app's bundling; `writeDataFiles` then only links the files.
 */
export async function prepareDataFiles(build: NewsBuild): Promise<PreparedData | undefined> {
  const root = build.outputCacheDir;
  if (!root) return undefined;
  const kept = path.join(root, build.fingerprint);
  const earlier = completeOutput(kept);
  if (earlier) return { dir: kept, reused: true, ...earlier };
  // Written under a name of its own and renamed when complete, so that another build of the
  // same content (tests build in parallel) never links a half-written output.
  const staging = path.join(root, `${WRITING}${process.pid}-${++writingCounter}`);
  const timing = new PhaseTimer();
  await rm(staging, { recursive: true, force: true });
  const written = await writeFresh(build, staging);
  await writeFile(path.join(staging, COMPLETE), JSON.stringify(written));
  timing.mark('write');
  await publish(root, staging, kept);
  timing.mark('publish');
  timing.report();
  return { dir: kept, reused: false, ...written };
}

/**
 * Renames the complete `staging` to `kept`, removing the other outputs (one is kept per content
 * folder) and what dead builds left half-written. If another build published the same content
 * meanwhile, its copy is used: it holds the same files.
 */
async function publish(root: string, staging: string, kept: string): Promise<void> {
  const done = () => completeOutput(kept) !== undefined;
  if (!done()) {
    for (const name of await readdir(root)) {
      const entry = path.join(root, name);
      if (entry === staging || entry === kept) continue;
      const writer = name.startsWith(WRITING) ? Number(name.slice(WRITING.length).split('-')[0]) : undefined;
      if (writer !== undefined && isAlive(writer)) continue;
      await rm(entry, { recursive: true, force: true });
    }
    // Only a complete folder is ever renamed here; an incomplete one of this name is from an
    // earlier version, which filled the kept copy in place. Asked again: another build may
    // have published it while this one removed the others.
    if (existsSync(kept) && !done()) await rm(kept, { recursive: true, force: true });
    try {
      await rename(staging, kept);
      return;
    } catch (error) {
      if (!done()) throw error;
    }
  }
  await rm(staging, { recursive: true, force: true });
}

/**
 * Puts every data file under `outDir`: hard links to the cache's copy when the build has a cache
 * (`prepared`, begun earlier by the caller, or now), else written there directly, streaming so
 * memory stays flat. `onReadable` gets a folder holding every data file as soon as there is one:
 * the cache's copy, before the links are made, or `outDir`.
 */
export async function writeDataFiles(
  build: NewsBuild,
  outDir: string,
  onReadable?: (dataDir: string) => void,
  prepared: Promise<PreparedData | undefined> = prepareDataFiles(build),
): Promise<WriteResult> {
  const ready = await prepared;
  if (!ready) {
    const written = await writeFresh(build, outDir);
    onReadable?.(outDir);
    return { ...written, reused: false };
  }
  onReadable?.(ready.dir);
  await linkTree(ready.dir, outDir);
  return { files: ready.files, bytes: ready.bytes, reused: ready.reused };
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
    if (article.inline) items.push({ target, json: JSON.stringify(article.inline) });
    else if (!store) items.push({ target, json: linkedDetailJson(article, await build.store.get(article.detailKey!)) });
    else items.push({ target, source: store.locate(article.detailKey!), ...(needsPatch(article) ? { patch: linkPatch(article) } : {}) });
  }
  // Workers write the articles while the main thread writes the lists, then helps.
  const lists = writeLists(build, outDir);
  const articles = build.pool ? build.pool.mapBatches('emit', items, 250, emitArticles, (batch) => batch, lists) : lists.then(() => emitArticles(items).then((b) => [b]));
  const [written, articleBytes] = await Promise.all([lists, articles]);
  return { files: written.files + items.length, bytes: written.bytes + articleBytes.reduce((a, b) => a + b, 0) };
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

/**
 * Every file under `dir`, as its folder and name relative to `dir` (the folder `''` for the top).
 * Paths are joined by hand below: `readdir` gives normalised absolute folders, and 13,000 calls
 * to `path.join`/`path.relative` took a quarter of a second of the main thread at 10k.
 */
async function listTree(dir: string): Promise<{ folder: string; name: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const prefix = withSeparator(dir).length;
  return entries
    .filter((e) => e.isFile() && e.name !== COMPLETE)
    .map((e) => {
      const parent = (e as { parentPath?: string }).parentPath ?? dir;
      return { folder: parent.length < prefix ? '' : parent.slice(prefix) + path.sep, name: e.name };
    });
}

/** The folder's path ending in exactly one separator, ready to have a relative path appended. */
function withSeparator(dir: string): string {
  return path.join(dir, path.sep);
}

/** Hard-links `source` to `target` (no bytes written); copies on another file system. */
function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (error) {
    rmSync(target, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') linkSync(source, target);
    else copyFileSync(source, target);
  }
}

/**
 * Links every file of `from` into `to`, synchronously: 13,000 links through libuv's thread
 * pool cost more in queueing than the links themselves (measured on 2 cores). It yields now and
 * then, so worker threads waiting for this thread (the prerenderer's) get their next batch.
 */
async function linkTree(from: string, to: string): Promise<void> {
  const files = await listTree(from);
  const dirs = new Set(files.map((f) => f.folder));
  for (const dir of [...dirs].sort()) mkdirSync(path.join(to, dir), { recursive: true });
  const source = withSeparator(from);
  const target = withSeparator(to);
  for (let i = 0; i < files.length; i++) {
    const { folder, name } = files[i]!;
    linkOrCopy(source + folder + name, target + folder + name);
    if (i % 256 === 255) await nextTurn();
  }
}
