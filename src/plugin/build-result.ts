import type { ArticleDetail } from '../contract/article.ts';
import { dataPaths } from '../contract/data-paths.ts';
import type { FeedPage } from '../contract/feed.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Lists } from './lists.ts';

/** The outcome of one build: every data file, addressable by its `dataPaths` path. */
export class NewsBuild {
  readonly bySlug: Map<string, ArticleDetail>;
  private feedPageCache?: Map<string, FeedPage>;

  constructor(
    readonly files: number,
    readonly diagnostics: Diagnostic[],
    readonly articles: ArticleDetail[],
    readonly sources: Map<string, { file: string; bodyFile?: string }>,
    readonly lists: Lists,
  ) {
    this.bySlug = new Map(articles.map((a) => [a.slug, a]));
  }

  get index() {
    return this.lists.index;
  }

  /** Every data file as [path, JSON text], in a fixed order. */
  *dataFiles(): Generator<[string, string]> {
    yield [dataPaths.index(), JSON.stringify(this.lists.index)];
    yield [dataPaths.providers(), JSON.stringify(this.lists.providers)];
    for (const [path, page] of this.lists.feedPages()) yield [path, JSON.stringify(page)];
    for (const article of this.articles) yield [dataPaths.article(article.slug), JSON.stringify(article)];
  }

  /** One data file's JSON, computed on demand (the dev server serves from this). */
  dataFile(path: string): string | undefined {
    if (path === dataPaths.index()) return JSON.stringify(this.lists.index);
    if (path === dataPaths.providers()) return JSON.stringify(this.lists.providers);
    const article = /^data\/article\/([^/]+)\.json$/.exec(path);
    if (article) {
      const detail = this.bySlug.get(decodeURIComponent(article[1]!));
      return detail ? JSON.stringify(detail) : undefined;
    }
    if (path.startsWith('data/feed/')) {
      this.feedPageCache ??= new Map(this.lists.feedPages());
      const page = this.feedPageCache.get(path);
      return page ? JSON.stringify(page) : undefined;
    }
    return undefined;
  }
}
