import { availableParallelism } from 'node:os';
import path from 'node:path';
import { NewsBuild } from './build-result.ts';
import { MemoryDetailStore, PackDetailStore, type DetailStore } from './detail-store.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { CorpusLinker } from './incremental-link.ts';
import type { StoryInput } from './stories/cluster.ts';
import { StoryClusterer } from './stories/clusterer.ts';
import { TermPool } from './stories/term-pool.ts';
import { linkCorpus, type LinkedArticle } from './link.ts';
import { buildLists, toCard, updateLists, type Lists } from './lists.ts';
import { scanContentFolder } from './load.ts';
import { ParseCache } from './parse-cache.ts';
import { scanFiles, type ScanInput, type ScanOutput } from './pool-tasks.ts';
import { soloCard, type SourceRecord } from './record.ts';
import type { ArticleCard } from '../contract/article.ts';
import { PhaseTimer } from './phase-timer.ts';
import { FileIndex } from './file-index.ts';
import { ContentDigest, statForDigest, type ContentListing } from './up-to-date.ts';
import { WorkerPool } from './worker-pool.ts';

export interface PipelineOptions {
  /** The content folder (absolute, or relative to the working directory). */
  dir: string;
  /** Leave `published: false` articles out of every output, as Jekyll does. Default false. */
  dropUnpublished?: boolean;
  /** Shown in titles and feeds. Default "Smartable News Reader". */
  siteName?: string;
  /** Public base URL (e.g. https://news.example.com), used for canonical links. */
  siteUrl?: string;
  /**
   * Folder for the content-keyed cache (parsed records and article details); a rebuild reuses
   * whatever has the same bytes. Default: none, everything in memory.
   */
  cacheDir?: string;
  /** Parse in worker threads when more files than this need parsing. Default 1000. */
  workerThreshold?: number;
  /** Called as parse batches finish, with the files done and the total (worker builds only). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Edits will follow (the dev server): keep what clustering knows between builds, so an edit
   * re-clusters only the stories it touches (see `StoryClusterer`). A one-off build does not
   * hold it (at 100,000 articles it is a few hundred megabytes). Default false.
   */
  watch?: boolean;
}

/**
 * Past this many files the main thread only coordinates: it holds every record, and parsing
 * beside a heap that large spends its time in garbage collection (measured 4× slower per file
 * at 100,000 files); the workers' heaps stay small.
 */
const BIG_SCAN = Number(process.env.NEWS_BIG_SCAN ?? 20_000);

export const DEFAULT_SITE_NAME = 'Smartable News Reader';

/**
 * Holds the last build's per-file records so a rebuild re-parses only files whose bytes
 * changed; linking and lists are recomputed from the small records.
 */
export class NewsPipeline {
  private records = new Map<string, SourceRecord>();
  /** The last listing's skipped-entry warnings (see scanContentFolder). */
  private folderDiagnostics: Diagnostic[] = [];
  private pool?: WorkerPool;
  /** Whether a build ran: only then is there a parse cache to save. */
  private built = false;
  /** The last build's records, in path order, and each file's position there (made for an edit). */
  private sorted: SourceRecord[] = [];
  private sortedAt?: Map<string, number>;
  /** Files whose records were dropped since the last build (see `forget`): the next one reads them. */
  private readonly forgotten = new Set<string>();
  /** The last build's diagnostics, sorted: an edit that neither had nor has any keeps them. */
  private lastDiagnostics?: Diagnostic[];
  /** The parse cache being saved after a full build (see `build`). */
  private saving: Promise<void> = Promise.resolve();
  private readonly cache?: ParseCache;
  private readonly store: DetailStore;
  /** The content folder's files as the last build listed them (a watcher's edit reuses it). */
  private listing?: { files: string[]; diagnostics: Diagnostic[]; known: Set<string> };
  /** Each content file's key and stat at the last full build: an unchanged file is not read. */
  private contentIndex?: FileIndex;
  /** Links a watcher's edit into the last build's links instead of linking everything again. */
  private readonly linker = new CorpusLinker();
  /** Every record's terms share one string per word (see `TermPool`). */
  private readonly terms = new TermPool();
  /** What clustering knows of the last build's articles, when edits follow (`watch`). */
  private readonly clusterer?: StoryClusterer;
  /** The last build's cards and lists: an edit of a few cards updates the lists in place of making them. */
  private last?: { articles: readonly LinkedArticle[]; cards: readonly ArticleCard[]; lists: Lists };

