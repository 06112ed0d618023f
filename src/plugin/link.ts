import type { ArticleDetail, BodyBlock, CitingArticle } from '../contract/article.ts';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { articleSlug } from './normalize.ts';
import type { ArticleHead, SourceRecord } from './record.ts';

/**
 * One article after linking: its head (final slug, counts) plus what must change in the stored
 * detail. Most articles need no change, and their stored JSON is emitted as is.
 */
export interface LinkedArticle {
  head: ArticleHead;
  file: string;
  /** Content key of the stored detail; absent for plain-text articles built here. */
  detailKey?: string;
  /** The slug inside the stored detail (differs from `head.slug` only after a collision). */
  storedSlug: string;
  relatedAt: number[];
  relatedSlugs: [index: number, slug: string][];
  citedBy: CitingArticle[];
  /** A body taken from a matching plain-text file. */
  body?: BodyBlock[];
  bodyFile?: string;
  /** The whole detail, for articles that exist only as plain text. */
  inline?: ArticleDetail;
}

export interface LinkedCorpus {
  /** In file order; slugs unique. */
  articles: LinkedArticle[];
  diagnostics: Diagnostic[];
}

/** What splicing a stored detail needs: a plain object, so it can be sent to a worker. */
export type LinkPatch = Pick<LinkedArticle, 'file' | 'storedSlug' | 'relatedAt' | 'relatedSlugs' | 'citedBy' | 'body'> & { head: { slug: string } };

export function linkPatch(article: LinkedArticle): LinkPatch {
  const patch: LinkPatch = {
    file: article.file,
    head: { slug: article.head.slug },
    storedSlug: article.storedSlug,
    relatedAt: article.relatedAt,
    relatedSlugs: article.relatedSlugs,
    citedBy: article.citedBy,
  };
  if (article.body) patch.body = article.body;
  return patch;
}

export function needsPatch(article: LinkedArticle): boolean {
  return article.head.slug !== article.storedSlug || article.relatedSlugs.length > 0 || article.citedBy.length > 0 || article.body !== undefined;
}

/**
 * The emitted detail JSON: the stored one with the corpus-wide links spliced in as text, which
 * costs a fraction of parsing and re-serialising it. The stored JSON comes from
 * `JSON.stringify`, so its top-level markers (`"citedBy":[]` …) cannot occur inside strings,
 * whose quotes are escaped. Key order stays fixed, so output stays deterministic.
 */
export function linkedDetailJson(article: LinkPatch, stored: string): string {
  const edits: [position: number, remove: number, text: string][] = [];
  const after = (marker: string) => {
    const at = stored.indexOf(marker);
    if (at < 0) throw new Error(`stored detail of ${article.file} lacks ${marker}`);
    return at + marker.length;
  };
  if (article.head.slug !== article.storedSlug) edits.push([after('{"slug":"'), article.storedSlug.length, article.head.slug]);
  if (article.citedBy.length) {
    edits.push([after('"citedByCount":'), 1, String(article.citedBy.length)]);
    edits.push([after('"citedBy":[') , 0, JSON.stringify(article.citedBy).slice(1, -1)]);
  }
  if (article.body) edits.push([after('"body":['), 0, JSON.stringify(article.body).slice(1, -1)]);
  for (const [index, slug] of article.relatedSlugs) {
    const at = article.relatedAt[index];
    if (at !== undefined) edits.push([at + 1, 0, `"slug":${JSON.stringify(slug)},`]);
  }
  edits.sort((a, b) => b[0] - a[0]);
  let json = stored;
  for (const [position, remove, text] of edits) json = json.slice(0, position) + text + json.slice(position + remove);
  return json;
}

/** The first article known under any of these identity keys (a hot loop: no allocations). */
function firstKnown(byIdentity: ReadonlyMap<string, LinkedArticle>, keys: readonly string[]): LinkedArticle | undefined {
  for (const key of keys) {
    const found = byIdentity.get(key);
    if (found) return found;
  }
  return undefined;
}

