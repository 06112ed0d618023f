/**
 * The dev server serves the data from memory and pushes `news:update` when a content file
 * changes: an open page shows an edit, an added file and a deleted file without a reload.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ViteDevServer } from 'vite';
import { createServer } from 'vite';
import type { Page } from 'playwright-core';
import { connectChromium, type LaunchedChromium } from './support/chromium';
import { ROOT } from './support/helpers';

let dir: string;
let server: ViteDevServer;
let browser: LaunchedChromium;
let page: Page;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'news-dev-'));
  cpSync(join(ROOT, 'seeds'), dir, { recursive: true });
  process.env.NEWS_DIR = dir;
  try {
    server = await createServer({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
    await server.listen();
  } finally {
    delete process.env.NEWS_DIR;
  }
  url = server.resolvedUrls!.local[0]!;
  browser = await connectChromium(inject('chromiumWs'));
  page = await browser.context.newPage();
  await page.goto(url);
  await page.locator('article[data-slug]').first().waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}-away`, { recursive: true, force: true });
});

describe('dev server live updates', () => {
  it('shows an edited title, an added article and a deletion without reloading', async () => {
    let reloaded = false;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) reloaded = true;
    });
    const seed = join(dir, '000_ceed0cb3b1ce101b.txt');
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('title: "The Microsoft Police State', 'title: "EDITED The Microsoft Police State'));
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).allTextContents(), { timeout: 10_000 })
      .toContain('EDITED The Microsoft Police State: Mass Surveillance, Facial Recognition, and the Azure Cloud');

    writeFileSync(join(dir, 'added.md'), '---\ntitle: "A brand new article"\nwebUrl: "https://example.com/new"\nheat: 900\n---\n');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent(), { timeout: 10_000 }).toBe('A brand new article');

    unlinkSync(join(dir, 'added.md'));
    await expect.poll(() => page.getByRole('heading', { level: 2 }).allTextContents(), { timeout: 10_000 }).not.toContain('A brand new article');
    expect(reloaded).toBe(false);
  });

  it('serves the same data files as the build, from memory', async () => {
    const response = await fetch(new URL('data/index.json', url));
    expect(response.status).toBe(200);
    const index = (await response.json()) as { totals: { published: number; unpublished: number } };
    expect(index.totals).toEqual({ published: 2, unpublished: 2, providers: 3 });
    expect((await fetch(new URL('data/article/no-such-article.json', url))).status).toBe(404);
  });

  it('answers a malformed percent-encoding with 400 and keeps serving', async () => {
    const response = await fetch(new URL('data/article/%ZZ.json', url));
    expect(response.status).toBe(400);
    expect((await fetch(new URL('data/index.json', url))).status).toBe(200);
  });

  it('keeps serving when the content folder is moved away, says why on the page, and recovers when it is back', async () => {
    const away = `${dir}-away`;
    renameSync(dir, away);
    const overlay = page.locator('vite-error-overlay');
    await expect.poll(() => overlay.count(), { timeout: 10_000 }).toBe(1);
    expect(await overlay.getByText(/news: building .* failed: ENOENT/).count()).toBe(1);
    // The last good build is still served.
    expect((await fetch(new URL('data/index.json', url))).status).toBe(200);

    renameSync(away, dir);
    await expect.poll(() => overlay.count(), { timeout: 10_000 }).toBe(0);
    // The folder is watched again: an edit shows.
    const seed = join(dir, '000_ceed0cb3b1ce101b.txt');
    writeFileSync(seed, readFileSync(seed, 'utf8').replace(/title: "(EDITED )?The Microsoft/, 'title: "BACK The Microsoft'));
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).allTextContents(), { timeout: 10_000 })
      .toContain('BACK The Microsoft Police State: Mass Surveillance, Facial Recognition, and the Azure Cloud');
  });
});
