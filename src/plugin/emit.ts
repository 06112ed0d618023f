import { existsSync } from 'node:fs';
import { link, mkdir, readdir, rm, stat, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { dataPaths } from '../contract/data-paths.ts';
import type { NewsBuild } from './build-result.ts';
import { linkedDetailJson, needsPatch } from './link.ts';
import { mapLimit } from './load.ts';

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
 */
export async function writeDataFiles(build: NewsBuild, outDir: string): Promise<WriteResult> {
  const cached = build.outputCacheDir ? path.join(build.outputCacheDir, build.fingerprint) : undefined;
  if (cached && existsSync(path.join(cached, COMPLETE))) return { ...(await linkTree(cached, outDir)), reused: true };
  const written = await writeFresh(build, outDir);
  if (cached) await keepOutput(build.outputCacheDir!, cached, outDir);
  return { ...written, reused: false };
}

async function writeFresh(build: NewsBuild, outDir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  const made = new Set<string>();
  const ensureDir = async (dir: string) => {
    if (made.has(dir)) return;
    await mkdir(dir, { recursive: true });
    made.add(dir);
  };

  const pending: Promise<void>[] = [];
  for (const [file, json] of build.listFiles()) {
    const target = path.join(outDir, file);
    await ensureDir(path.dirname(target));
    bytes += Buffer.byteLength(json);
    files++;
    pending.push(writeFile(target, json));
    if (pending.length >= 64) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);

  await ensureDir(path.join(outDir, path.dirname(dataPaths.article('x'))));
  await mapLimit(build.articles, 32, async (article) => {
    const target = path.join(outDir, dataPaths.article(article.head.slug));
    files++;
    if (!article.inline && !needsPatch(article)) return build.store.copyTo(article.detailKey!, target);
    const json = article.inline ? JSON.stringify(article.inline) : linkedDetailJson(article, await build.store.get(article.detailKey!));
    bytes += Buffer.byteLength(json);
    return writeFile(target, json);
  });
  return { files, bytes };
}

/** Every file under `dir`, relative, with `/` separators. */
async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name !== COMPLETE)
    .map((e) => path.relative(dir, path.join((e as { parentPath?: string }).parentPath ?? dir, e.name)));
}

async function linkTree(from: string, to: string): Promise<{ files: number; bytes: number }> {
  const files = await listTree(from);
  const dirs = new Set(files.map((f) => path.dirname(path.join(to, f))));
  for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });
  let bytes = 0;
  await mapLimit(files, 64, async (file) => {
    const source = path.join(from, file);
    const target = path.join(to, file);
    bytes += (await stat(source)).size;
    try {
      await link(source, target);
    } catch {
      await rm(target, { force: true });
      await copyFile(source, target);
    }
  });
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
