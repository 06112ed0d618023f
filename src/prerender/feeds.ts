/**
 * Atom feeds (overall, per topic, and of stories), the sitemap and robots.txt. Only published
 * articles appear in any of them (a story by its published members only). Output is deterministic: dates come from the articles, not the clock.
 */
import type { ArticleCard } from '../contract/article.ts';
import { compareCards, type NewsIndex } from '../contract/feed.ts';
import { articleHref, feedHref, FULL_COVERAGE_ANCHOR } from '../contract/routes.ts';
import type { StoryCard } from '../contract/story.ts';
import { storyId } from '../contract/story-order.ts';
import { storyLine } from '../contract/story-phrases.ts';
import { safeHttpUrl } from '../contract/safe-url.ts';
import { topicSlug } from '../contract/slug.ts';
import { escapeXml } from './escape.ts';
import { pageTitle, STORIES_FEED_PATH, topicHref, type SiteInfo } from './head.ts';

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

/** The feed's own lines (before its entries), `updated` being its newest entry's time. */
function feedHeader(site: SiteInfo, spec: Omit<FeedSpec, 'cards'>, updated: string, base: string): string[] {
  return [
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
}

export function atomFeed(site: SiteInfo, spec: FeedSpec, base = '/'): string {
  const updated = spec.cards.reduce((max, c) => (c.publishedAt && c.publishedAt > max ? c.publishedAt : max), EPOCH);
  const lines = feedHeader(site, spec, updated, base);
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

/** The view the stories feed mirrors: the stories view, newest first. */
const STORIES_PAGE_PATH = feedHref({ stories: true, sort: 'newest' });

/** The latest report of a story card (what "updated" means for a story: its coverage grew). */
function storyUpdated(story: StoryCard): string | undefined {
  return story.latestAt ?? story.newestAt ?? story.lead.publishedAt;
}

/**
 * The stories feed: the newest published stories (`stories` in the published list's newest
 * order, whose cards count published members only), one entry per story: its lead's headline,
 * linked to the lead's Full coverage section, and its coverage in one line. A story's entry id
 * is its id, so the entry is updated in place as coverage grows or the lead changes.
 */
export function storiesFeed(site: SiteInfo, stories: readonly StoryCard[], base = '/'): string {
  const updated = stories.reduce((max, s) => {
    const at = storyUpdated(s);
    return at && at > max ? at : max;
  }, EPOCH);
  const lines = feedHeader(site, { title: pageTitle('Stories', site), pagePath: STORIES_PAGE_PATH, feedPath: STORIES_FEED_PATH }, updated, base);
  for (const story of stories) {
    const { lead } = story;
    const firstAt = story.first?.publishedAt ?? lead.publishedAt;
    const more = story.more.map((p) => p.name);
    const summary = more.length > 0 ? `${storyLine(story)} · More: ${more.join(', ')}` : storyLine(story);
    lines.push(
      '  <entry>',
      `    <title>${escapeXml(lead.title)}</title>`,
      `    <id>tag:smartable-news,2020:story:${escapeXml(encodeURIComponent(storyId(story)))}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(href(site, base, `${articleHref(lead.slug)}#${FULL_COVERAGE_ANCHOR}`))}"/>`,
      `    <updated>${storyUpdated(story) ?? updated}</updated>`,
    );
    if (firstAt) lines.push(`    <published>${firstAt}</published>`);
    if (lead.provider) lines.push(`    <author><name>${escapeXml(lead.provider.name)}</name></author>`);
    lines.push(`    <summary type="text">${escapeXml(summary)}</summary>`, '  </entry>');
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
