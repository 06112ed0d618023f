import { createHash } from 'node:crypto';
import type { ArticleDetail, ArticleType, BodyBlock, Embed, Image, Provider, RelatedItem } from '../contract/article.ts';
import { slugify } from '../contract/slug.ts';
import type { DiagnosticInput } from './diagnostics.ts';
import { embedFromFeaturedContent, youtubeIdFromUrl } from './embed.ts';
import { titleKey } from './title-key.ts';
import { ownCopy } from './own-copy.ts';
import { plainHref, urlIdentity, urlIdentityKey } from './url-identity.ts';

/** Bounds that keep one hostile file from costing the whole build its memory or time. */
export const LIMITS = {
  title: 500,
  excerpt: 2_000,
  text: 500,
  url: 4_000,
  topics: 50,
  images: 20,
  related: 200,
  bodyChars: 400_000,
} as const;

/** One article as read from one file, before corpus-wide linking. */
export interface NormalizedArticle {
  file: string;
  detail: ArticleDetail;
  titleKey: string;
  /** Identity keys (see `urlIdentity`) of every URL that names this story. */
  identities: string[];
  /** Per related item, the identity keys of its URLs. */
  relatedKeys: string[][];
}

type Report = (problem: DiagnosticInput) => void;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)?.slice(0, 60)}`;
}

/** `String.prototype.toWellFormed` (Node 20), which the TypeScript lib in use does not declare yet. */
type WellFormedString = string & { isWellFormed(): boolean; toWellFormed(): string };

/**
 * Collapses whitespace (excerpts carry `\r\n` and runs of spaces), replaces lone surrogates
 * (a YAML `"\ud800"` escape) with U+FFFD and caps the length. A lone surrogate would reach the
 * HTML as U+FFFD but the JSON as `\ud800`, and the app's hydration would not match the page.
 */
function cleanText(raw: string, max: number, field: string, report: Report): string {
  const value = (raw as WellFormedString).isWellFormed() ? raw : (raw as WellFormedString).toWellFormed();
  // A copy, so the kept text does not pin the whole file's string (see ownCopy).
  let text = ownCopy(value.replace(/\s+/g, ' ').trim());
  if (text.length > max) {
    report({ code: 'field-truncated', field, message: `${text.length} characters, cut to ${max}`, expected: `at most ${max} characters` });
    text = `${text.slice(0, cutEnd(text, max - 1)).trimEnd()}…`;
  }
  return text;
}

/**
 * Where to cut `text` to keep at most `end` code units: `end`, or one less when `end` falls
 * between the halves of a surrogate pair (an emoji, say), which would leave the text ill-formed.
 */
export function cutEnd(text: string, end: number): number {
  const high = text.charCodeAt(end - 1);
  const low = text.charCodeAt(end);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? end - 1 : end;
}

function readText(value: unknown, field: string, report: Report, max: number = LIMITS.text): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') {
    report({ code: 'invalid-type', field, message: `is ${describe(value)}; the field was dropped`, expected: 'text' });
    return undefined;
  }
  return cleanText(value, max, field, report) || undefined;
}

function readUrl(value: unknown, field: string, report: Report): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    report({ code: 'invalid-type', field, message: `is ${describe(value)}; the field was dropped`, expected: 'an http(s) URL' });
    return undefined;
  }
  const trimmed = value.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    report({ code: 'unsafe-url', field, message: `uses the "${scheme}:" scheme; the URL was dropped`, expected: 'an http(s) URL' });
    return undefined;
  }
  if (trimmed.length > LIMITS.url) {
    report({ code: 'invalid-url', field, message: `is ${trimmed.length} characters long; the URL was dropped`, expected: `at most ${LIMITS.url} characters` });
    return undefined;
  }
  const plain = plainHref(trimmed);
  if (plain !== undefined) return ownCopy(plain);
  let url: URL;
  try {
    url = new URL(trimmed);
    if (!scheme || !url.hostname) throw new Error('relative');
  } catch {
    report({ code: 'invalid-url', field, message: `"${trimmed.slice(0, 80)}" is not an absolute URL; it was dropped`, expected: 'an http(s) URL' });
    return undefined;
  }
  // `https://user:pass@host/` leaks a secret; `https://good.example@evil.example/` is a phishing
  // shape, read as "good.example" by people and as "evil.example" by browsers. Neither is kept.
  if (url.username || url.password) {
    report({
      code: 'unsafe-url',
      field,
      message: `carries a user name or password before "@${url.host}"; the URL was dropped`,
      expected: 'an http(s) URL without credentials',
      hint: 'remove the "user:password@" part, or the whole URL if its host is not the one intended',
    });
    return undefined;
  }
  return url.href;
}

