import type { ContentState } from './up-to-date.ts';
import type { ArticleCard, ArticleDetail } from '../contract/article.ts';
import { dataPaths } from '../contract/data-paths.ts';
import type { NewsIndex, Scope, SortKey } from '../contract/feed.ts';
import type { StoryDetail } from '../contract/story.ts';
import type { StoryGroup } from './stories/cluster.ts';
import { storyDetail, type StoryCardBody, type SummaryMember } from '../contract/story-summary.ts';
import { storyCards } from './stories/cards.ts';
import { StoryLists } from './stories/lists.ts';
import { storyRefs } from './stories/refs.ts';
import { STORY_SORT_KEYS, type RelatedStory, type StoryCard, type StorySortKey } from '../contract/story.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UnreadableDetail, type DetailStore } from './detail-store.ts';
import type { Diagnostic } from './diagnostics.ts';
import { articleLinks, linkedDetail, type LinkedArticle } from './link.ts';
import { parseSource, type SourceRecord } from './record.ts';
import { feedPageHeader, feedPageParts, type Lists } from './lists.ts';
import { outputKey } from './file-index.ts';
import { EncodedCards } from './encoded-cards.ts';
import type { WorkerPool } from './worker-pool.ts';

const jsonBytes = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

/** The outcome of one build: every data file, addressable by its `dataPaths` path. */
export class NewsBuild {
  private slugIndex?: Map<string, LinkedArticle>;
  /** Content files read this build (the others' stat showed them unchanged since the last one). */
  filesRead = 0;
  /** How linking and the lists were made: from scratch, or by applying a watcher's edit to the last build's. */
  made: { links: 'incremental' | 'full'; lists: 'incremental' | 'full' } = { links: 'full', lists: 'full' };
  /** The content folder's stat digest, taken before any file was read (full builds with a cache). */
  contentState?: ContentState;

  constructor(
    readonly files: number,
    readonly diagnostics: Diagnostic[],
    readonly articles: LinkedArticle[],
    readonly cards: ArticleCard[],
    readonly lists: Lists,
    readonly store: DetailStore,
    /** The pipeline's worker threads, for writing the output in parallel. */
    readonly pool: WorkerPool | undefined,
    /** The content folder, to parse a file again when its cached detail fails verification. */
    readonly dir: string,
    /**
     * Problems with the cache (not the content): each part that failed verification was
     * dropped and rebuilt from the source, and is named here once. Writing the output adds to it.
     */
    readonly cacheWarnings: string[] = [],
    /** Called with a source file whose cached detail failed verification: its cached record goes. */
    private readonly forget: (file: string) => void = () => undefined,
    /** Groups the articles into stories (see `clusterStories`), when first asked. */
    private readonly clusterStories: (build: NewsBuild) => StoryGroup[] = () => [],
    /** The parse records, in path order: a story's data needs its members' URL identities. */
    private readonly records: readonly SourceRecord[] = [],
    /** A plain-text article's story card body (the others' are in their records). */
    private readonly soloOfInline: (article: LinkedArticle) => StoryCardBody = () => {
      throw new Error('no story card for a plain-text article');
    },
  ) {}

  /** Made on first use: a dev server's rebuild answers the index before any article is asked for. */
  get bySlug(): Map<string, LinkedArticle> {
    return (this.slugIndex ??= new Map(this.articles.map((a) => [a.head.slug, a])));
  }

  private storyIndex?: Map<string, StoryGroup>;
  private recordIndex?: Map<string, SourceRecord>;

  /** A content file's parse record (made into a map on first use). */
  recordOf(file: string): SourceRecord | undefined {
    return (this.recordIndex ??= new Map(this.records.map((r) => [r.file, r]))).get(file);
  }
  private storyGroups?: StoryGroup[];

  /** The articles grouped into stories, made on first use (an article's data names its story). */
  get stories(): StoryGroup[] {
    return (this.storyGroups ??= this.clusterStories(this));
  }

  private storiesLinked = false;

  /** Gives each article its `story` (see `storyRefs`), once: its data file and key depend on it. */
  linkStories(): void {
    if (this.storiesLinked) return;
    this.storiesLinked = true;
    const refs = storyRefs(this.stories, this.bySlug, (id) => this.storyOf(id)!);
    for (const article of this.articles) {
      const ref = refs.get(article.head.slug);
      if (ref) article.story = ref;
      else delete article.story;
    }
  }

  private storyListing?: Promise<StoryLists>;

