/**
 * The `<head>` tags of each prerendered page: title, description, canonical URL, Open Graph,
 * Twitter card and JSON-LD. Every value from content is escaped here (attributes with
 * escapeHtml, JSON-LD with jsonForScript), so a headline containing `</script>` stays text.
 */
import type { ArticleDetail, Image } from '../contract/article.ts';
import { dataPaths, storyFileId } from '../contract/data-paths.ts';
import type { NewsIndex, TopicSummary } from '../contract/feed.ts';
import { articleHref } from '../contract/routes.ts';
import { safeHttpUrl } from '../contract/safe-url.ts';
import { topicSlug } from '../contract/slug.ts';
import { escapeHtml, jsonForScript } from './escape.ts';

export interface SiteInfo {
  name: string;
  /**
   * The public URL of the site root, without a trailing slash (`NEWS_SITE_URL`). Without it,
   * canonical links, og:url and JSON-LD `url` are omitted (they must be absolute), and no
   * sitemap is written; everything else is unchanged.
   */
  url?: string;
}

/** The absolute URL of a route path (`/article/x`), when the site URL is known. */
export function absoluteUrl(site: SiteInfo, routePath: string): string | undefined {
  return site.url ? `${site.url}${routePath}` : undefined;
}

/** The stories feed (see `storiesFeed`). */
export const STORIES_FEED_PATH = '/stories/feed.xml';

export function topicHref(slug: string): string {
  return `/topic/${encodeURIComponent(slug)}`;
}

const DESCRIPTION_MAX = 200;

function clip(text: string, max = DESCRIPTION_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** The excerpt, else the first paragraph of the body; clipped to 200 characters. */
export function articleDescription(article: ArticleDetail): string | undefined {
  const text = article.excerpt?.trim() || article.body.find((b) => b.kind === 'paragraph')?.text.trim();
  return text ? clip(text) : undefined;
}

/** The share image: the lead image, else the first image, else the video's YouTube thumbnail. */
export function shareImage(article: ArticleDetail): Image | undefined {
  for (const image of [article.image, ...article.images]) {
    const url = safeHttpUrl(image?.url);
    if (image && url) return { ...image, url };
  }
  if (article.embed?.provider === 'youtube' && /^[\w-]+$/.test(article.embed.id)) {
    return { url: `https://i.ytimg.com/vi/${article.embed.id}/hqdefault.jpg`, width: 480, height: 360 };
  }
  return undefined;
}

/** The outlet's own page for the story (the app's "Read at …" link). */
export function originalUrl(article: ArticleDetail): string | undefined {
  return safeHttpUrl(article.url) ?? safeHttpUrl(article.originalUrl);
}

export function pageTitle(page: string, site: SiteInfo): string {
  return `${page} · ${site.name}`;
}

const meta = (name: string, content: string) => `<meta name="${name}" content="${escapeHtml(content)}">`;
const property = (name: string, content: string) => `<meta property="${name}" content="${escapeHtml(content)}">`;
const link = (rel: string, href: string, extra = '') => `<link rel="${rel}" href="${escapeHtml(href)}"${extra}>`;

function feedLinks(site: SiteInfo, base: string, topic?: TopicSummary): string[] {
  const tags = [
    link('alternate', `${base}feed.xml`, ` type="application/atom+xml" title="${escapeHtml(site.name)}"`),
    link('alternate', `${base}${STORIES_FEED_PATH.slice(1)}`, ` type="application/atom+xml" title="${escapeHtml(pageTitle('Stories', site))}"`),
  ];
  if (topic) {
    tags.push(
      link(
        'alternate',
        `${base}topic/${encodeURIComponent(topic.slug)}/feed.xml`,
        ` type="application/atom+xml" title="${escapeHtml(pageTitle(topic.name, site))}"`,
      ),
    );
  }
  return tags;
}

export function articleJsonLd(article: ArticleDetail, site: SiteInfo): Record<string, unknown> {
  const url = absoluteUrl(site, articleHref(article.slug));
  const image = shareImage(article);
  const description = articleDescription(article);
  const original = originalUrl(article);
  const provider = article.provider;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(description ? { description } : {}),
    ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
    ...(article.updatedAt ? { dateModified: article.updatedAt } : {}),
    ...(url ? { url, mainEntityOfPage: url } : {}),
    ...(image
      ? {
          image: [
            { '@type': 'ImageObject', url: image.url, ...(image.width ? { width: image.width } : {}), ...(image.height ? { height: image.height } : {}) },
          ],
        }
      : {}),
    // This site publishes the page; the outlet wrote the story it is based on.
    publisher: { '@type': 'Organization', name: site.name, ...(site.url ? { url: `${site.url}/` } : {}) },
    ...(provider ? { author: { '@type': 'Organization', name: provider.name, ...(provider.domain ? { url: `https://${provider.domain}/` } : {}) } } : {}),
    ...(article.topics.length > 0 ? { articleSection: article.topics } : {}),
    ...(original ? { isBasedOn: original } : {}),
  };
}

