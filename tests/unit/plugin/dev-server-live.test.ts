/**
 * The real dev server (no browser: the HMR messages are read where the plugin sends them) with
 * its content folder moved away and back, and a malformed request: it keeps serving throughout.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type HotPayload, type ViteDevServer } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
let dir: string;
let server: ViteDevServer;
let url: string;
const sent: HotPayload[] = [];

beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), 'news-dev-live-')), 'content');
  cpSync(join(ROOT, 'seeds'), dir, { recursive: true });
  process.env.NEWS_DIR = dir;
  try {
    server = await createServer({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
    await server.listen();
  } finally {
    delete process.env.NEWS_DIR;
  }
  url = server.resolvedUrls!.local[0]!;
  const send = server.ws.send.bind(server.ws) as (payload: HotPayload) => void;
  server.ws.send = ((payload: HotPayload) => {
    sent.push(payload);
    send(payload);
  }) as typeof server.ws.send;
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(dirname(dir), { recursive: true, force: true });
});

const titles = async () =>
  ((await (await fetch(new URL('data/index.json', url))).json()) as { firstPage: { items: { title: string }[] } }).firstPage.items.map((i) => i.title);

describe('dev server with broken input', () => {
  it('answers a malformed percent-encoding with 400 and keeps serving', async () => {
    const response = await fetch(new URL('data/article/%ZZ.json', url));
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('Bad request: malformed percent-encoding in /data/article/%ZZ.json');
    expect((await fetch(new URL('data/index.json', url))).status).toBe(200);
  });

  it('keeps serving the last good build while the folder is gone, shows why, and rebuilds when it is back', async () => {
    const before = await titles();
    renameSync(dir, `${dir}-away`);
    await expect.poll(() => sent.filter((p) => p.type === 'error').length, { timeout: 10_000 }).toBe(1);
    const error = sent.find((p) => p.type === 'error');
    expect(error?.type === 'error' && error.err.message).toMatch(new RegExp(`^news: building ${dir} failed: ENOENT`));
    expect(await titles()).toEqual(before);

    sent.length = 0;
    renameSync(`${dir}-away`, dir);
    // The overlay is closed by an empty update, then the page is told to refetch.
    await expect.poll(() => sent.map((p) => (p.type === 'custom' ? p.event : p.type)), { timeout: 10_000 }).toEqual(['update', 'news:update']);

    // Watched again: an edit shows.
    const seed = join(dir, '000_ceed0cb3b1ce101b.txt');
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('title: "The Microsoft Police State', 'title: "BACK The Microsoft Police State'));
    await expect.poll(titles, { timeout: 10_000 }).toContain('BACK The Microsoft Police State: Mass Surveillance, Facial Recognition, and the Azure Cloud');
  });
});
