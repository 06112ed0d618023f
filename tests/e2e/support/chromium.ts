import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserServer, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium; browser downloads do not work on this machine or in CI. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` (as .ci/run does) or set CHROMIUM_PATH.`);
  }
}

/**
 * The one Chromium process of an e2e run (started by the global setup). Starting a browser
 * costs seconds; a new context in a running one costs little and shares no state with others.
 */
export async function startChromiumServer(): Promise<BrowserServer> {
  assertChromium();
  const launch: LaunchOptions = { executablePath: CHROMIUM_PATH, headless: true, args: FLAGS };
  return chromium.launchServer(launch);
}

export interface LaunchedChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface ContextOptions {
  javaScriptEnabled?: boolean;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

/**
 * A fresh browser context (its own cookies, storage and cache, as a new profile would have) in
 * the shared Chromium at `wsEndpoint`.
 */
export async function connectChromium(wsEndpoint: string, options: ContextOptions = {}): Promise<LaunchedChromium> {
  const browser = await chromium.connect(wsEndpoint);
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      await browser.close(); // disconnects; the shared process keeps running
    },
  };
}

/**
 * A Chromium of its own with a fresh user-data dir, for a process that is not an e2e run (the
 * benchmark). A persistent context is how playwright-core takes a user-data dir.
 */
export async function launchChromium(options: ContextOptions = {}): Promise<LaunchedChromium> {
  assertChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'news-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
