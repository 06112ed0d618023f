import path from 'node:path';
import type { ArticleDetail } from '../contract/article.ts';
import { NewsBuild } from './build-result.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { linkCorpus } from './link.ts';
import { buildLists } from './lists.ts';
import { contentKey, listContentFiles, mapLimit, readContentFile } from './load.ts';
import { parseFile, type FileRecord } from './parse.ts';
import { ParseCache } from './parse-cache.ts';
import { parseInWorkers } from './parse-pool.ts';

export interface PipelineOptions {
  /** The content folder (absolute, or relative to the working directory). */
  dir: string;
  /** Leave `published: false` articles out of every output, as Jekyll does. Default false. */
  dropUnpublished?: boolean;
  /** Shown in titles and feeds. Default "Smartable News Reader". */
  siteName?: string;
  /** Public base URL (e.g. https://news.example.com), used for canonical links. */
  siteUrl?: string;
  /** File for the parse cache, keyed by content; false turns it off. Default: no disk cache. */
  cacheFile?: string | false;
  /** Parse in worker threads when there are more files than this. Default 1500. */
  workerThreshold?: number;
}

export const DEFAULT_SITE_NAME = 'Smartable News Reader';

interface Entry {
  key: string;
  record: FileRecord;
}

/**
 * Holds the last build's per-file records so a rebuild re-parses only files whose bytes
 * changed; linking and lists are recomputed from the records (cheap next to parsing).
 */
export class NewsPipeline {
  private entries = new Map<string, Entry>();
  private readonly cache?: ParseCache;

  constructor(readonly options: PipelineOptions) {
    if (options.cacheFile) this.cache = new ParseCache(options.cacheFile);
  }

  /**
   * `changed` (absolute or folder-relative paths, from a file watcher) limits reading to those
   * files; without it every file is read and compared by content.
   */
  async build(changed?: readonly string[]): Promise<NewsBuild> {
    const { dir } = this.options;
    const changedSet = changed ? new Set(changed.map((f) => path.relative(dir, path.resolve(dir, f)).split(path.sep).join('/'))) : undefined;
    const files = await listContentFiles(dir);
    const previous = this.entries;
    const next = new Map<string, Entry>();
    const toParse: { file: string; key: string; bytes: Uint8Array }[] = [];
    const readProblems: FileRecord[] = [];
    await this.cache?.load();

    await mapLimit(files, 64, async (file) => {
      const kept = changedSet && !changedSet.has(file) ? previous.get(file) : undefined;
      if (kept) {
        next.set(file, kept);
        return;
      }
      let bytes: Uint8Array;
      try {
        bytes = await readContentFile(dir, file);
      } catch (error) {
        readProblems.push({
          file,
          diagnostics: [{ code: 'unreadable-file', severity: 'error', file, message: `${(error as Error).message}; the file was skipped` }],
        });
        return;
      }
      const key = contentKey(file, bytes);
      const known = previous.get(file)?.key === key ? previous.get(file)!.record : this.cache?.get(key);
      if (known) next.set(file, { key, record: known });
      else toParse.push({ file, key, bytes });
    });

    const threshold = this.options.workerThreshold ?? 1500;
    const parsed = toParse.length > threshold ? await parseInWorkers(toParse) : toParse.map((t) => parseFile(t.file, t.bytes));
    toParse.forEach((t, i) => {
      next.set(t.file, { key: t.key, record: parsed[i]! });
      this.cache?.set(t.key, parsed[i]!);
    });
    this.entries = next;
    await this.cache?.save(new Set([...next.values()].map((e) => e.key)));

    const records = [...readProblems, ...[...next.values()].map((e) => e.record)].sort((a, b) => (a.file < b.file ? -1 : 1));
    return this.assemble(files.length, records);
  }

  private assemble(fileCount: number, records: FileRecord[]): NewsBuild {
    const linked = linkCorpus(records);
    const diagnostics: Diagnostic[] = sortDiagnostics([...records.flatMap((r) => r.diagnostics), ...linked.diagnostics]);
    let articles: ArticleDetail[] = linked.articles;
    if (this.options.dropUnpublished) {
      const dropped = new Set(articles.filter((a) => !a.published).map((a) => a.slug));
      articles = articles.filter((a) => a.published);
      // Links to dropped articles would lead nowhere.
      for (const a of articles) {
        for (const item of a.related) if (item.slug && dropped.has(item.slug)) delete item.slug;
        a.citedBy = a.citedBy.filter((c) => !dropped.has(c.slug));
        a.citedByCount = a.citedBy.length;
      }
    }
    const lists = buildLists(articles, {
      siteName: this.options.siteName ?? DEFAULT_SITE_NAME,
      ...(this.options.siteUrl ? { siteUrl: this.options.siteUrl } : {}),
    });
    return new NewsBuild(fileCount, diagnostics, articles, linked.sources, lists);
  }
}

export async function buildNewsData(options: PipelineOptions): Promise<NewsBuild> {
  return new NewsPipeline(options).build();
}
