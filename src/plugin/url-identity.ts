/**
 * The identity of a story's URL, for deduplication and matching only (the emitted URL keeps the
 * source's form). Two URLs name the same story when they differ only in scheme/host case, a
 * default port, a fragment, a trailing slash, tracking parameters, parameter order, or empty
 * AMP debris such as seed 002's `?amp&amp&amp&amp`.
 */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', 'yclid', 'ref', 'ref_src',
  'ref_url', 'cmpid', 'cmp', 'partner', 'ito', 'ncid', 'ocid', 'sr_share', 'smid', 'cid', 'icid',
  '_ga', '_gl', 'guccounter', 'taid', 'mbid', 'soc_src', 'soc_trk', 'wt_mc', 'ftag', 'share',
]);

/** Parameters that only switch a page to its AMP rendering, when they carry no value. */
const EMPTY_DEBRIS_PARAMS = new Set(['amp', 'amp;amp', 'outputtype']);

function isTracking(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || key.startsWith('amp;utm_') || TRACKING_PARAMS.has(key);
}

export function urlIdentity(href: string): string | undefined {
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