function readDate(value: unknown, field: string, report: Report): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    report({
      code: 'invalid-date',
      field,
      message: `${describe(value)} is not a date; the field was dropped`,
      expected: 'an ISO 8601 date-time such as 2020-06-11T18:51:00Z',
    });
    return undefined;
  }
  return date.toISOString();
}

function readNumber(value: unknown, field: string, report: Report): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    report({ code: 'invalid-type', field, message: `is ${describe(value)}; the field was dropped`, expected: 'a number' });
    return undefined;
  }
  return number;
}

function readType(value: unknown, field: string, report: Report): ArticleType {
  if (value === undefined || value === null || value === 'article') return 'article';
  if (value === 'video') return 'video';
  report({ code: 'invalid-value', field, message: `${describe(value)} is not a known type; read as "article"`, expected: '"article" or "video"' });
  return 'article';
}

function readList(value: unknown, field: string, max: number, report: Report): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    report({ code: 'invalid-type', field, message: `is ${describe(value)}; the field was dropped`, expected: 'a list' });
    return [];
  }
  if (value.length > max) {
    report({ code: 'field-truncated', field, message: `${value.length} items, only the first ${max} kept`, expected: `at most ${max} items` });
    return value.slice(0, max);
  }
  return value;
}

function readImages(value: unknown, field: string, report: Report): Image[] {
  const images: Image[] = [];
  readList(value, field, LIMITS.images, report).forEach((entry, index) => {
    const at = `${field}[${index}]`;
    if (!isRecord(entry)) {
      report({ code: 'invalid-type', field: at, message: `is ${describe(entry)}; the image was dropped`, expected: 'a mapping with url, width, height' });
      return;
    }
    const url = readUrl(entry.url, `${at}.url`, report);
    if (!url) return;
    const image: Image = { url };
    const width = readNumber(entry.width, `${at}.width`, report);
    const height = readNumber(entry.height, `${at}.height`, report);
    if (width !== undefined && width > 0 && height !== undefined && height > 0) {
      image.width = Math.round(width);
      image.height = Math.round(height);
    }
    const title = readText(entry.title, `${at}.title`, report);
    if (title) image.title = title;
    images.push(image);
  });
  return images;
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

function readProvider(value: unknown, field: string, report: Report, fallbackUrl?: string): Provider | undefined {
  if (value === undefined || value === null) return fallbackUrl ? { name: hostOf(fallbackUrl), domain: hostOf(fallbackUrl) } : undefined;
  if (!isRecord(value)) {
    report({ code: 'invalid-type', field, message: `is ${describe(value)}; the field was dropped`, expected: 'a mapping with name, domain, images' });
    return fallbackUrl ? { name: hostOf(fallbackUrl), domain: hostOf(fallbackUrl) } : undefined;
  }
  const domain = readText(value.domain, `${field}.domain`, report)?.toLowerCase();
  const name = readText(value.name, `${field}.name`, report) ?? domain ?? (fallbackUrl ? hostOf(fallbackUrl) : undefined);
  if (!name) return undefined;
  const provider: Provider = { name };
  if (domain) provider.domain = domain;
  const logo = readImages(value.images, `${field}.images`, report)[0];
  if (logo) provider.logo = logo;
  return provider;
}

function readTopics(value: unknown, report: Report): string[] {
  const list = typeof value === 'string' ? [value] : readList(value, 'topics', LIMITS.topics, report);
  const topics: string[] = [];
  list.forEach((entry, index) => {
    const topic = readText(entry, `topics[${index}]`, report, 100);
    if (topic && !topics.includes(topic)) topics.push(topic);
  });
  return topics;
}

/**
 * Keys under which a story can be recognised: its page, its original and its AMP variants.
 * Kept as 64-bit hashes of the URL identities: every file holds up to 40 related items with
 * three URLs each, and at 100,000 files the full strings would cost hundreds of megabytes.
 */
function identitiesOf(...urls: (string | undefined)[]): string[] {
  const keys: string[] = [];
  for (const url of urls) {
    const key = url ? urlIdentityKey(url) : undefined;
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** Code-unit order: the same on every machine, whatever its locale (unlike `localeCompare`). */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function readRelated(value: unknown, report: Report): { items: RelatedItem[]; keys: string[][] } {
  const seen = new Set<string>();
  const candidates: { item: RelatedItem; keys: string[]; order: number }[] = [];
  readList(value, 'related', LIMITS.related, report).forEach((entry, index) => {
    const at = `related[${index}]`;
    if (!isRecord(entry)) {
      report({ code: 'invalid-related', field: at, message: `is ${describe(entry)}; the item was dropped`, expected: 'a mapping with title and webUrl' });
      return;
    }
    const title = readText(entry.title, `${at}.title`, report, LIMITS.title);
    const url = readUrl(entry.webUrl, `${at}.webUrl`, report) ?? readUrl(entry.originalUrl, `${at}.originalUrl`, report);
    if (!title || !url) {
      report({
        code: 'invalid-related',
        field: at,
        message: `has no ${title ? 'usable webUrl or originalUrl' : 'title'}; the item was dropped`,
        expected: 'a title and an http(s) webUrl',
      });
      return;
    }
    const ampUrl = readUrl(entry.ampWebUrl, `${at}.ampWebUrl`, report);
    const cdnAmpUrl = readUrl(entry.cdnAmpWebUrl, `${at}.cdnAmpWebUrl`, report);
    const keys = identitiesOf(url, ampUrl, cdnAmpUrl);
    // The same story listed twice (same page or same AMP page) is shown once.
    if (keys.some((key) => seen.has(key))) return;
    keys.forEach((key) => seen.add(key));
    const item: RelatedItem = {
      title,
      url,
      type: readType(entry.type, `${at}.type`, report),
      provider: readProvider(entry.provider, `${at}.provider`, report, url)!,
    };
    // A related item's excerpt and images are not read at all: nothing shows them (see RelatedItem).
    const quality = readNumber(entry.quality, `${at}.quality`, report);
    if (quality !== undefined) item.quality = quality;
    const publishedAt = readDate(entry.publishedDateTime, `${at}.publishedDateTime`, report);
    if (publishedAt) item.publishedAt = publishedAt;
    candidates.push({ item, keys, order: index });
  });
  candidates.sort(
    (a, b) =>
      (b.item.quality ?? -Infinity) - (a.item.quality ?? -Infinity) ||
      byCodeUnits(b.item.publishedAt ?? '', a.item.publishedAt ?? '') ||
      byCodeUnits(a.item.title, b.item.title) ||
      a.order - b.order,
  );
  return { items: candidates.map((c) => c.item), keys: candidates.map((c) => c.keys) };
}

/** `<title slug>-<6 hex of the story's identity>`: readable, and distinct for equal titles. */
export function articleSlug(title: string, identity: string): string {
  const hash = createHash('sha1').update(identity).digest('hex').slice(0, 6);
  return `${slugify(title, 60) || 'article'}-${hash}`;
}

/** Card excerpts stay short so list pages stay small; the article page has the full text. */
export const CARD_EXCERPT_CHARS = 280;

function readEmbed(data: Record<string, unknown>, url: string | undefined, originalUrl: string | undefined, report: Report): Embed | undefined {
  const featured = data.featuredContent;
  if (typeof featured === 'string' && featured.trim() !== '') {
    const result = embedFromFeaturedContent(featured);
    if ('embed' in result) return result.embed;
    report({
      code: 'featured-content-dropped',
      field: 'featuredContent',
      message: `${result.dropped}; raw HTML is never emitted`,
      expected: 'an <iframe> from an allowed player (YouTube)',
    });
  } else if (featured !== undefined && featured !== null && typeof featured !== 'string') {
    report({ code: 'invalid-type', field: 'featuredContent', message: `is ${describe(featured)}; the field was dropped`, expected: 'HTML text' });
  }
  for (const candidate of [originalUrl, url]) {
    const id = candidate ? youtubeIdFromUrl(candidate) : undefined;
    if (id) return { provider: 'youtube', id };
  }
  return undefined;
}

/**
 * Front matter (as js-yaml returns it) → one article. Returns undefined only when no usable
 * title exists; every other problem drops the field alone and is reported.
 */
export function normalizeArticle(file: string, data: Record<string, unknown>, body: BodyBlock[], report: Report): NormalizedArticle | undefined {
  const rawTitle = data.title;
  const title = typeof rawTitle === 'string' || typeof rawTitle === 'number' ? cleanText(String(rawTitle), LIMITS.title, 'title', report) : '';
  if (!title) {
    report({
      code: 'missing-title',
      field: 'title',
      message: rawTitle === undefined ? 'the front matter has no title; the file was skipped' : `title is ${describe(rawTitle)}; the file was skipped`,
      expected: 'non-empty text',
    });
    return undefined;
  }
  const webUrl = readUrl(data.webUrl, 'webUrl', report);
  const originalUrl = readUrl(data.originalUrl, 'originalUrl', report);
  const url = webUrl ?? originalUrl;
  const ampUrl = readUrl(data.ampWebUrl, 'ampWebUrl', report);
  const cdnAmpUrl = readUrl(data.cdnAmpWebUrl, 'cdnAmpWebUrl', report);
  const identities = identitiesOf(url, originalUrl, ampUrl, cdnAmpUrl);
  const related = readRelated(data.related, report);
  const images = readImages(data.images, 'images', report);
  let published = true;
  if (typeof data.published === 'boolean') published = data.published;
  else if (data.published !== undefined && data.published !== null) {
    report({ code: 'invalid-type', field: 'published', message: `is ${describe(data.published)}; read as true`, expected: 'true or false' });
  }
  const heat = readNumber(data.heat, 'heat', report);

  const detail: ArticleDetail = {
    // The slug hashes the readable identity (not its hashed key), so slugs stay what they were.
    slug: articleSlug(title, [url, originalUrl, ampUrl, cdnAmpUrl].map((u) => (u ? urlIdentity(u) : undefined)).find(Boolean) ?? `file:${file}`),
    title,
    type: readType(data.type, 'type', report),
    heat: heat === undefined || heat < 0 ? -1 : heat,
    published,
    topics: readTopics(data.topics, report),
    relatedCount: related.items.length,
    citedByCount: 0,
    images,
    body,
    related: related.items,
    citedBy: [],
  };
  const excerpt = readText(data.excerpt, 'excerpt', report, LIMITS.excerpt);
  if (excerpt) detail.excerpt = excerpt;
  const publishedAt = readDate(data.publishedDateTime, 'publishedDateTime', report);
  if (publishedAt) detail.publishedAt = publishedAt;
  if (url) detail.url = url;
  const quality = readNumber(data.quality, 'quality', report);
  if (quality !== undefined) detail.quality = quality;
  const provider = readProvider(data.provider, 'provider', report);
  if (provider) detail.provider = provider;
  if (images[0]) detail.image = images[0];
  const category = readText(data.category, 'category', report);
  if (category) detail.category = category;
  const updatedAt = readDate(data.updatedDateTime, 'updatedDateTime', report);
  if (updatedAt) detail.updatedAt = updatedAt;
  if (originalUrl && originalUrl !== url) detail.originalUrl = originalUrl;
  if (ampUrl) detail.ampUrl = ampUrl;
  if (cdnAmpUrl) detail.cdnAmpUrl = cdnAmpUrl;
  const embed = readEmbed(data, url, originalUrl, report);
  if (embed) detail.embed = embed;

  return { file, detail, titleKey: titleKey(title), identities, relatedKeys: related.keys };
}
