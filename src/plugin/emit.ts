import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dataPaths } from '../contract/data-paths.ts';
import type { NewsBuild } from './build-result.ts';
import { linkedDetailJson, needsPatch } from './link.ts';
import { mapLimit } from './load.ts';

/**
 * Writes every data file under `outDir` (paths as in `dataPaths`), streaming so memory stays
 * flat: unchanged article details are hard-linked from the detail store, the rest written.
 */
export async function writeDataFiles(build: NewsBuild, outDir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  const made = new Set<string>();
  const ensureDir = async (dir: string) => {
    if (made.has(dir)) return;
    await mkdir(dir, { recursive: true });
    made.add(dir);
  };

  const lists = build.listFiles();
  const pending: Promise<void>[] = [];
  for (const [file, json] of lists) {
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
    if (article.inline) {
      const json = JSON.stringify(article.inline);
      bytes += Buffer.byteLength(json);
      return writeFile(target, json);
    }
    if (!needsPatch(article)) return build.store.copyTo(article.detailKey!, target);
    const json = linkedDetailJson(article, await build.store.get(article.detailKey!));
    bytes += Buffer.byteLength(json);
    return writeFile(target, json);
  });
  return { files, bytes };
}