  constructor(readonly options: PipelineOptions) {
    if (options.watch) this.clusterer = new StoryClusterer();
    if (options.cacheDir) {
      this.cache = new ParseCache(path.join(options.cacheDir, 'records.v8'));
      this.store = new PackDetailStore(path.join(options.cacheDir, 'details'));
    } else {
      this.store = new MemoryDetailStore();
    }
  }

  /**
   * `changed` (absolute or folder-relative paths, from a file watcher) limits reading to those
   * files and new ones; without it every file is read and compared by content. `listing` is the
   * folder as an up-to-date check just listed and stat'ed it (before this build read anything).
   */
  async build(changed?: readonly string[], listing?: ContentListing): Promise<NewsBuild> {
    await this.saving;
    const { dir } = this.options;
    const timing = new PhaseTimer();
    const changedSet = changed ? new Set(changed.map((f) => path.relative(dir, path.resolve(dir, f)).split(path.sep).join('/'))) : undefined;
    const given = changed ? undefined : listing;
    const digest = changed || given ? undefined : new ContentDigest();
    // A watcher's edit of files already listed changes no listing: only adds, deletions and
    // anything else not a listed regular file send the build through the folder again.
    const edits = changedSet && this.listing && [...changedSet].every((file) => this.listing!.known.has(file) && statForDigest(dir, file)?.isFile());
    const { files, diagnostics: folderDiagnostics } = (edits ? this.listing : undefined) ?? given ?? (await scanContentFolder(dir));
    if (!edits) this.listing = { files, diagnostics: folderDiagnostics, known: new Set(files) };
    const statOf = (file: string, i: number) => (given ? given.stats[i] : statForDigest(dir, file));
    this.folderDiagnostics = folderDiagnostics;
    const previous = this.records;
    // An edit reads its files and those whose records were dropped since (see `forget`).
    let toScan = edits ? [...new Set([...changedSet, ...this.forgotten])] : changedSet ? files.filter((f) => changedSet.has(f) || !previous.has(f)) : files;
    this.forgotten.clear();
    const threshold = this.options.workerThreshold ?? 1000;
    // Workers take ~0.5 s to start: start them while the cache loads.
    const big = toScan.length > BIG_SCAN;
    const pool = toScan.length > threshold ? (this.pool ??= new WorkerPool(big ? availableParallelism() : undefined)) : undefined;
    const diskStore = this.store instanceof PackDetailStore ? this.store : undefined;
    await Promise.all([this.cache?.load(), diskStore?.load()]);

    // A watcher's edit of a few listed files parses them outright: looking their bytes up among
    // the known records would take a pass over every record, which costs more than the parse.
    const fewEdits = edits && toScan.length <= FEW_EDITS;
    // Keys whose records we already have (and whose details are stored): not parsed again.
    const byKey = new Map<string, SourceRecord>();
    if (!fewEdits) for (const record of previous.values()) byKey.set(record.key, record);
    // A watcher's rebuild knows its records already; the cache matters to full builds. A
    // cached detail is verified when it is read (see NewsBuild.noteUnreadable), not here: an
    // incremental build reads only the details of the files it writes.
    const cacheWarnings = [...(this.cache?.takeWarnings() ?? [])];
    if (!changed) for (const [key, record] of this.cache?.entries() ?? []) if (!byKey.has(key)) byKey.set(key, record);
    // A full build reads only the files whose stat changed since the last one.
    const unchanged = new Map<string, string>();
    if (!changed && this.options.cacheDir) {
      this.contentIndex = FileIndex.load(this.options.cacheDir, dir, (line) => cacheWarnings.push(line), 'content');
      // A full build scans every file, in the listing's order.
      for (const [i, file] of toScan.entries()) {
        const stat = statOf(file, i);
        digest?.add(file, stat);
        const key = this.contentIndex.keyIfUnchanged(file, stat);
        if (key !== undefined && byKey.has(key)) unchanged.set(file, key);
      }
      toScan = toScan.filter((file) => !unchanged.has(file));
    }
    timing.mark(`prepare (${unchanged.size} files unchanged)`);

    const input = (batch: string[]): ScanInput => ({ dir, files: batch, ...(diskStore ? { storeDir: diskStore.dir } : {}) });
    const known = new Set(byKey.keys());
    let outputs: ScanOutput[];
    if (pool) {
      await pool.broadcast('known', [...known]);
      outputs = (
        await pool.mapBatches(
          'scan',
          toScan,
          100,
          (batch) => scanFiles(input(batch), known),
          input,
          big ? false : undefined,
          undefined,
          this.options.onProgress,
        )
      ).flat();
    } else {
      outputs = await scanFiles(input(toScan), known);
    }
    timing.mark(`scan ${toScan.length} (${outputs.filter((o) => o.record).length} parsed)`);

    // An edit replaces its records in place; other builds make the map again, in listing order.
    const next = fewEdits ? previous : new Map<string, SourceRecord>();
    const scanned = new Map(outputs.map((o) => [o.file, o]));
    let diagnosticsChanged = !fewEdits;
    for (const file of fewEdits ? scanned.keys() : files) {
      const output = scanned.get(file);
      const record = output ? (output.record ?? byKey.get(output.key)!) : (previous.get(file) ?? byKey.get(unchanged.get(file)!)!);
      if (record.article) this.terms.intern(record.article.terms);
      if (!output) {
        next.set(file, record);
        continue;
      }
      if (record.diagnostics.length > 0 || (next.get(file)?.diagnostics.length ?? 0) > 0) diagnosticsChanged = true;
      next.set(file, record);
      if (output.stat && output.key) this.contentIndex?.read(file, output.key, output.stat);
      if (!output.record || !output.key) continue;
      this.cache?.set(output.key, output.record);
      if (output.detail !== undefined) await this.store.put(output.key, output.detail);
    }
    // Records from an earlier build of this process are noted already.
    const fresh = fewEdits ? [...scanned.keys()].map((file) => next.get(file)!) : next.values();
    if (diskStore) for (const record of fresh) if (record.detail) diskStore.note(record.key, record.detail);
    this.records = next;
    this.built = true;

    // An edit keeps the files and their order: the last order with the edited records in it.
    let records: SourceRecord[];
    if (fewEdits) {
      const sorted = this.sorted;
      const at = (this.sortedAt ??= new Map(sorted.map((record, i) => [record.file, i])));
      records = [...sorted];
      for (const file of scanned.keys()) records[at.get(file)!] = next.get(file)!;
    } else {
      records = [...next.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
      this.sortedAt = undefined;
    }
    this.sorted = records;
    const result = this.assemble(files.length, records, cacheWarnings, diagnosticsChanged);
    result.filesRead = toScan.length;
    if (given && this.options.cacheDir) result.contentState = given.state;
    else if (digest && this.options.cacheDir) {
      digest.addListing(folderDiagnostics);
      result.contentState = digest.result();
    }
    timing.mark(`link+lists (${result.made.links} links, ${result.made.lists} lists)`);
    timing.report();
    // Saved while the caller starts on the output, not before: the worker pool would wait for
    // it with nothing to do. `close` and the next build wait for it, and a failure to save
    // surfaces there. A watcher's rebuild (one file changed) must be quick: it saves on close.
    if (!changed) {
      this.saving = this.persist();
      this.saving.catch(() => undefined);
    }
    return result;
  }

  /** Settles when the parse cache of the last full build is saved (rejects if that failed). */
  saved(): Promise<void> {
    return this.saving;
  }

  /** Stops the worker threads (they never keep the process alive, but hold memory). */
  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
    await this.saving;
    await this.persist();
  }