  /** The story lists (see `StoryLists`), made on first use. */
  storyLists(): Promise<StoryLists> {
    return (this.storyListing ??= (async () => {
      const cardAt = new Map(this.articles.map((a, i) => [a.head.slug, this.cards[i]!]));
      const cards = await storyCards({
        groups: this.stories,
        cardOf: (slug) => cardAt.get(slug)!,
        soloOf: (slug) => {
          const article = this.bySlug.get(slug)!;
          return article.inline ? this.soloOfInline(article) : this.recordOf(article.file)!.article!.solo;
        },
        detailOf: async (id) => (await this.readStory(id))!,
      });
      return new StoryLists(cards);
    })());
  }

  /**
   * The story data files, one at a time (a list of 45,000 of them, keys and all, held 70 MB at
   * 100k): the lists' index, every list page, and a file per story of more than one article.
   * `articleKeys` (see `articleKeys`) stand for the members' data in a story file's key.
   */
  async *storyFiles(codeKey = '', articleKeys?: ReadonlyMap<string, string>): AsyncGenerator<{ file: string; key: string; parts: () => Promise<Buffer[]> }> {
    const lists = await this.storyLists();
    const index = jsonBytes(lists.index);
    yield { file: dataPaths.stories(), key: outputKey(codeKey, index), parts: async () => [index] };
    // A list page is keyed and written like a feed page: from its cards' bytes, made once.
    const encoded = new EncodedCards<StoryCard>(lists.cardCount);
    for (const [file, page] of lists.pages()) {
      yield { file, key: outputKey(codeKey, feedPageHeader(page), ...page.items.map(encoded.hash)), parts: async () => feedPageParts(page, encoded.bytes) };
    }
    for (const group of this.stories) {
      if (group.members.length < 2) continue;
      yield {
        file: dataPaths.story(group.id),
        key: this.storyKey(group, codeKey, articleKeys),
        parts: async () => [jsonBytes(await this.readStory(group.id))],
      };
    }
  }

  /** A story file's inputs as one key: the group (members, reasons), its members' data keys and its related stories. */
  storyKey(group: StoryGroup, codeKey = '', articleKeys?: ReadonlyMap<string, string>): string {
    const inputs = [JSON.stringify(group), ...group.members.map((m) => articleKeys?.get(m.slug) ?? JSON.stringify(this.bySlug.get(m.slug)!.head))];
    inputs.push(JSON.stringify(this.relatedStories(group)));
    return outputKey(codeKey, ...inputs);
  }

  /** Each article's story, by the article's slug. */
  storyOf(slug: string): StoryGroup | undefined {
    if (!this.storyIndex) {
      this.storyIndex = new Map();
      for (const story of this.stories) for (const member of story.members) this.storyIndex.set(member.slug, story);
    }
    return this.storyIndex.get(slug);
  }

  /** A story's data: its members' details read, its coverage merged (see `storyDetail`). */
  async readStory(id: string): Promise<StoryDetail | undefined> {
    const story = this.storyOf(id);
    if (!story || story.id !== id) return undefined;
    const members: SummaryMember[] = [];
    for (const { slug, reason } of story.members) {
      const article = this.bySlug.get(slug)!;
      const record = article.inline ? undefined : this.recordOf(article.file)?.article;
      members.push({ detail: (await this.readArticle(slug))!, reason, identities: record?.identities ?? [], relatedKeys: record?.relatedKeys ?? [] });
    }
    return storyDetail(id, members, this.relatedStories(story));
  }

  /** A story's related stories, as its data names them. */
  private relatedStories(story: StoryGroup): RelatedStory[] {
    return storyRefs([story], this.bySlug, (id) => this.storyOf(id)!).get(story.members[0]!.slug)?.related ?? [];
  }

  get index(): NewsIndex {
    return this.lists.index;
  }

  /** The article's full detail as emitted (stored detail with links applied). */
  async readArticle(slug: string): Promise<ArticleDetail | undefined> {
    const article = this.bySlug.get(slug);
    if (!article) return undefined;
    this.linkStories();
    if (article.inline) return inlineDetail(article);
    return linkedDetail(articleLinks(article), await this.storedDetail(article));
  }

  /** The unlinked detail from the store, or from the source when the stored one fails verification. */
  private async storedDetail(article: LinkedArticle): Promise<ArticleDetail> {
    try {
      return await this.store.get(article.detailKey!);
    } catch (error) {
      if (!(error instanceof UnreadableDetail)) throw error;
      const detail = parseSource(article.file, '', await readFile(path.join(this.dir, article.file))).detail;
      if (!detail) throw new Error(`${article.file} changed during the build: it no longer holds an article`, { cause: error });
      this.noteReparsed(error.message, article.file);
      return detail;
    }
  }

  /** Files parsed again because their cached detail failed verification, by the problem. */
  private readonly reparsed = new Map<string, string[]>();

