import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { preview } from 'vite';
import { launchChromium } from '../../tests/e2e/support/chromium.ts';
import { clickAndWaitForCards, FIRST_CARD_PROBE, firstCardMs } from './page-probes.ts';
import { searchProbe, type SearchProbeResult } from './search-probe.ts';

export interface BrowserArgs {
  root: string;
  distDir: string;
  port: number;
  loadMores?: number;
}

export interface BrowserResult {
  /** Median of 3 loads of `/` with the HTTP cache disabled: navigation start → first card. */
  firstCardMs: number;
  firstCardRuns: number[];
  sortMs: number;
  topicMs: number;
  topicName: string;
  /** Median and max over the load-mores. */
  loadMoreMs: number;
  loadMoreMaxMs: number;
  loadMoreRuns: number[];
  /** Largest data response (gzip) during the interactions, and the first screen's. */
  maxDataRequestGzip: number;
  dataRequests: { url: string; bytes: number; gzip: number }[];
  domNodes: number;
  jsHeapBytes: number;
  loadMores: number;
  /** Issue 17, in a browser of its own (an empty cache). */
  search: SearchProbeResult;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

export async function browserTask({ root, distDir, port, loadMores = 20 }: BrowserArgs): Promise<BrowserResult> {
  const server = await preview({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: distDir },
    preview: { port, strictPort: false, open: false },
  });
  const base = (server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`).replace(/\/?$/, '/');
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(FIRST_CARD_PROBE);

    const firstCardRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(base, { waitUntil: 'commit' });
      firstCardRuns.push(await firstCardMs(page));
    }
    await page.waitForLoadState('networkidle');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });

    const dataRequests: BrowserResult['dataRequests'] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (!url.pathname.includes('/data/')) return;
      pending.push(
        response.body().then(
          (body) => void dataRequests.push({ url: url.pathname, bytes: body.length, gzip: gzipSync(body).length }),
          () => undefined,
        ),
      );
    });
    const settle = async () => {
      await page.waitForLoadState('networkidle');
      await Promise.all(pending);
    };

    // Newest, not Quality: in large generated corpora the top of the heat and quality orders can
    // be the same articles (both scores capped), and an unchanged list cannot be timed.
    const sortMs = await clickAndWaitForCards(page.getByRole('navigation', { name: 'Sort by' }).getByRole('link', { name: 'Newest', exact: true }), 'replace');
    await settle();
    const topic = page.getByRole('navigation', { name: 'Topics' }).getByRole('link').first();
    const topicName = (await topic.textContent())?.trim() ?? '';
    const topicMs = await clickAndWaitForCards(topic, 'replace');
    await settle();

    // Load more, from the default view (the longest list).
    await page.goto(base, { waitUntil: 'commit' });
    await firstCardMs(page);
    await settle();
    const loadMoreRuns: number[] = [];
    const button = page.getByRole('button', { name: 'Load more', exact: true });
    for (let i = 0; i < loadMores; i++) {
      if ((await button.count()) === 0) break;
      loadMoreRuns.push(await clickAndWaitForCards(button, 'more'));
      await settle();
    }
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const fresh = await launchChromium();
    let search: SearchProbeResult;
    try {
      search = await searchProbe(fresh.context, base, distDir);
    } finally {
      await fresh.close();
    }
    return {
      search,
      firstCardMs: median(firstCardRuns),
      firstCardRuns,
      sortMs,
      topicMs,
      topicName,
      loadMoreMs: loadMoreRuns.length ? median(loadMoreRuns) : NaN,
      loadMoreMaxMs: loadMoreRuns.length ? Math.max(...loadMoreRuns) : NaN,
      loadMoreRuns,
      maxDataRequestGzip: Math.max(0, ...dataRequests.map((r) => r.gzip)),
      dataRequests,
      domNodes,
      jsHeapBytes: heap.usedSize,
      loadMores: loadMoreRuns.length,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
