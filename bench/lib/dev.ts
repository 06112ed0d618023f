import { writeFileSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createServer } from 'vite';
import type { NewsIndex } from '../../src/contract/feed.ts';
import { dataPaths } from '../../src/contract/data-paths.ts';
import { launchChromium } from '../../tests/e2e/support/chromium.ts';
import { FIRST_CARD_PROBE, firstCardMs } from './page-probes.ts';
import { median } from './median.ts';

export interface DevArgs {
  root: string;
  dir: string;
  port: number;
}

/** Edits measured, one after another, each a new title for the same file. */
const EDIT_ROUNDS = 5;

export interface DevResult {
  /** Saving one changed file → the new title in the open page (no reload): the median of the rounds. */
  editVisibleMs: number;
  editSlowestMs: number;
  /** Each round's time, in order (the first follows the server's start). */
  editSamplesMs: number[];
  /** Once search has been used: saving a file → the dev server serves a new Pagefind index with it. */
  searchUpdatedMs: number;
  /** Dev server start → first card (includes the initial pipeline run, with its cache). */
  firstCardMs: number;
  file: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The article's own title line (related items' titles are indented), quoted or not. */
const titleLine = (title: string) => new RegExp(`^title: (?:${escapeRe(JSON.stringify(title))}|${escapeRe(title)})(?=\\r?$)`, 'm');

/** Finds the corpus file whose title line holds `title`. */
async function findFileByTitle(dir: string, titles: string[]): Promise<{ file: string; title: string } | undefined> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && /\.(md|markdown|txt)$/i.test(e.name)).map((e) => path.join(e.parentPath, e.name));
  // Titles shared by several files are merged into one card (the corpus has duplicates on
  // purpose): only a title held by exactly one file is sure to show the edit.
  const matches: string[][] = titles.map(() => []);
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    titles.forEach((title, rank) => {
      if (titleLine(title).test(text)) matches[rank]!.push(file);
    });
  }
  const rank = matches.findIndex((m) => m.length === 1);
  if (rank >= 0) return { file: matches[rank]![0]!, title: titles[rank]! };
  return undefined;
}

const step = (what: string) => process.env.BENCH_DEBUG && console.error(`[dev ${new Date().toISOString()}] ${what}`);