  /** Drops `file`'s record (its cached detail failed verification): the next build parses it again. */
  private forget(file: string): void {
    const record = this.records.get(file);
    if (!record) return;
    this.records.delete(file);
    this.forgotten.add(file);
    this.contentIndex?.forget(file);
  }

  /** Saves the parse cache and drops stored details of files that are gone. */
  private async persist(): Promise<void> {
    if (!this.built) return;
    const liveKeys = new Set([...this.records.values()].map((r) => r.key));
    await this.cache?.save(liveKeys);
    await this.store.prune(liveKeys);
    await this.contentIndex?.save();
  }

  private assemble(fileCount: number, records: SourceRecord[], cacheWarnings: string[], diagnosticsChanged: boolean): NewsBuild {
    // Dropping unpublished articles edits the linked articles in place: nothing to keep then.
    const linked = this.options.dropUnpublished ? linkCorpus(records) : this.linker.link(records);
    const linksMade = this.options.dropUnpublished ? 'full' : this.linker.lastLink!;
    // An incremental link adds no diagnostics of its own; an edit's folder listing is the last one.
    const reuse = !diagnosticsChanged && linksMade === 'incremental' && this.lastDiagnostics;
    const diagnostics: Diagnostic[] = reuse || sortDiagnostics([...this.folderDiagnostics, ...records.flatMap((r) => r.diagnostics), ...linked.diagnostics]);
    this.lastDiagnostics = diagnostics;
    let articles: LinkedArticle[] = linked.articles;
    if (this.options.dropUnpublished) {
      const dropped = new Set(articles.filter((a) => !a.head.published).map((a) => a.head.slug));
      articles = articles.filter((a) => a.head.published);
      // Links to dropped articles would lead nowhere.
      for (const a of articles) {
        a.relatedSlugs = a.relatedSlugs.filter(([, slug]) => !dropped.has(slug));
        a.citedBy = a.citedBy.filter((c) => !dropped.has(c.slug));
        a.head.citedByCount = a.citedBy.length;
      }
    }
    let cards: ArticleCard[];
    let updated: Lists | undefined;
    if (linksMade === 'incremental' && this.last && this.linker.lastBase === this.last.articles) {
      // Only the articles the link replaced have new cards; the others keep theirs (and their list places).
      const last = this.last;
      cards = [...last.cards];
      const replaced = this.linker.lastChanged.map((position): [ArticleCard, ArticleCard] => [
        last.cards[position]!,
        (cards[position] = toCard(articles[position]!.head)),
      ]);
      updated = replaced.length <= MAX_REPLACED_CARDS ? updateLists(last.lists, cards, replaced) : undefined;
    } else {
      cards = articles.map((a) => toCard(a.head));
    }
    const site = { siteName: this.options.siteName ?? DEFAULT_SITE_NAME, ...(this.options.siteUrl ? { siteUrl: this.options.siteUrl } : {}) };
    const lists = updated ?? buildLists(cards, site);
    this.last = { articles, cards, lists };
    // A one-off build's clusterer is dropped with the build (see `watch`).
    const clusterer = this.clusterer;
    const stories = (build: NewsBuild) => (clusterer ?? new StoryClusterer()).cluster(storyInputs(build));
    const forget = (file: string) => this.forget(file);
    const build = new NewsBuild(
      fileCount,
      diagnostics,
      articles,
      cards,
      lists,
      this.store,
      this.pool,
      this.options.dir,
      cacheWarnings,
      forget,
      stories,
      records,
      (article) => soloCard(article.inline!, [], []),
    );
    build.made = { links: linksMade, lists: updated ? 'incremental' : 'full' };
    return build;
  }
}

