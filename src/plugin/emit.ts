import { createHash } from 'node:crypto';
import { closeSync, constants, copyFileSync, existsSync, mkdirSync, rmSync, openSync, readFileSync, writeSync, writevSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { dataPaths } from '../contract/data-paths.ts';
import type { NewsBuild } from './build-result.ts';
import { PackDetailStore } from './detail-store.ts';
import { articleLinks, linkedDetail } from './link.ts';
import { emitArticles, type EmitItem, type EmitOutput } from './pool-tasks.ts';
import { PhaseTimer } from './phase-timer.ts';

export interface WriteResult {
  files: number;
  bytes: number;
  /** True when an identical earlier output was reused (copied from the cache) instead of written. */
  reused: boolean;
}

/** A written data file: its path relative to the output folder, its size and sha1 (base64). */
export type FileSum = [file: string, size: number, sha1: string];
const sha1 = (bytes: Uint8Array | readonly Uint8Array[]): string => {
  const hash = createHash('sha1');
  for (const part of Array.isArray(bytes) ? bytes : [bytes]) hash.update(part);
  return hash.digest('base64');
};

const COMPLETE = '.complete';
/** Outputs being written into the cache are named `.writing-<pid>-<n>` until complete. */
const WRITING = '.writing-';
let writingCounter = 0;

interface Totals {
  files: number;
  bytes: number;
}

/** What a complete output's marker records: every file with its size and checksum. */
interface Written extends Totals {
  sums: FileSum[];
}

/** A build's data files, complete, in a folder of the output cache. */
export interface PreparedData extends Written {
  dir: string;
  /** True when an identical earlier output was found there instead of written. */
  reused: boolean;
}

/**
 * The files recorded in a complete output's marker, or undefined when the output is not
 * complete. An earlier version's marker (without checksums) counts as not complete: that output
 * is written again once.
 */
function completeOutput(dir: string): Written | undefined {
  try {
    const { files, bytes, sums } = JSON.parse(readFileSync(path.join(dir, COMPLETE), 'utf8')) as Partial<Record<keyof Written, unknown>>;
    return typeof files === 'number' && typeof bytes === 'number' && Array.isArray(sums) ? { files, bytes, sums: sums as FileSum[] } : undefined;
  } catch {
    return undefined;
  }
}

/** The first file of a kept output that is gone or differs from what its marker recorded. */
function damagedFile(dir: string, written: Written): string | undefined {
  for (const [file, size, sum] of written.sums) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(dir, file));
    } catch {
      return `${file} is missing`;
    }
    if (bytes.length !== size || sha1(bytes) !== sum) return `${file} was changed`;
  }
  return undefined;
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
  if (earlier) {
    const damage = damagedFile(kept, earlier);
    if (!damage) return { dir: kept, reused: true, ...earlier };
    build.cacheWarnings.push(`news: the cached output ${kept} failed verification (${damage}); it was written again`);
    await rm(path.join(kept, COMPLETE), { force: true });
  }
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
 * Puts every data file under `outDir`: copies of the cache's files (copy-on-write clones where
 * the file system has them) when the build has a cache (`prepared`, begun earlier by the
 * caller, or now), else written there directly, streaming so memory stays flat. Never hard
 * links: an edit of the output would change the cache. `onReadable` gets a folder holding every
 * data file as soon as there is one: the cache's copy, before the copies are made, or `outDir`.
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
    return { files: written.files, bytes: written.bytes, reused: false };
  }
  onReadable?.(ready.dir);
  await copyTree(ready.dir, ready.sums, outDir);
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

async function writeFresh(build: NewsBuild, outDir: string): Promise<Written> {
  const articleDir = path.join(outDir, path.dirname(dataPaths.article('x')));
  await mkdir(articleDir, { recursive: true });
  const store = build.store instanceof PackDetailStore ? build.store : undefined;
  const items: EmitItem[] = [];
  const articleFiles: string[] = [];
  for (const article of build.articles) {
    const file = dataPaths.article(article.head.slug);
    articleFiles.push(file);
    const target = path.join(outDir, file);
    if (article.inline) items.push({ target, detail: article.inline });
    else if (!store) items.push({ target, detail: (await build.readArticle(article.head.slug))! });
    else items.push({ target, source: store.locate(article.detailKey!), links: articleLinks(article), file: article.file, dir: build.dir });
  }
  // Workers write the articles while the main thread writes the lists, then helps.
  const lists = writeLists(build, outDir);
  const articles = build.pool ? build.pool.mapBatches('emit', items, 250, emitArticles, (batch) => batch, lists) : lists.then(() => emitArticles(items).then((b) => [b]));
  const [written, outputs] = await Promise.all([lists, articles]);
  const sums = [...written.sums];
  let i = 0;
  for (const output of outputs as EmitOutput[]) {
    build.cacheWarnings.push(...output.warnings);
    for (const [size, sum] of output.sums) sums.push([articleFiles[i++]!, size, sum]);
  }
  let bytes = 0;
  for (const [, size] of sums) bytes += size;
  return { files: sums.length, bytes, sums };
}

/**
 * Writes synchronously: the workers are emitting articles on the other cores meanwhile, so
 * libuv's thread pool had no core of its own and async writes only queued (measured slower).
 */
async function writeLists(build: NewsBuild, outDir: string): Promise<{ sums: FileSum[] }> {
  const sums: FileSum[] = [];
  const made = new Set<string>();
  for (const [file, parts] of build.listFiles()) {
    const target = path.join(outDir, file);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    sums.push([file, writeParts(target, parts), sha1(parts)]);
    // Let the worker pool's messages through now and then (it is waiting for this thread).
    if (sums.length % 64 === 0) await nextTurn();
  }
  return { sums };
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
 * Copies every recorded file of `from` into `to` (over whatever is there), synchronously:
 * 13,000 copies through libuv's thread pool cost more in queueing than the copies themselves
 * (2 cores). A clone shares blocks copy-on-write, so editing either side never changes the
 * other; `copyFileSync` falls back to a plain copy where the file system cannot clone. It
 * yields now and then, so worker threads waiting for this thread (the prerenderer's) get their
 * next batch.
 */
async function copyTree(from: string, sums: readonly FileSum[], to: string): Promise<void> {
  const dirs = new Set(sums.map(([file]) => path.dirname(file)));
  for (const dir of [...dirs].sort()) mkdirSync(path.join(to, dir), { recursive: true });
  const source = path.join(from, path.sep);
  const target = path.join(to, path.sep);
  for (let i = 0; i < sums.length; i++) {
    const file = sums[i]![0];
    // Unlinked first: a file there may be a hard link into the cache (as earlier versions
    // made), which copying over in place would truncate.
    rmSync(target + file, { force: true });
    copyFileSync(source + file, target + file, constants.COPYFILE_FICLONE);
    if (i % 256 === 255) await nextTurn();
  }
}