export async function devTask({ root, dir, port }: DevArgs): Promise<DevResult> {
  process.env.NEWS_DIR = dir;
  const t0 = Date.now();
  const server = await createServer({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    server: { port, strictPort: false },
    clearScreen: false,
  });
  await server.listen();
  const base = (server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`).replace(/\/?$/, '/');
  const browser = await launchChromium();
  let restore: (() => Promise<void>) | undefined;
  try {
    const page = await browser.context.newPage();
    if (process.env.BENCH_DEBUG) {
      page.on('console', (m) => console.error(`[page] ${m.type()}: ${m.text()}`));
      page.on('websocket', (ws) => {
        console.error(`[page] websocket ${ws.url()}`);
        ws.on('framereceived', (f) => console.error(`[ws] ${String(f.payload).slice(0, 120)}`));
      });
    }
    await page.addInitScript(FIRST_CARD_PROBE);
    await page.goto(base, { waitUntil: 'commit', timeout: 300_000 });
    await firstCardMs(page, 300_000);
    const firstCard = Date.now() - t0;
    step('first card');

    const index = (await (await fetch(base + dataPaths.index())).json()) as NewsIndex;
    // Titles of the first screen's cards, in order: edit the first one found in the corpus.
    const titles = index.firstPage.items.map((c) => c.title);
    const found = await findFileByTitle(dir, titles);
    if (!found) throw new Error(`none of the first cards' titles found in ${dir}`);
    step(`editing ${found.file}`);
    const original = await readFile(found.file);
    restore = () => writeFile(found.file, original);
    // Put the file back even when the bench is interrupted.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        writeFileSync(found.file, original);
        process.exit(130);
      });
    }
    const text = original.toString('utf8');
    const retitled = (round: number) => {
      const newTitle = `${found.title} (edited ${round}, ${Date.now() % 100000})`;
      const edited = text.replace(titleLine(found.title), `title: ${JSON.stringify(newTitle)}`);
      if (edited === text) throw new Error(`could not rewrite the title in ${found.file}`);
      return { newTitle, edited };
    };

    // The watcher scans the corpus asynchronously after start: an edit made before it watches
    // the file's folder would go unnoticed. Wait until it does.
    const deadline = Date.now() + 300_000;
    while (!server.watcher.getWatched()[path.dirname(found.file)]?.includes(path.basename(found.file))) {
      if (Date.now() > deadline) throw new Error(`the dev server never watched ${found.file}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    step('watched');
    await page.evaluate(() => {
      (window as unknown as { __benchNoReload?: boolean }).__benchNoReload = true;
    });
    const editSamplesMs: number[] = [];
    for (let round = 1; round <= EDIT_ROUNDS; round++) {
      const { newTitle, edited } = retitled(round);
      // Wait until the page is settled on its cards (no pending fetches), then arm the probe.
      await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      await page.evaluate((newTitle) => {
        const w = window as unknown as { __benchSeen?: number };
        w.__benchSeen = undefined;
        const check = () => {
          if (w.__benchSeen === undefined && document.body.textContent?.includes(newTitle)) {
            w.__benchSeen = Date.now();
            obs.disconnect();
          }
        };
        const obs = new MutationObserver(check);
        obs.observe(document.body, { childList: true, subtree: true, characterData: true });
      }, newTitle);
      // Nothing has asked for the search index yet, so the dev server indexes nothing meanwhile.
      const saved = Date.now();
      await writeFile(found.file, edited);
      try {
        await page.waitForFunction(() => (window as unknown as { __benchSeen?: number }).__benchSeen !== undefined, undefined, {
          timeout: 30_000,
          polling: 20,
        });
      } catch (error) {
        const served = await (await fetch(base + dataPaths.index())).text();
        const shown = await page.evaluate((t) => document.body.textContent?.includes(t), found.title);
        throw new Error(
          `edit ${round}: the edited title did not appear in the page within 30 s (data/index.json ${served.includes(newTitle) ? 'has' : 'lacks'} it; ` +
            `old title ${shown ? 'still shown' : 'gone'}; file ${path.relative(dir, found.file)}): ${(error as Error).message}`,
          { cause: error },
        );
      }
      const { seen, noReload } = await page.evaluate(() => {
        const w = window as unknown as { __benchSeen: number; __benchNoReload?: boolean };
        return { seen: w.__benchSeen, noReload: w.__benchNoReload === true };
      });
      if (!noReload) throw new Error('the page reloaded instead of updating');
      editSamplesMs.push(seen - saved);
      step(`edit ${round}: ${seen - saved} ms`);
    }

    // Search: the first request makes the index (and waits for it); then a second edit (the
    // title put back) until a new index is served.
    const entryUrl = `${base}pagefind/pagefind-entry.json`;
    const entry = async () => (await fetch(entryUrl)).text();
    const entryBefore = await entry();
    step('search index made');
    const restored = Date.now();
    await writeFile(found.file, original);
    const searchDeadline = Date.now() + 600_000;
    while ((await entry()) === entryBefore) {
      if (Date.now() > searchDeadline) throw new Error('the dev server never served a new search index after the edit');
      await new Promise((r) => setTimeout(r, 25));
    }
    const searchUpdatedMs = Date.now() - restored;
    return {
      editVisibleMs: median(editSamplesMs),
      editSlowestMs: Math.max(...editSamplesMs),
      editSamplesMs,
      searchUpdatedMs,
      firstCardMs: firstCard,
      file: path.relative(dir, found.file),
    };
  } finally {
    await restore?.();
    await browser.close();
    await server.close();
  }
}