/**
 * Corpus-wide steps over per-file records (given in path order, so results are deterministic):
 * drop duplicate stories, give plain-text files to the article they are the body of, link
 * related coverage to corpus articles both ways.
 */
export function linkCorpus(records: readonly SourceRecord[]): LinkedCorpus {
  const diagnostics: Diagnostic[] = [];
  const byIdentity = new Map<string, LinkedArticle>();
  const byTitle = new Map<string, LinkedArticle>();
  const slugs = new Set<string>();
  const articles: LinkedArticle[] = [];
  const relatedKeys = new Map<LinkedArticle, string[][]>();
  const hasBody = new Set<LinkedArticle>();

  const claimSlug = (head: ArticleHead) => {
    // Six hex digits of identity make collisions rare; a counter makes them impossible.
    let slug = head.slug;
    for (let n = 2; slugs.has(slug); n++) slug = `${head.slug}-${n}`;
    head.slug = slug;
    slugs.add(slug);
  };

  for (const record of records) {
    const source = record.article;
    if (!source) continue;
    const original = firstKnown(byIdentity, source.identities);
    if (original) {
      diagnostics.push(
        diagnostic(record.file, {
          code: 'duplicate-article',
          field: 'webUrl',
          message: `the same story as ${original.file}; this copy was skipped`,
          hint: 'remove one of the two files',
        }),
      );
      continue;
    }
    const head = { ...source.head };
    const article: LinkedArticle = { head, file: record.file, detailKey: record.key, storedSlug: source.head.slug, relatedAt: source.relatedAt, relatedSlugs: [], citedBy: [] };
    claimSlug(head);
    articles.push(article);
    relatedKeys.set(article, source.relatedKeys);
    if (source.hasBody) hasBody.add(article);
    for (const key of source.identities) byIdentity.set(key, article);
    if (!byTitle.has(source.titleKey)) byTitle.set(source.titleKey, article);
  }

  for (const record of records) {
    const plain = record.plain;
    if (!plain) continue;
    const target = byTitle.get(plain.titleKey);
    if (target && !target.bodyFile) {
      // The scraped page of a front-matter article: it becomes that article's body.
      if (plain.body.length > 0 && !hasBody.has(target)) target.body = plain.body;
      target.bodyFile = plain.file;
      continue;
    }
    const head: ArticleHead = {
      slug: articleSlug(plain.title, `file:${plain.file}`),
      title: plain.title,
      type: 'article',
      heat: -1,
      published: true,
      topics: [],
      relatedCount: 0,
      citedByCount: 0,
    };
    const lead = plain.body[0]?.text;
    if (lead) head.excerpt = lead.length > 300 ? `${lead.slice(0, 299).trimEnd()}…` : lead;
    claimSlug(head);
    const inline: ArticleDetail = { ...head, images: [], body: plain.body, related: [], citedBy: [] };
    articles.push({ head, file: plain.file, storedSlug: head.slug, relatedAt: [], relatedSlugs: [], citedBy: [], inline });
  }

  for (const [article, keysPerItem] of relatedKeys) {
    for (let index = 0; index < keysPerItem.length; index++) {
      const target = firstKnown(byIdentity, keysPerItem[index]!);
      if (!target || target === article) continue;
      article.relatedSlugs.push([index, target.head.slug]);
      // Several items of one article may name the same story: cite it once.
      if (target.citedBy.length && target.citedBy[target.citedBy.length - 1]!.slug === article.head.slug) continue;
      const citing: CitingArticle = { slug: article.head.slug, title: article.head.title };
      if (article.head.provider) citing.provider = article.head.provider;
      if (article.head.publishedAt) citing.publishedAt = article.head.publishedAt;
      target.citedBy.push(citing);
    }
  }
  for (const article of articles) {
    article.citedBy.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || (a.slug < b.slug ? -1 : 1));
    article.head.citedByCount = article.citedBy.length;
  }
  return { articles, diagnostics };
}
