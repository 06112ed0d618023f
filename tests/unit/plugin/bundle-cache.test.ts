import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleCache, type BundleInputs } from '../../../src/plugin/bundle-cache';

let root: string;
let cacheDir: string;
let out: string;
const warnings: string[] = [];
const warn = (line: string) => warnings.push(line);

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

/** Ages every file's times past the index's racy window, as a later build would see them. */
const later = () => new Promise((resolve) => setTimeout(resolve, 25));

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'bundle-cache-'));
  cacheDir = path.join(root, 'cache');
  out = path.join(root, 'dist');
  warnings.length = 0;
  write(path.join(root, 'src', 'app', 'main.tsx'), 'export const a = 1;');
  write(path.join(root, 'src', 'app', 'styles.css'), '.a{}');
  write(path.join(root, 'src', 'lib', 'x.ts'), 'export const x = 2;');
  write(path.join(root, 'package-lock.json'), '{}');
  write(path.join(out, 'assets', 'index.js'), 'console.log(1)');
  write(path.join(out, 'assets', 'index.css'), '.a{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const inputs = (): BundleInputs => ({
  modules: [path.join(root, 'src', 'app', 'main.tsx'), path.join(root, 'src', 'lib', 'x.ts'), '\0virtual:thing'],
  files: [path.join(root, 'package-lock.json'), path.join(root, '.env')],
  trees: [path.join(root, 'src', 'app')],
});

/** Builds once (keeps the bundle), then returns a cache as the next build sees it. */
async function keptThenReloaded(configKey = 'config-1'): Promise<BundleCache> {
  const first = BundleCache.load(cacheDir, root, 'config-1', warn);
  expect(await first.lookup('client')).toBeUndefined();
  const kept = await first.keep('client', out, ['assets/index.js', 'assets/index.css'], inputs(), { template: '<html>' });
  expect([...kept.files.keys()]).toEqual(['assets/index.css', 'assets/index.js']);
  await first.save();
  await later();
  return BundleCache.load(cacheDir, root, configKey, warn);
}

describe('bundle cache', () => {
  it('reuses a bundle whose inputs and configuration are unchanged, with its files and notes', async () => {
    const next = await keptThenReloaded();
    const found = await next.lookup('client');
    expect(found?.meta).toEqual({ template: '<html>' });
    expect([...found!.files.keys()]).toEqual(['assets/index.css', 'assets/index.js']);
    expect(warnings).toEqual([]);
  });

  it('builds again when the configuration differs', async () => {
    expect(await (await keptThenReloaded('config-2')).lookup('client')).toBeUndefined();
  });

  it('builds again when a module changes, even with the same size', async () => {
    const next = await keptThenReloaded();
    write(path.join(root, 'src', 'lib', 'x.ts'), 'export const x = 3;');
    expect(await next.lookup('client')).toBeUndefined();
  });

  it('builds again when a file appears beside a module (an import may now resolve to it)', async () => {
    const next = await keptThenReloaded();
    write(path.join(root, 'src', 'lib', 'x.tsx'), 'export const x = 4;');
    expect(await next.lookup('client')).toBeUndefined();
  });

  it('builds again when a file appears anywhere in a scanned tree', async () => {
    const next = await keptThenReloaded();
    write(path.join(root, 'src', 'app', 'deep', 'new.tsx'), '<div className="p-4"/>');
    expect(await next.lookup('client')).toBeUndefined();
  });

  it('builds again when a project file that was missing appears (an .env file)', async () => {
    const next = await keptThenReloaded();
    write(path.join(root, '.env'), 'VITE_X=1');
    expect(await next.lookup('client')).toBeUndefined();
  });

  it('a kept file altered in the cache is not used: one warning, and the bundle is built again', async () => {
    const next = await keptThenReloaded();
    const folder = (await BundleCache.load(cacheDir, root, 'config-1', () => undefined).lookup('client'))!.dir;
    writeFileSync(path.join(folder, 'assets', 'index.js'), 'alert("PWND")');
    expect(await next.lookup('client')).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/kept client bundle .* was altered \(assets\/index\.js\)/);
  });

  it('an edit to the output folder does not reach the kept copy', async () => {
    const next = await keptThenReloaded();
    writeFileSync(path.join(out, 'assets', 'index.js'), 'edited by hand');
    const found = await next.lookup('client');
    expect(readFileSync(path.join(found!.dir, 'assets', 'index.js'), 'utf8')).toBe('console.log(1)');
  });
});
