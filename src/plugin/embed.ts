import type { Embed } from '../contract/article.ts';

/** Hosts whose player we can show through youtube-nocookie.com. */
const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com', 'youtu.be']);
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/** A YouTube video id from a watch, share, shorts or embed URL; undefined for anything else. */
export function youtubeIdFromUrl(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href.replace(/&amp;/g, '&'), 'https://invalid.invalid');
  } catch {
    return undefined;
  }
  // Credentials before the host make it a phishing shape, whatever the host.
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return undefined;
  const host = url.hostname.toLowerCase();
  if (!YOUTUBE_HOSTS.has(host)) return undefined;
  const segments = url.pathname.split('/').filter(Boolean);
  const candidate =
    host === 'youtu.be'
      ? segments[0]
      : segments[0] === 'watch'
        ? (url.searchParams.get('v') ?? undefined)
        : segments[0] === 'embed' || segments[0] === 'shorts' || segments[0] === 'v' || segments[0] === 'live'
          ? segments[1]
          : undefined;
  return candidate && VIDEO_ID.test(candidate) ? candidate : undefined;
}

export type FeaturedContentResult = { embed: Embed } | { dropped: string };

/**
 * `featuredContent` is raw HTML from the source site. It is never emitted: only an `<iframe>`
 * whose `src` is on the allowlist becomes a structured embed; anything else is dropped with the
 * reason, which the caller reports.
 */
export function embedFromFeaturedContent(html: string): FeaturedContentResult {
  if (/<script\b/i.test(html)) return { dropped: 'contains a <script> element' };
  const iframes = [...html.matchAll(/<iframe\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)];
  if (iframes.length === 0) return { dropped: 'no <iframe> with a src' };
  for (const match of iframes) {
    const src = match[1] ?? match[2] ?? match[3] ?? '';
    const id = youtubeIdFromUrl(src.startsWith('//') ? `https:${src}` : src);
    if (id) return { embed: { provider: 'youtube', id } };
  }
  return { dropped: 'the embedded player is not on the allowlist (YouTube)' };
}
