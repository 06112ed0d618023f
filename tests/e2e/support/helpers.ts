/**
 * Shared helpers for the browser tests: the provided base URLs, a browser context per test file,
 * reading the build's JSON, axe-core, screenshots, and small DOM queries that follow the DOM
 * contract in ../README.md.
 */
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, inject, expect, type ExpectStatic } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { connectChromium, type ContextOptions, type LaunchedChromium } from './chromium';
import type { CorpusName } from './global-setup';
import { compareCards, type SortKey, type NewsIndex, type FeedPage, type Scope } from '../../../src/contract/feed';
import type { ArticleCard, ArticleDetail } from '../../../src/contract/article';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SCREENSHOTS = join(ROOT, 'screenshots');

export type { CorpusName };

export function baseUrl(name: CorpusName): string {
  return inject('corpusUrls')[name];
}

export function outDir(name: CorpusName): string {
  return inject('corpusOuts')[name];
}

// ---------------------------------------------------------------------------------------------
// The build's data

export function readData<T>(name: CorpusName, path: string): T {
  return JSON.parse(readFileSync(join(outDir(name), path), 'utf8')) as T;
}

export function readIndex(name: CorpusName): NewsIndex {
  return readData<NewsIndex>(name, 'data/index.json');
}

export function readArticle(name: CorpusName, slug: string): ArticleDetail {
  return readData<ArticleDetail>(name, `data/article/${slug}.json`);
}

/** Every card of one scope (all topics), read from all pages of its heat list. */
export function readCards(name: CorpusName, scope: Scope): ArticleCard[] {
  const dir = join(outDir(name), 'data', 'feed', scope, 'all', 'heat');
  if (!existsSync(dir)) return [];
  const cards: ArticleCard[] = [];
  const pages = readdirSync(dir).filter((f) => /^\d+\.json$/.test(f));
  for (const file of pages) cards.push(...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as FeedPage).items);
  return cards;
}

/** Every article of the build, published and unpublished. */
export function readAllCards(name: CorpusName): ArticleCard[] {
  return [...readCards(name, 'published'), ...readCards(name, 'unpublished')];
}

export function sorted(cards: readonly ArticleCard[], sort: SortKey): string[] {
  return [...cards].sort(compareCards(sort)).map((c) => c.slug);
}

export function cardByTitle(cards: readonly ArticleCard[], title: string): ArticleCard {
  const card = cards.find((c) => c.title === title);
  if (!card) throw new Error(`no card titled ${JSON.stringify(title)} among: ${cards.map((c) => c.title).join(' | ')}`);
  return card;
}

// ---------------------------------------------------------------------------------------------
// The browser

export interface Browser {
  launched: LaunchedChromium;
  context: BrowserContext;
  /** Errors thrown by page scripts, collected per page. */
  pageErrors: string[];
  /** console.error messages (failed loads of the aborted third-party requests excluded). */
  consoleErrors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** The test file's shared browser and page (live bindings, set by `useBrowserPage`). */
export let browser: Browser;
export let page: Page;

/**
 * Opens one browser and page for the calling test file before its tests (call it before the
 * file's own `beforeAll`) and closes them after; tests import `browser` and `page`.
 */
export function useBrowserPage(): void {
  beforeAll(async () => {
    browser = await openBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });
}

/**
 * A fresh browser context in the run's shared Chromium, whose requests leave only for our local
 * servers: the hot-linked images of 2020 and any hostile third-party URL are aborted, so tests
 * are fast, offline and inert.
 */
export async function openBrowser(options: ContextOptions = {}): Promise<Browser> {
  const launched = await connectChromium(inject('chromiumWs'), options);
  const { context } = launched;
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  await context.route(
    (url) => !(url.hostname === '127.0.0.1' || url.hostname === 'localhost'),
    (route) => route.abort(),
  );
  return {
    launched,
    context,
    pageErrors,
    consoleErrors,
    async newPage() {
      const page = await context.newPage();
      page.on('pageerror', (err) => pageErrors.push(String(err)));
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (/Failed to load resource|net::ERR_/.test(text)) return;
        consoleErrors.push(`${page.url()}: ${text}`);
      });
      return page;
    },
    close: () => launched.close(),
  };
}