  /**
   * Records that `file`'s stored detail failed verification (`problem` names the pack) and the
   * file was parsed again: one warning per problem, however many files it touched, and the
   * file's cached record is dropped, so the next build parses it into a sound pack.
   */
  noteReparsed(problem: string, file: string): void {
    const files = this.reparsed.get(problem) ?? [];
    if (files.includes(file)) return;
    files.push(file);
    this.reparsed.set(problem, files);
    const head = `news: ${problem}; `;
    const line = `${head}${files.length === 1 ? `${file} was` : `${files.length} files were`} parsed again from the source`;
    const at = this.cacheWarnings.findIndex((w) => w.startsWith(head));
    if (at >= 0) this.cacheWarnings[at] = line;
    else this.cacheWarnings.push(line);
    this.forget(file);
  }

  /**
   * Every list file, in a fixed order (articles are written separately): its path, a key of its
   * bytes made without making them, and its JSON as UTF-8 bytes in pieces to be written one after
   * the other. A feed page's key is its header and the hash of each of its cards' bytes, so an
   * unchanged page costs a few hashes of hashes, not its 25 cards' text.
   */
  *listFiles(codeKey = ''): Generator<{ file: string; key: string; parts: () => Buffer[] }> {
    for (const [file, value] of [
      [dataPaths.index(), this.lists.index],
      [dataPaths.providers(), this.lists.providers],
    ] as const) {
      const bytes = jsonBytes(value);
      yield { file, key: outputKey(codeKey, bytes), parts: () => [bytes] };
    }
    const encoded = new EncodedCards<ArticleCard>(this.cards.length);
    for (const [file, page] of this.lists.feedPages()) {
      yield { file, key: outputKey(codeKey, feedPageHeader(page), ...page.items.map(encoded.hash)), parts: () => feedPageParts(page, encoded.bytes) };
    }
  }

  /** Every data file's JSON, articles included; for tests and small corpora. */
  async allDataFiles(): Promise<[string, string][]> {
    const files = [...this.listFiles()].map(({ file, parts }): [string, string] => [file, Buffer.concat(parts()).toString('utf8')]);
    for (const article of this.articles) files.push([dataPaths.article(article.head.slug), JSON.stringify(await this.readArticle(article.head.slug))]);
    for await (const { file, parts } of this.storyFiles()) files.push([file, Buffer.concat(await parts()).toString('utf8')]);
    return files;
  }

  /** One data file's JSON, computed on demand (the dev server serves from this). */
  async dataFile(path: string): Promise<string | undefined> {
    if (path === dataPaths.index()) return JSON.stringify(this.lists.index);
    if (path === dataPaths.providers()) return JSON.stringify(this.lists.providers);
    const article = /^data\/article\/([^/]+)\.json$/.exec(path);
    if (article) {
      const detail = await this.readArticle(decodeURIComponent(article[1]!));
      return detail ? JSON.stringify(detail) : undefined;
    }
    if (path === dataPaths.stories()) return JSON.stringify((await this.storyLists()).index);
    const storyPage = /^data\/stories\/(published|unpublished)\/(?:all|topic\/([^/]+))\/([a-z]+)\/(\d+)\.json$/.exec(path);
    if (storyPage && (STORY_SORT_KEYS as readonly string[]).includes(storyPage[3]!)) {
      const [, scope, topic, sort, page] = storyPage;
      const data = (await this.storyLists()).page(
        scope as Scope,
        topic === undefined ? undefined : decodeURIComponent(topic),
        sort as StorySortKey,
        Number(page),
      );
      return data ? JSON.stringify(data) : undefined;
    }
    const story = /^data\/story\/([^/]+)\.json$/.exec(path);
    if (story) {
      const id = decodeURIComponent(story[1]!);
      const detail = (this.storyOf(id)?.members.length ?? 0) > 1 ? await this.readStory(id) : undefined;
      return detail ? JSON.stringify(detail) : undefined;
    }
    const feed = /^data\/feed\/(published|unpublished)\/(?:all|topic\/([^/]+))\/(heat|quality|newest)\/(\d+)\.json$/.exec(path);
    if (feed) {
      const [, scope, topic, sort, page] = feed;
      const data = this.lists.feedPage(scope as Scope, topic === undefined ? undefined : decodeURIComponent(topic), sort as SortKey, Number(page));
      return data ? JSON.stringify(data) : undefined;
    }
    return undefined;
  }
}

/** A plain-text article's data: built whole at linking, with its story once stories are made. */
export function inlineDetail(article: LinkedArticle): ArticleDetail {
  return article.story ? { ...article.inline!, story: article.story } : article.inline!;
}
