import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleDetail } from '../contract/article.ts';
import { articleHref } from '../contract/routes.ts';
import { SEARCH_BUNDLE_DIR, SEARCH_FILTERS, SEARCH_LANGUAGE, SEARCH_SORT_KEYS } from '../contract/search.ts';
import { topicSlug } from '../contract/slug.ts';
import type { NewsBuild } from './build-result.ts';
import { outputKey, type FileIndex } from './file-index.ts';

/** A Pagefind custom record (the Node API's `CustomRecord`). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

export interface SearchIndexResult {
  /** Files of the search bundle in the output. */
  files: number;
  written: number;
  bytes: number;
  /** Whether the last build's index was kept because no article's searchable text changed. */
  reused: boolean;
}

/** Its package does not export package.json; the file sits above its entry module. */
function pagefindVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.resolve('pagefind')));
  while (dir !== path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'pagefind' && pkg.version) return pkg.version;
    } catch {
      // not this folder
    }
    dir = path.dirname(dir);
  }
  throw new Error('search: cannot find the version of the installed pagefind package');
}

const PAGEFIND_VERSION = pagefindVersion();

/**
 * What the reader's search loads. Pagefind also writes its own search UIs and a stemming wasm
 * per language; the app has its own UI and the index has no stemmer, so they are not shipped.
 */
export function isShippedBundleFile(file: string): boolean {
  return (
    /^(index|fragment|filter)\/[^/]+\.pf_(index|fragment|filter)$/.test(file) ||
    /^pagefind\.[^/]+\.pf_meta$/.test(file) ||
    ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', `wasm.${SEARCH_LANGUAGE}.pagefind`].includes(file)
  );
}

/**
 * One article's record. Indexed: headline, excerpt, body, outlet name and topic names (not
 * related coverage, not `secured`). The card itself is not in the index (Pagefind indexes
 * every metadata field as words): the app fetches the article's data file for each result.
 */
export function searchRecord(article: ArticleDetail): SearchRecord {
  const text = [article.title, article.excerpt ?? '', ...article.body.map((block) => block.text), article.provider?.name ?? '', ...article.topics];
  const filters: Record<string, string[]> = {
    [SEARCH_FILTERS.topic]: [...new Set(article.topics.map(topicSlug))],
    [SEARCH_FILTERS.type]: [article.type],
  };
  if (!article.published) filters[SEARCH_FILTERS.unpublished] = ['true'];
  if (article.provider?.domain) filters[SEARCH_FILTERS.source] = [article.provider.domain.toLowerCase()];
  if (article.publishedAt) filters[SEARCH_FILTERS.day] = [article.publishedAt.slice(0, 10)];
  return {
    url: articleHref(article.slug),
    content: text.filter(Boolean).join('\n'),
    language: SEARCH_LANGUAGE,
    meta: { title: article.title },
    filters,
    sort: {
      [SEARCH_SORT_KEYS.heat]: String(article.heat),
      [SEARCH_SORT_KEYS.quality]: String(article.quality ?? -1),
      [SEARCH_SORT_KEYS.newest]: String(article.publishedAt ? Date.parse(article.publishedAt) : 0),
    },
  };
}

/** Pagefind's output files, in memory: the records go in whole, in the build's article order. */
export async function indexRecords(records: readonly SearchRecord[], batch = 100): Promise<{ path: string; content: Uint8Array }[]> {
  const pagefind = await import('pagefind');
  const created = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  if (!created.index) throw new Error(`search: Pagefind could not start: ${created.errors.join('; ')}`);
  const index = created.index;
  try {
    // `batch` requests in flight at once: one at a time waits out each round trip to Pagefind's process.
    for (let i = 0; i < records.length; i += batch) {
      const slice = records.slice(i, i + batch);
      const added = await Promise.all(slice.map((record) => index.addCustomRecord(record)));
      const failed = added.findIndex((a) => a.errors.length > 0);
      if (failed >= 0) throw new Error(`search: Pagefind rejected ${slice[failed]!.url}: ${added[failed]!.errors.join('; ')}`);
    }
    const out = await index.getFiles();
    if (out.errors.length) throw new Error(`search: Pagefind could not write the index: ${out.errors.join('; ')}`);
    return out.files.map((f) => ({ path: f.path.split(path.sep).join('/'), content: f.content }));
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

function sameBytes(file: string, content: Uint8Array): boolean {
  try {
    return readFileSync(file).equals(content);
  } catch {
    return false;
  }
}

/** Every article's record, in the build's article order. */
export async function searchRecords(build: NewsBuild): Promise<SearchRecord[]> {
  const records: SearchRecord[] = [];
  for (const article of build.articles) {
    const detail = await build.readArticle(article.head.slug);
    if (detail) records.push(searchRecord(detail));
  }
  return records;
}

/** The shipped files of `build`'s index, by path inside the bundle folder. */
export async function searchBundle(build: NewsBuild): Promise<{ path: string; content: Uint8Array }[]> {
  return (await indexRecords(await searchRecords(build))).filter((f) => isShippedBundleFile(f.path));
}

const sha1 = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('base64url');

/**
 * Writes the search bundle into `<outDir>/pagefind/`. Pagefind has no incremental indexing, so
 * the index is one unit: its key covers every article's key (which covers its text). While
 * the key is unchanged and every file of the last build's bundle is as it was left, nothing
 * runs; otherwise Pagefind indexes every article and only files whose bytes differ are written.
 */
export async function writeSearchIndex(build: NewsBuild, outDir: string, manifest: FileIndex, articleKeys: Map<string, string>): Promise<SearchIndexResult> {
  const indexKey = outputKey(PAGEFIND_VERSION, ...build.articles.map((a) => `${a.head.slug}\n${articleKeys.get(a.head.slug) ?? ''}`));
  // A file's key is its bytes' hash; the entry file's also names the index's inputs.
  const entryFile = `${SEARCH_BUNDLE_DIR}/pagefind-entry.json`;
  const fileKey = (file: string, bytes: Uint8Array) => (file === entryFile ? `${indexKey}.${sha1(bytes)}` : sha1(bytes));
  const previous = manifest.previousUnder(SEARCH_BUNDLE_DIR);
  const lastEntry = previous.find(([file]) => file === entryFile);
  if (lastEntry?.[1].startsWith(`${indexKey}.`) && previous.every(([file, key]) => manifest.isCurrent(file, key))) {
    return { files: previous.length, written: 0, bytes: 0, reused: true };
  }
  // The check above counted some files as this build's; only those of the new index are.
  for (const [file] of previous) manifest.forget(file);
  const files = await searchBundle(build);
  let written = 0;
  let bytes = 0;
  for (const { path: name, content } of files) {
    const file = `${SEARCH_BUNDLE_DIR}/${name}`;
    const key = fileKey(file, content);
    if (manifest.isCurrent(file, key)) continue;
    const full = path.join(outDir, file);
    if (!sameBytes(full, content)) {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
      written++;
      bytes += content.byteLength;
    }
    manifest.wrote(file, key);
  }
  return { files: files.length, written, bytes, reused: false };
}