/** Navigates and waits for the app to have rendered its main landmark. */
export async function go(page: Page, name: CorpusName, path: string): Promise<void> {
  await page.goto(`${baseUrl(name)}${path}`, { waitUntil: 'domcontentloaded' });
  await page.locator('main#main').waitFor({ state: 'attached', timeout: 15_000 });
}

/**
 * Waits until React owns every element under `#root`: a prerendered page is hydrated (a click
 * before that is lost), or a page rendered afresh is rendered. React marks each element it owns
 * with a `__reactFiber$…` property; hydration and rendering errors are logged by then. The
 * resource hints React's server renderer writes (`<link rel="preload">` for an image) are not
 * part of the tree it hydrates.
 */
export async function reactOwnsPage(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const elements = Array.from(document.querySelectorAll('#root *:not(link, meta, script, style, title)'));
      return elements.length > 0 && elements.every((el) => Object.keys(el).some((key) => key.startsWith('__reactFiber$')));
    },
    undefined,
    { timeout: 15_000 },
  );
}

/** The feed's list named "Articles". */
export function articleList(page: Page): Locator {
  return page.getByRole('list', { name: 'Articles', exact: true });
}

/** Waits for the feed to show at least `min` cards and returns their slugs in DOM order. */
export async function feedSlugs(page: Page, min = 1): Promise<string[]> {
  const cards = articleList(page).locator('article[data-slug]');
  await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(min);
  return cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-slug') ?? ''));
}

/**
 * Polls until the feed shows exactly `expected` (the app may render while data arrives). A
 * concurrent test passes its own `expect` (the global one does not know which test is running).
 */
export async function expectFeed(page: Page, expected: string[], testExpect: ExpectStatic = expect): Promise<void> {
  const cards = articleList(page).locator('article[data-slug]');
  await testExpect.poll(() => cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-slug') ?? '')), { timeout: 15_000 }).toEqual(expected);
}

/** The control named `name`, whether the app renders it as a button or as a link. */
export function control(page: Page, name: string): Locator {
  return page.getByRole('button', { name }).or(page.getByRole('link', { name }));
}

export function card(page: Page, slug: string): Locator {
  return page.locator(`article[data-slug="${slug}"]`);
}

export function pathAndQuery(page: Page): string {
  const url = new URL(page.url());
  return decodeURIComponent(url.pathname + url.search);
}

export async function htmlHasDark(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.classList.contains('dark'));
}

/**
 * Waits for what changes the pixels after the DOM is in place: web fonts, the images on screen
 * (loaded, or failed and swapped for their placeholders: the browser aborts remote ones), and
 * CSS transitions and animations that end (a disclosure's arrow turning). Looping animations
 * (loading skeletons) and lazy images below the fold are not waited for.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts?.ready;
    const onScreen = (img: HTMLImageElement) => {
      const box = img.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight;
    };
    const pending = Array.from(document.images).filter((img) => !img.complete && onScreen(img));
    await Promise.all(
      pending.map(
        (img) =>
          new Promise((done) => {
            img.addEventListener('load', done);
            img.addEventListener('error', done);
          }),
      ),
    );
    // A failed image's placeholder is rendered on the next frame.
    await new Promise(requestAnimationFrame);
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

// ---------------------------------------------------------------------------------------------
// axe-core

const require = createRequire(import.meta.url);
const AXE_SOURCE: string = (require('axe-core') as { source: string }).source;

export interface AxeViolationSummary {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page as it is now; its source is added to the page once. */
export async function runAxe(page: Page): Promise<AxeViolationSummary[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
    }));
  });
}

// ---------------------------------------------------------------------------------------------
// Screenshots (gitignored folder)

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await settled(page);
  await page.screenshot({ path, fullPage });
  return path;
}
