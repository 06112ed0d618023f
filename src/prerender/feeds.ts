/**
 * Atom feeds (overall and per topic), the sitemap and robots.txt. Only published articles
 * appear in any of them. Output is deterministic: dates come from the articles, not the clock.
 */
import type { ArticleCard } from '../contract/article.ts';
import { compareCards, type NewsIndex } from '../contract/feed.ts';
import { articleHref } from '../contract/routes.ts';
import { safeHttpUrl } from '../contract/safe-url.ts';
import { topicSlug } from '../contract/slug.ts';
import { escapeXml } from './escape.ts';
import { topicHref, type SiteInfo } from './head.ts';

export const FEED_SIZE = 50;
const EPOCH = '1970-01-01T00:00:00.000Z';

/**
 * The latest published cards (newest first): overall under `''`, and per topic slug. One sort
 * and one pass for every feed (sorting the corpus again per topic cost half a second at 10k).
 */
export function latestPublished(cards: readonly ArticleCard[], size = FEED_SIZE): Map<string, ArticleCard[]> {
  const newest = cards.filter((c) => c.published).sort(compareCards('newest'));
  const slugs = new Map<string, string>();
  const feeds = new Map<string, ArticleCard[]>([['', newest.slice(0, size)]]);
  for (const card of newest) {
    for (const name of card.topics) {
      let slug = slugs.get(name);
      if (slug === undefined) slugs.set(name, (slug = topicSlug(name)));
      let feed = feeds.get(slug);
      if (!feed) feeds.set(slug, (feed = []));
      if (feed.length < size && feed[feed.length - 1] !== card) feed.push(card);
    }
  }
  return feeds;
}

/** A link for a route: absolute with a site URL, else relative to the base path. */
function href(site: SiteInfo, base: string, routePath: string): string {
  return site.url ? `${site.url}${routePath}` : `${base.replace(/\/$/, '')}${routePath}`;
}

/** Atom ids must be absolute IRIs: the page URL when known, else a stable tag URI. */
function entryId(site: SiteInfo, slug: string): string {
  return site.url ? `${site.url}${articleHref(slug)}` : `tag:smartable-news,2020:article:${encodeURIComponent(slug)}`;
}

export interface FeedSpec {
  title: string;
  /** Route path of the HTML page the feed mirrors (`/` or `/topic/x`). */
  pagePath: string;
  /** Route path of the feed itself. */
  feedPath: string;
  cards: readonly ArticleCard[];
}

export function atomFeed(site: SiteInfo, spec: FeedSpec, base = '/'): string {
  const updated = spec.cards.reduce((max, c) => (c.publishedAt && c.publishedAt > max ? c.publishedAt : max), EPOCH);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeXml(spec.title)}</title>`,
    `  <id>${escapeXml(site.url ? `${site.url}${spec.feedPath}` : `tag:smartable-news,2020:feed:${spec.feedPath}`)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(href(site, base, spec.feedPath))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(href(site, base, spec.pagePath))}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(site.name)}</name></author>`,
    `  <generator>smartable-news-reader</generator>`,
  ];
  for (const card of spec.cards) {
    const outlet = safeHttpUrl(card.url);
    lines.push(
      '  <entry>',
      `    <title>${escapeXml(card.title)}</title>`,
      `    <id>${escapeXml(entryId(site, card.slug))}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(href(site, base, articleHref(card.slug)))}"/>`,
    );
    if (outlet) lines.push(`    <link rel="via" type="text/html" href="${escapeXml(outlet)}"/>`);
    lines.push(`    <updated>${card.publishedAt ?? updated}</updated>`);
    if (card.publishedAt) lines.push(`    <published>${card.publishedAt}</published>`);
    if (card.provider) lines.push(`    <author><name>${escapeXml(card.provider.name)}</name></author>`);
    for (const topic of card.topics) lines.push(`    <category term="${escapeXml(topicSlug(topic))}" label="${escapeXml(topic)}"/>`);
    if (card.excerpt) lines.push(`    <summary type="text">${escapeXml(card.excerpt)}</summary>`);
    lines.push('  </entry>');
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** Every published article, the feed and each topic with published articles. Needs the site URL. */
export function sitemap(siteUrl: string, index: NewsIndex, cards: readonly ArticleCard[]): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  const url = (routePath: string, lastmod?: string) =>
    lines.push(`  <url><loc>${escapeXml(`${siteUrl}${routePath}`)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`);
  const published = cards.filter((c) => c.published).sort(compareCards('newest'));
  url('/', published[0]?.publishedAt);
  for (const topic of index.topics) if (topic.count > 0) url(topicHref(topic.slug));
  for (const card of published) url(articleHref(card.slug), card.publishedAt);
  lines.push('</urlset>', '');
  return lines.join('\n');
}

export function robotsTxt(siteUrl: string | undefined): string {
  return ['User-agent: *', 'Allow: /', ...(siteUrl ? ['', `Sitemap: ${siteUrl}/sitemap.xml`] : []), ''].join('\n');
}
