import { copyFileSync, existsSync, linkSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
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

/**
 * Writes every data file under `outDir` (paths as in `dataPaths`), streaming so memory stays
 * flat. With a cache, the finished output is kept (as hard links, no extra bytes) under the
 * build's fingerprint, and a rebuild of unchanged content links it instead of writing.
 * `onWritten` is called as soon as every file is in `outDir`.
 */
export async function writeDataFiles(build: NewsBuild, outDir: string, onWritten?: () => void): Promise<WriteResult> {
  const cached = build.outputCacheDir ? path.join(build.outputCacheDir, build.fingerprint) : undefined;
  if (cached && existsSync(path.join(cached, COMPLETE))) {
    const linked = await linkTree(cached, outDir);
    onWritten?.();
    return { ...linked, reused: true };
  }
  const timing = new PhaseTimer();
  const written = await writeFresh(build, outDir);
  timing.mark('write');
  // Readers (the prerenderer's workers) may start now; keeping a copy does not change the files.
  onWritten?.();
  if (cached) await keepOutput(build.outputCacheDir!, cached, outDir);
  timing.mark('keep output');
  timing.report();
  return { ...written, reused: false };
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
  for (const [file, json] of build.listFiles()) {
    const target = path.join(outDir, file);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    bytes += Buffer.byteLength(json);
    files++;
    writeFileSync(target, json);
    // Let the worker pool's messages through now and then (it is waiting for this thread).
    if (files % 64 === 0) await nextTurn();
  }
  return { files, bytes };
}

/** Every file under `dir`, relative, with `/` separators. */
async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name !== COMPLETE)
    .map((e) => path.relative(dir, path.join((e as { parentPath?: string }).parentPath ?? dir, e.name)));
}

/** Hard-links `source` to `target` (no bytes written); copies on another file system. */
function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    rmSync(target, { force: true });
    copyFileSync(source, target);
  }
}

/**
 * Links every file of `from` into `to`, synchronously: 13,000 links through libuv's thread
 * pool cost more in queueing than the links themselves (measured on 2 cores). It yields now and
 * then, so worker threads waiting for this thread (the prerenderer's) get their next batch.
 */
async function linkTree(from: string, to: string): Promise<{ files: number; bytes: number }> {
  const files = await listTree(from);
  const dirs = new Set(files.map((f) => path.dirname(path.join(to, f))));
  for (const dir of [...dirs].sort()) mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < files.length; i++) {
    const source = path.join(from, files[i]!);
    bytes += statSync(source).size;
    linkOrCopy(source, path.join(to, files[i]!));
    if (i % 256 === 255) await nextTurn();
  }
  return { files: files.length, bytes };
}

/** Keeps this output as the only cached one (older fingerprints are removed). */
async function keepOutput(root: string, cached: string, outDir: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
  try {
    await linkTree(path.join(outDir, 'data'), path.join(cached, 'data'));
    await writeFile(path.join(cached, COMPLETE), '');
  } catch {
    // A cache that cannot be filled (another file system, no space) only costs the next build.
    await rm(cached, { recursive: true, force: true });
  }
}