/** `base` is Vite's base path (`/` by default), used for same-site links. */
export function articleHead(article: ArticleDetail, site: SiteInfo, base = '/'): string {
  const url = absoluteUrl(site, articleHref(article.slug));
  const description = articleDescription(article);
  const image = shareImage(article);
  const tags = [`<title>${escapeHtml(pageTitle(article.title, site))}</title>`];
  if (description) tags.push(meta('description', description));
  if (!article.published) tags.push(meta('robots', 'noindex'));
  if (url) tags.push(link('canonical', url));
  tags.push(property('og:type', 'article'), property('og:site_name', site.name), property('og:title', article.title));
  if (description) tags.push(property('og:description', description));
  if (url) tags.push(property('og:url', url));
  if (image) {
    tags.push(property('og:image', image.url));
    if (image.width) tags.push(property('og:image:width', String(image.width)));
    if (image.height) tags.push(property('og:image:height', String(image.height)));
    if (image.title) tags.push(property('og:image:alt', image.title));
  }
  if (article.publishedAt) tags.push(property('article:published_time', article.publishedAt));
  if (article.updatedAt) tags.push(property('article:modified_time', article.updatedAt));
  for (const topic of article.topics) tags.push(property('article:section', topic));
  tags.push(meta('twitter:card', 'summary_large_image'), meta('twitter:title', article.title));
  if (description) tags.push(meta('twitter:description', description));
  if (image) tags.push(meta('twitter:image', image.url));
  tags.push(...feedLinks(site, base));
  tags.push(`<script type="application/ld+json">${jsonForScript(articleJsonLd(article, site))}</script>`);
  // The page does not repeat its data (main.tsx fetches it, and its story's, before hydrating): start that fetch
  // with the HTML, not after the script. crossorigin makes it match fetch()'s request mode.
  const preload = (file: string) => `<link rel="preload" href="${escapeHtml(base + file)}" as="fetch" crossorigin="anonymous">`;
  tags.push(preload(dataPaths.article(article.slug)));
  const story = storyFileId(article);
  if (story !== undefined) tags.push(preload(dataPaths.story(story)));
  return tags.join('\n    ');
}

/** The feed (`topic` undefined) or one topic's first page. */
export function listHead(index: NewsIndex, site: SiteInfo, topic?: TopicSummary, base = '/'): string {
  const title = topic ? topic.name : 'Top stories';
  const routePath = topic ? topicHref(topic.slug) : '/';
  const url = absoluteUrl(site, routePath);
  const description = topic
    ? `${topic.name}: ${topic.count} ${topic.count === 1 ? 'story' : 'stories'} on ${site.name}, with full coverage from every outlet.`
    : `Top stories on ${site.name}: ${index.totals.published} articles from ${index.totals.providers} outlets, with full coverage.`;
  const tags = [`<title>${escapeHtml(pageTitle(title, site))}</title>`, meta('description', description)];
  if (url) tags.push(link('canonical', url));
  tags.push(property('og:type', 'website'), property('og:site_name', site.name), property('og:title', title), property('og:description', description));
  if (url) tags.push(property('og:url', url));
  tags.push(meta('twitter:card', 'summary'));
  tags.push(...feedLinks(site, base, topic));
  return tags.join('\n    ');
}

export function notFoundHead(site: SiteInfo): string {
  return [`<title>${escapeHtml(pageTitle('Page not found', site))}</title>`, meta('robots', 'noindex')].join('\n    ');
}

/** The search page: its results depend on the query, which only the browser has; not for indexing. */
export function searchHead(site: SiteInfo): string {
  return [`<title>${escapeHtml(pageTitle('Search', site))}</title>`, meta('robots', 'noindex')].join('\n    ');
}

/** The topic summary of a display name (articles list names; the index lists slugs). */
export function topicByName(index: NewsIndex, name: string): TopicSummary | undefined {
  const slug = topicSlug(name);
  return index.topics.find((t) => t.slug === slug);
}
