/**
 * The identity of a story's URL, for deduplication and matching only (the emitted URL keeps the
 * source's form). Two URLs name the same story when they differ only in scheme/host case, a
 * default port, a fragment, a trailing slash, tracking parameters, parameter order, or empty
 * AMP debris such as seed 002's `?amp&amp&amp&amp`.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'yclid',
  'ref',
  'ref_src',
  'ref_url',
  'cmpid',
  'cmp',
  'partner',
  'ito',
  'ncid',
  'ocid',
  'sr_share',
  'smid',
  'cid',
  'icid',
  '_ga',
  '_gl',
  'guccounter',
  'taid',
  'mbid',
  'soc_src',
  'soc_trk',
  'wt_mc',
  'ftag',
  'share',
]);

/** Parameters that only switch a page to its AMP rendering, when they carry no value. */
const EMPTY_DEBRIS_PARAMS = new Set(['amp', 'amp;amp', 'outputtype']);

function isTracking(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || key.startsWith('amp;utm_') || TRACKING_PARAMS.has(key);
}

/**
 * An http(s) URL that the URL parser would leave as it is and that has no query, fragment,
 * port or credentials: lower-case host whose last label starts with a letter (so not an IPv4
 * address), path of characters that are never re-encoded, without dot segments.
 */
const PLAIN_URL = /^https?:\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)((?:\/[A-Za-z0-9\-._~!$&'()*+,;=:@%]*)*)$/;

const DOT_SEGMENT = /\/\.|%2e/i;
const SLASH = 47;

/**
 * Where the parts of a plain URL (see PLAIN_URL) lie in it: its host from `host` to `path`,
 * its path from `path` to the end; and its identity, which is one stretch of it: from `identity`
 * (the host without `www.`) to `identityEnd` (the path without trailing slashes). Undefined
 * when the URL parser must decide.
 */
function plainBounds(text: string): { host: number; path: number; identity: number; identityEnd: number } | undefined {
  if (!PLAIN_URL.test(text)) return undefined;
  const host = text.charCodeAt(4) === 115 /* s */ ? 'https://'.length : 'http://'.length;
  let path = text.indexOf('/', host);
  if (path < 0) path = text.length;
  // Punycode is checked by the parser; `.`, `..` and `%2e` segments are resolved by it.
  const punycode = text.indexOf('xn--', host);
  if ((punycode >= 0 && punycode < path) || DOT_SEGMENT.test(text.slice(path))) return undefined;
  let identityEnd = text.length;
  while (identityEnd > path && text.charCodeAt(identityEnd - 1) === SLASH) identityEnd--;
  return { host, path, identity: text.startsWith('www.', host) ? host + 4 : host, identityEnd };
}

/**
 * The href the URL parser would give for `text` when `text` is a plain URL, which needs no
 * parser. Most URLs of a corpus are plain, and related lists carry three per story: parsing
 * each one twice (to check it, then for its identity) was a tenth of reading a file.
 */
export function plainHref(text: string): string | undefined {
  const bounds = plainBounds(text);
  return bounds && (bounds.path < text.length ? text : `${text}/`);
}

export function urlIdentity(href: string): string | undefined {
  const bounds = plainBounds(href);
  return bounds ? href.slice(bounds.identity, bounds.identityEnd) : parsedUrlIdentity(href);
}

/**
 * `hash64(urlIdentity(href))`, the key under which a story is matched. A plain URL's identity is
 * hashed where it lies in `href` rather than cut out first: related lists carry three URLs per
 * story.
 */
export function urlIdentityKey(href: string): string | undefined {
  const bounds = plainBounds(href);
  if (bounds) return hash64(href, bounds.identity, bounds.identityEnd);
  const identity = parsedUrlIdentity(href);
  return identity ? hash64(identity) : undefined;
}

/** `urlIdentity` through the URL parser, for every URL (exported for tests of the fast path). */
export function parsedUrlIdentity(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const kept: [string, string][] = [];
  // `&amp;` left over from HTML escaping splits into parameters named `amp` or `amp;x`.
  for (const [rawName, value] of url.searchParams) {
    const name = rawName.replace(/^(amp;)+/i, '');
    if (!name || isTracking(name)) continue;
    if (value === '' && EMPTY_DEBRIS_PARAMS.has(name.toLowerCase())) continue;
    kept.push([name, value]);
  }
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '') || '';
  // Scheme is not identity: the same story is often linked over http and https.
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  return `${host}${url.port ? `:${url.port}` : ''}${path}${query}`;
}

/**
 * A 64-bit hash (two 32-bit multiply-xorshift lanes, as in cyrb53) of `text[start, end)` as 14
 * base-36 characters: a crypto hash per URL costs more than parsing the URL.
 */
export function hash64(text: string, start = 0, end = text.length): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const a = h1 >>> 0;
  const b = h2 >>> 0;
  // Each lane as `(h >>> 0).toString(36).padStart(7, '0')` would give it, but by hand:
  // Number#toString(36) takes V8's generic radix conversion, a third of a story's key.
  return String.fromCharCode(
    digit36(a, 6),
    digit36(a, 5),
    digit36(a, 4),
    digit36(a, 3),
    digit36(a, 2),
    digit36(a, 1),
    digit36(a, 0),
    digit36(b, 6),
    digit36(b, 5),
    digit36(b, 4),
    digit36(b, 3),
    digit36(b, 2),
    digit36(b, 1),
    digit36(b, 0),
  );
}

const POWERS_OF_36 = [1, 36, 36 ** 2, 36 ** 3, 36 ** 4, 36 ** 5, 36 ** 6];

/** The character code of base-36 digit `place` of `n` (a uint32: 7 digits hold it). */
function digit36(n: number, place: number): number {
  const d = Math.floor(n / POWERS_OF_36[place]!) % 36;
  return d < 10 ? 48 + d : 87 + d;
}
