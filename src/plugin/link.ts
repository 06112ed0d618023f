import type { ArticleDetail, CitingArticle } from '../contract/article.ts';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { articleSlug } from './normalize.ts';
import type { FileRecord } from './parse.ts';

export interface LinkedCorpus {
  /** In file order; slugs unique. */
  articles: ArticleDetail[];
  diagnostics: Diagnostic[];
  /** Which file each article came from, and which plain-text file (if any) gave its body. */
  sources: Map<string, { file: string; bodyFile?: string }>;
}

/**
 * Corpus-wide steps over per-file records (given in path order, so results are deterministic):
 * drop duplicate stories, give plain-text files to the article they are the body of, link
 * related coverage to corpus articles both ways.
 */
export function linkCorpus(records: readonly FileRecord[]): LinkedCorpus {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, { file: string; bodyFile?: string }>();
  const byIdentity = new Map<string, ArticleDetail>();
  const byTitle = new Map<string, ArticleDetail>();
  const slugs = new Set<string>();
  const articles: ArticleDetail[] = [];
  const relatedKeys = new Map<ArticleDetail, string[][]>();

  const claimSlug = (detail: ArticleDetail) => {
    // Six hex digits of identity make collisions rare; a counter keeps them impossible.
    let slug = detail.slug;
    for (let n = 2; slugs.has(slug); n++) slug = `${detail.slug}-${n}`;
    detail.slug = slug;
    slugs.add(slug);
  };

  for (const record of records) {
    const article = record.article;
    if (!article) continue;
    const original = article.identities.map((key) => byIdentity.get(key)).find(Boolean);
    if (original) {
      diagnostics.push(
        diagnostic(record.file, {
          code: 'duplicate-article',
          field: 'webUrl',
          message: `the same story as ${sources.get(original.slug)?.file ?? original.slug}; this copy was skipped`,
          hint: 'remove one of the two files',
        }),
      );
      continue;
    }
    const detail = structuredClone(article.detail);
    claimSlug(detail);
    articles.push(detail);
    sources.set(detail.slug, { file: record.file });
    relatedKeys.set(detail, article.relatedKeys);
    for (const key of article.identities) byIdentity.set(key, detail);
    if (!byTitle.has(article.titleKey)) byTitle.set(article.titleKey, detail);
  }

  for (const record of records) {
    const plain = record.plain;
    if (!plain) continue;
    const target = byTitle.get(plain.titleKey);
    const source = target ? sources.get(target.slug) : undefined;
    if (target && source && !source.bodyFile) {
      // The scraped page of a front-matter article: it becomes that article's body.
      if (plain.body.length > 0 && target.body.length === 0) target.body = plain.body;
      source.bodyFile = plain.file;
      continue;
    }
    const detail: ArticleDetail = {
      slug: articleSlug(plain.title, `file:${plain.file}`),
      title: plain.title,
      type: 'article',
      heat: -1,
      published: true,
      topics: [],
      relatedCount: 0,
      citedByCount: 0,
      images: [],
      body: plain.body,
      related: [],
      citedBy: [],
    };
    const excerpt = plain.body[0]?.text;
    if (excerpt) detail.excerpt = excerpt.length > 300 ? `${excerpt.slice(0, 299).trimEnd()}…` : excerpt;
    claimSlug(detail);
    articles.push(detail);
    sources.set(detail.slug, { file: plain.file });
  }

  for (const [detail, keysPerItem] of relatedKeys) {
    detail.related.forEach((item, index) => {
      const target = (keysPerItem[index] ?? []).map((key) => byIdentity.get(key)).find(Boolean);
      if (!target || target === detail) return;
      item.slug = target.slug;
      if (target.citedBy.some((c) => c.slug === detail.slug)) return;
      const citing: CitingArticle = { slug: detail.slug, title: detail.title };
      if (detail.provider) citing.provider = detail.provider;
      if (detail.publishedAt) citing.publishedAt = detail.publishedAt;
      target.citedBy.push(citing);
    });
  }
  for (const detail of articles) {
    detail.citedBy.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || (a.slug < b.slug ? -1 : 1));
    detail.citedByCount = detail.citedBy.length;
  }
  return { articles, diagnostics, sources };
}
