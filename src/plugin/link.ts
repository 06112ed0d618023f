import type { ArticleDetail, BodyBlock, CitingArticle } from '../contract/article.ts';
import type { StoryRef } from '../contract/story.ts';
import { compareCodeUnits } from './code-unit-order.ts';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { articleSlug } from './normalize.ts';
import type { ArticleHead, SourceRecord } from './record.ts';

/** What linking decided for one article, as plain data (it is sent to worker threads). */
export interface ArticleLinks {
  /** The final slug (differs from the stored detail's after a collision). */
  slug: string;
  /** Related items (by index) that are corpus articles, and their slugs. */
  relatedSlugs: [index: number, slug: string][];
  /** Corpus articles whose related coverage names this one, newest first. */
  citedBy: CitingArticle[];
  /** A body taken from a matching plain-text file. */
  body?: BodyBlock[];
  /** Its story, when it is more than the article alone or has related stories (set once stories are made). */
  story?: StoryRef;
}

/** One article after linking: its head (final slug, counts) and its links. */
export interface LinkedArticle extends Omit<ArticleLinks, 'slug'> {
  head: ArticleHead;
  file: string;
  /** Content key of the stored detail; absent for plain-text articles built here. */
  detailKey?: string;
  /** The slug before a collision gave `head.slug` a counter (the stored detail's slug). */
  storedSlug: string;
  bodyFile?: string;
  /** The whole detail, for articles that exist only as plain text. */
  inline?: ArticleDetail;
}

export interface LinkedCorpus {
  /** In file order; slugs unique. */
  articles: LinkedArticle[];
  diagnostics: Diagnostic[];
}

export function articleLinks(article: LinkedArticle): ArticleLinks {
  const links: ArticleLinks = { slug: article.head.slug, relatedSlugs: article.relatedSlugs, citedBy: article.citedBy };
  if (article.body) links.body = article.body;
  if (article.story) links.story = article.story;
  return links;
}

/**
 * Whether linking changes the article's stored detail at all. Most articles are not changed:
 * their stored record (the whole detail, serialised once by the same JSON.stringify) is already
 * the emitted file, and goes out as its verified bytes.
 */
export function changesDetail(article: LinkedArticle): boolean {
  return (
    article.head.slug !== article.storedSlug ||
    article.relatedSlugs.length > 0 ||
    article.citedBy.length > 0 ||
    article.body !== undefined ||
    article.story !== undefined
  );
}

/**
 * The emitted detail: the stored (unlinked) one with the links applied. Keys keep the stored
 * order (spreading keeps it, and assigning an existing key does not move it), so the output
 * stays byte-for-byte deterministic; a linked related item leads with its slug.
 */
export function linkedDetail(links: ArticleLinks, stored: ArticleDetail): ArticleDetail {
  const detail: ArticleDetail = { ...stored, slug: links.slug };
  if (links.citedBy.length) {
    detail.citedByCount = links.citedBy.length;
    detail.citedBy = links.citedBy;
  }
  if (links.body) detail.body = links.body;
  if (links.story) detail.story = links.story;
  if (links.relatedSlugs.length) {
    const related = [...stored.related];
    for (const [index, slug] of links.relatedSlugs) {
      const item = related[index];
      if (item) related[index] = { slug, ...item };
    }
    detail.related = related;
  }
  return detail;
}

/** How an article appears in the "Also covered in" list of the articles it cites. */
export function citingEntry(head: ArticleHead): CitingArticle {
  const citing: CitingArticle = { slug: head.slug, title: head.title };
  if (head.provider) citing.provider = head.provider;
  if (head.publishedAt) citing.publishedAt = head.publishedAt;
  if (!head.published) citing.unpublished = true;
  return citing;
}

/** Newest citing article first (slugs are unique, so the order is total); the count follows. */
export function sortCitedBy(article: LinkedArticle): void {
  article.citedBy.sort((a, b) => compareCodeUnits(b.publishedAt ?? '', a.publishedAt ?? '') || compareCodeUnits(a.slug, b.slug));
  article.head.citedByCount = article.citedBy.length;
}

/** The first article known under any of these identity keys (a hot loop: no allocations). */
export function firstKnown<T>(byIdentity: ReadonlyMap<string, T>, keys: readonly string[]): T | undefined {
  for (const key of keys) {
    const found = byIdentity.get(key);
    if (found !== undefined) return found;
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
    const article: LinkedArticle = { head, file: record.file, detailKey: record.key, storedSlug: source.head.slug, relatedSlugs: [], citedBy: [] };
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
    const storedSlug = head.slug;
    claimSlug(head);
    const inline: ArticleDetail = { ...head, images: [], body: plain.body, related: [], citedBy: [] };
    articles.push({ head, file: plain.file, storedSlug, relatedSlugs: [], citedBy: [], inline });
  }

  for (const [article, keysPerItem] of relatedKeys) {
    for (let index = 0; index < keysPerItem.length; index++) {
      const target = firstKnown(byIdentity, keysPerItem[index]!);
      if (!target || target === article) continue;
      article.relatedSlugs.push([index, target.head.slug]);
      // Several items of one article may name the same story: cite it once.
      if (target.citedBy.length && target.citedBy[target.citedBy.length - 1]!.slug === article.head.slug) continue;
      target.citedBy.push(citingEntry(article.head));
    }
  }
  for (const article of articles) sortCitedBy(article);
  return { articles, diagnostics };
}
