import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import type { FeedPage } from '../../src/contract/feed.ts';

export interface SearchProbeResult {
  /** Bytes (gzip) fetched from focusing the field on a fresh page to the first query's results. */
  firstQueryGzip: number;
  firstQuery: string;
  /** The first query's bytes (gzip) by what they were: Pagefind's code, its metadata, index, filter and fragment files, the cards' data files, the rest. */
  firstQueryParts: Record<string, number>;
  /** The largest of the bytes fetched by each further keystroke of the same query. */
  keystrokeMaxGzip: number;
  keystrokes: { text: string; gzip: number }[];
  /** Last keystroke → the results' count for the whole word announced, and → its first card shown, per query (ms). */
  queryRuns: { q: string; ms: number; cardMs: number; results: string }[];
  queryMs: number;
  queryMaxMs: number;
  cardMs: number;
  cardMaxMs: number;
}

const FIELD = '#search-field';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/**
 * Words of the corpus's own headlines, from the built list files: lowercase letters, 4 or more,
 * in a fixed spread from the most to the least common, and a headline with two of them (for
 * the query typed on).
 */
export function corpusWords(distDir: string, count = 20): { words: string[]; pair: [string, string] } {
  const dir = path.join(distDir, 'data', 'feed', 'published', 'all', 'newest');
  const titles: string[] = [];
  for (const file of readdirSync(dir).sort()) titles.push(...(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as FeedPage).items.map((c) => c.title));
  const split = (title: string) =>
    title
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 4);
  const counts = new Map<string, number>();
  for (const title of titles) for (const w of new Set(split(title))) counts.set(w, (counts.get(w) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const step = Math.max(1, Math.floor(ranked.length / count));
  const words = Array.from({ length: Math.min(count, ranked.length) }, (_, i) => ranked[i * step]!);
  const two = titles.map(split).find((ws) => new Set(ws).size >= 2)!;
  return { words, pair: [two[0]!, two.find((w) => w !== two[0])!] };
}

/** Gzip bytes of what a response carried: Pagefind's files are gzip already, the rest is compressed here. */
const gzipBytes = (body: Buffer) => (body[0] === 0x1f && body[1] === 0x8b ? body.length : gzipSync(body).length);

/** What a response was, for the first query's breakdown. */
function partOf(pathname: string): string {
  const m = /\/pagefind\/(?:(index|filter|fragment)\/|.*\.pf_(meta)$)/.exec(pathname);
  if (m) return `pagefind ${m[1] ?? m[2]}`;
  if (/\/pagefind\//.test(pathname)) return 'pagefind code';
  if (/\/data\/article\//.test(pathname)) return 'cards (article data)';
  return 'app';
}

const RESULTS = 'ol[aria-label="Search results"]';

/**
 * Resolves once the results status speaks of `q` (not "Searching…") and the first result's
 * card (not its placeholder) is shown, or no result is; ms since the last keydown in the page.
 */
function resultsFor(page: Page, q: string, timeoutMs = 300_000): Promise<{ ms: number; cardMs: number; status: string }> {
  return page.evaluate(
    ({ q, timeoutMs, results }) =>
      new Promise<{ ms: number; cardMs: number; status: string }>((resolve, reject) => {
        const w = window as unknown as { __benchKeyAt?: number };
        const since = () => performance.now() - (w.__benchKeyAt ?? performance.now());
        let ms: number | undefined;
        const check = () => {
          const status = [...document.querySelectorAll('main [role="status"]')].map((s) => s.textContent ?? '').find((t) => t.includes(`for “${q}”`));
          if (status === undefined) return;
          ms ??= since();
          const list = document.querySelector(results);
          const shown = status.startsWith('No results') || (list?.closest('[aria-busy="false"]') && list.querySelector('li:first-child article[data-slug]'));
          if (!shown) return;
          obs.disconnect();
          clearTimeout(timer);
          resolve({ ms, cardMs: since(), status });
        };
        const obs = new MutationObserver(check);
        obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        const timer = setTimeout(() => {
          obs.disconnect();
          reject(new Error(`no results for "${q}" within ${timeoutMs} ms`));
        }, timeoutMs);
        check();
      }),
    { q, timeoutMs, results: RESULTS },
  );
}

/** Every shown result's card is loaded (no placeholder left), so nothing of one query runs into the next. */
function cardsLoaded(page: Page): Promise<unknown> {
  return page.waitForFunction(
    (results) => {
      const list = document.querySelector(results);
      return !list || [...list.querySelectorAll(':scope > li')].every((li) => li.querySelector('article[data-slug], p.card'));
    },
    RESULTS,
    { timeout: 300_000 },
  );
}

const KEY_PROBE = `(() => {
  window.__name = window.__name || ((fn) => fn);
  document.addEventListener('keydown', () => { window.__benchKeyAt = performance.now(); }, true);
})();`;

/**
 * Issue 17's search figures in a fresh browser context on the production build at `base`:
 * bytes for the first query typed (library and index included) and for each further
 * keystroke, then the time from the last keystroke to updated results for 20 corpus words.
 */
export async function searchProbe(context: BrowserContext, base: string, distDir: string): Promise<SearchProbeResult> {
  const { words, pair } = corpusWords(distDir);
  const page = await context.newPage();
  await page.addInitScript(KEY_PROBE);
  let bytes = 0;
  let parts: Record<string, number> = {};
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const part = partOf(new URL(response.url()).pathname);
    pending.push(
      response.body().then(
        (body) => {
          const gzip = gzipBytes(body);
          bytes += gzip;
          parts[part] = (parts[part] ?? 0) + gzip;
        },
        () => undefined,
      ),
    );
  });
  // Playwright's 'networkidle' is a page-load state, reached once: after it, waiting for it
  // returns at once. So settle on what the page shows, then on every response's body.
  const settle = async () => {
    await cardsLoaded(page);
    await page.waitForTimeout(100);
    await Promise.all(pending);
  };
  await page.goto(base, { waitUntil: 'networkidle' });
  await page.locator('article[data-slug]').first().waitFor({ timeout: 60_000 });
  await Promise.all(pending);
  bytes = 0;
  parts = {};

  // The first query, typed into the header field of the feed.
  const [first, second] = pair;
  await page.locator(FIELD).focus();
  await page.keyboard.type(first, { delay: 40 });
  await resultsFor(page, first);
  await settle();
  const firstQueryGzip = bytes;
  const firstQueryParts = { ...parts };

  // Typing on: a second word of the same headline, one keystroke at a time.
  const keystrokes: SearchProbeResult['keystrokes'] = [];
  let text = first;
  for (const ch of ` ${second}`) {
    bytes = 0;
    text += ch;
    await page.keyboard.type(ch);
    if (ch !== ' ') await resultsFor(page, text);
    await settle();
    keystrokes.push({ text, gzip: bytes });
  }

  // Latency: each word typed whole but its last letter, then the last letter.
  const queryRuns: SearchProbeResult['queryRuns'] = [];
  for (const q of words) {
    await page.locator(FIELD).fill(q.slice(0, -1));
    await resultsFor(page, q.slice(0, -1));
    await settle();
    await page.locator(FIELD).press(q.slice(-1));
    const { ms, cardMs, status } = await resultsFor(page, q);
    queryRuns.push({ q, ms, cardMs, results: status });
    await settle();
  }
  await page.close();
  const times = queryRuns.map((r) => r.ms);
  const cardTimes = queryRuns.map((r) => r.cardMs);
  return {
    firstQueryGzip,
    firstQuery: first,
    firstQueryParts,
    keystrokeMaxGzip: Math.max(0, ...keystrokes.map((k) => k.gzip)),
    keystrokes,
    queryRuns,
    queryMs: median(times),
    queryMaxMs: Math.max(...times),
    cardMs: median(cardTimes),
    cardMaxMs: Math.max(...cardTimes),
  };
}