/** What clustering reads of each article: its head, its links, and the keys its record holds. */
export function storyInputs(build: NewsBuild): StoryInput[] {
  return build.articles.map((a) => {
    const record = build.recordOf(a.file);
    const input: StoryInput = {
      slug: a.head.slug,
      title: a.head.title,
      titleKey: record?.article?.titleKey ?? record?.plain?.titleKey ?? a.head.title,
      relatedKeys: a.inline ? [] : (record?.article?.relatedKeys ?? []),
      cites: a.relatedSlugs.map(([, slug]) => slug),
    };
    if (a.head.excerpt) input.excerpt = a.head.excerpt;
    if (a.head.publishedAt) input.publishedAt = a.head.publishedAt;
    if (record?.article?.terms) input.terms = record.article.terms;
    return input;
  });
}

/** Up to this many edited files a watcher's rebuild parses them without looking up their bytes. */
const FEW_EDITS = 16;

/** More changed cards than this and the lists are made from scratch (see `updateLists`). */
const MAX_REPLACED_CARDS = 256;

/** One build, with its parse cache saved. */
export async function buildNewsData(options: PipelineOptions): Promise<NewsBuild> {
  const pipeline = new NewsPipeline(options);
  const build = await pipeline.build();
  await pipeline.saved();
  return build;
}
