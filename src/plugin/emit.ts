import { closeSync, mkdirSync, openSync, writeSync, writevSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { dataPaths } from '../contract/data-paths.ts';
import { inlineDetail, type NewsBuild } from './build-result.ts';
import { PackDetailStore } from './detail-store.ts';
import { articleLinks, changesDetail } from './link.ts';
import { FileIndex, outputKey } from './file-index.ts';
import { emitArticles, type EmitItem, type EmitOutput } from './pool-tasks.ts';
import { PhaseTimer } from './phase-timer.ts';

export interface WriteResult {
  /** Data files this build has (written or unchanged). */
  files: number;
  /** Files written: new, changed, or changed in the output folder since the last build. */
  written: number;
  /** Files left as they were: same inputs as when the last build wrote them, untouched since. */
  unchanged: number;
  /** Bytes written. */
  bytes: number;
  /** Each article's key (see `articleKey`), by slug: its page depends on it. */
  articleKeys: Map<string, string>;
}

export interface WriteOptions {
  /** What the last build wrote into `outDir`; without one, every file is written. */
  manifest?: FileIndex;
  /** Stands for the code that turns records into files (see `codeKey`): a new one rewrites every article. */
  codeKey?: string;
  /** `articleKeys(build, codeKey)`, when the caller made them already. */
  articleKeys?: Map<string, string>;
}

/**
 * Each article file's inputs, as one key: the code, its stored detail (by the content key of its
 * source) or its whole detail (plain-text articles), and its links (slug, the related items that
 * are corpus articles, the articles citing it, a body from a plain-text file). Nothing else goes
 * into the file, so an unchanged key means unchanged bytes.
 */
export function articleKeys(build: NewsBuild, codeKey: string): Map<string, string> {
  const keys = new Map<string, string>();
  build.linkStories();
  for (const article of build.articles) {
    keys.set(article.head.slug, outputKey(codeKey, article.detailKey ?? JSON.stringify(article.inline), JSON.stringify(articleLinks(article))));
  }
  return keys;
}

/**
 * Writes this build's data files (paths as in `dataPaths`) into `outDir`, skipping each file the
 * manifest shows is already there with the same inputs. List files are made (they are small) and
 * compared by their bytes; article files by their key, without reading their stored details.
 * Nothing in `outDir` is shared with the cache.
 */
export async function writeDataFiles(build: NewsBuild, outDir: string, options: WriteOptions = {}): Promise<WriteResult> {
  const manifest = options.manifest ?? FileIndex.empty(outDir);
  const codeKey = options.codeKey ?? '';
  const timing = new PhaseTimer();
  const articleDir = path.join(outDir, path.dirname(dataPaths.article('x')));
  mkdirSync(articleDir, { recursive: true });
  const store = build.store instanceof PackDetailStore ? build.store : undefined;
  const keys = options.articleKeys ?? articleKeys(build, codeKey);
  const items: EmitItem[] = [];
  const itemFiles: [file: string, key: string][] = [];
  for (const article of build.articles) {
    const slug = article.head.slug;
    const file = dataPaths.article(slug);
    const key = keys.get(slug)!;
    if (manifest.isCurrent(file, key)) continue;
    const target = path.join(outDir, file);
    if (article.inline) items.push({ target, detail: inlineDetail(article) });
    else if (!store) items.push({ target, detail: (await build.readArticle(slug))! });
    else
      items.push({
        target,
        source: store.locate(article.detailKey!),
        ...(changesDetail(article) ? { links: articleLinks(article) } : {}),
        file: article.file,
        dir: build.dir,
      });
    itemFiles.push([file, key]);
  }
  timing.mark(`data keys (${items.length} of ${build.articles.length} articles to write)`);
  // Workers write the articles while the main thread writes the lists, then helps.
  const lists = writeKeyedFiles(build.listFiles(codeKey), outDir, manifest);
  const emitting =
    build.pool && items.length > 250
      ? build.pool.mapBatches('emit', items, 250, emitArticles, (batch) => batch, lists)
      : lists.then(() => emitArticles(items).then((b) => [b]));
  const [listsWritten, outputs] = await Promise.all([lists, emitting]);
  const storiesWritten = await writeKeyedFiles(build.storyFiles(codeKey, keys), outDir, manifest);
  let bytes = listsWritten.bytes + storiesWritten.bytes;
  for (const output of outputs as EmitOutput[]) {
    for (const { problem, file } of output.reparsed) build.noteReparsed(problem, file);
    bytes += output.bytes;
  }
  for (const [file, key] of itemFiles) manifest.wrote(file, key);
  timing.mark('write');
  timing.report();
  const files = listsWritten.files + storiesWritten.files + build.articles.length;
  const written = listsWritten.written + storiesWritten.written + items.length;
  return { files, written, unchanged: files - written, bytes, articleKeys: keys };
}

/** A data file made on demand: its key (see `FileIndex`) and its bytes in pieces. */
interface KeyedFile {
  file: string;
  key: string;
  parts: () => Buffer[] | Promise<Buffer[]>;
}

/**
 * Writes the files that are not current (the list files, the story files). Writes
 * synchronously: the workers are emitting articles on the other cores meanwhile, so libuv's
 * thread pool had no core of its own and async writes only queued (measured slower).
 */
async function writeKeyedFiles(
  keyed: Iterable<KeyedFile> | AsyncIterable<KeyedFile>,
  outDir: string,
  manifest: FileIndex,
): Promise<{ files: number; written: number; bytes: number }> {
  let files = 0;
  let written = 0;
  let bytes = 0;
  const made = new Set<string>();
  for await (const { file, key, parts: makeParts } of keyed) {
    files++;
    if (manifest.isCurrent(file, key)) continue;
    const parts = await makeParts();
    const target = path.join(outDir, file);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    bytes += writeParts(target, parts);
    manifest.wrote(file, key);
    written++;
    // Let the worker pool's messages through now and then (it is waiting for this thread).
    if (written % 64 === 0) await nextTurn();
  }
  return { files, written, bytes };
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
      for (let at = 0; at < rest.length;) at += writeSync(fd, rest, at);
    }
  } finally {
    closeSync(fd);
  }
  return total;
}
