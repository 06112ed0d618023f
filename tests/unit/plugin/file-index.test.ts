import { cp, mkdtemp, readdir, readFile, rename, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPaths } from '../../../src/contract/data-paths';
import { writeDataFiles } from '../../../src/plugin/emit';
import { FileIndex, outputKey } from '../../../src/plugin/file-index';
import { buildNewsData } from '../../../src/plugin/pipeline';

const SEEDS = path.resolve(__dirname, '../../../seeds');
const made: string[] = [];
async function scratch(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'news-manifest-'));
  made.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  return new Map(await Promise.all(files.sort().map(async (f) => [f, await readFile(path.join(dir, f), 'utf8')] as const)));
}

/** One data build into `out` with the manifest kept in `cache`, as `vite build` does it. */
async function build(cache: string, out: string, warnings: string[] = []) {
  const manifest = FileIndex.load(cache, out, (line) => warnings.push(line));
  const result = await writeDataFiles(await buildNewsData({ dir: SEEDS, cacheDir: cache }), out, { manifest, codeKey: 'test' });
  await manifest.save();
  return result;
}

describe('outputKey', () => {
  it('depends on every input and on where one ends', () => {
    expect(outputKey('ab', 'c')).toBe(outputKey('ab', 'c'));
    expect(outputKey('ab', 'c')).not.toBe(outputKey('a', 'bc'));
    expect(outputKey('a')).not.toBe(outputKey('a', ''));
    expect(outputKey(Buffer.from('x'))).toBe(outputKey('x'));
  });
});

describe('the output manifest: a file is skipped only when its inputs and its bytes on disk are unchanged', () => {
  it('writes everything the first time and nothing the second', async () => {
    const work = await scratch();
    const [cache, out] = [path.join(work, 'cache'), path.join(work, 'dist')];
    const first = await build(cache, out);
    expect(first.written).toBe(first.files);
    // 30 article and feed files, the story index, 32 story list pages and the story of 001 and 002.
    expect(first.files).toBe(64);
    const before = await tree(out);
    const second = await build(cache, out);
    expect([second.written, second.unchanged, second.bytes]).toEqual([0, 64, 0]);
    expect(await tree(out)).toEqual(before);
  });

  it('writes again a file truncated, replaced, copied over, touched or deleted in the output, and only those', async () => {
    const work = await scratch();
    const [cache, out, clean] = [path.join(work, 'cache'), path.join(work, 'dist'), path.join(work, 'clean')];
    await build(cache, out);
    await build(path.join(work, 'clean-cache'), clean);
    const expected = await tree(clean);
    const index = path.join(out, dataPaths.index());
    const providers = path.join(out, dataPaths.providers());
    const [first, second, third] = [...expected.keys()].filter((f) => f.startsWith(path.join('data', 'article')));
    await truncate(index, 0);
    await writeFile(`${providers}.new`, 'PWND');
    await rename(`${providers}.new`, providers);
    await cp(path.join(out, second!), path.join(out, first!));
    const now = new Date();
    await utimes(path.join(out, third!), now, now);
    await rm(path.join(out, dataPaths.feedPage('published', undefined, 'heat', 1)));
    const again = await build(cache, out);
    // index, providers, the article copied over, the one touched, the feed page deleted.
    expect(again.written).toBe(5);
    expect(await tree(out)).toEqual(expected);
  });

  it('treats a damaged manifest as none, with one warning', async () => {
    const work = await scratch();
    const [cache, out] = [path.join(work, 'cache'), path.join(work, 'dist')];
    await build(cache, out);
    const [file] = (await readdir(cache)).filter((f) => f.startsWith('output-'));
    const text = await readFile(path.join(cache, file!), 'utf8');
    await writeFile(path.join(cache, file!), text.replace('"version":3', '"version":3 '));
    const warnings: string[] = [];
    const again = await build(cache, out, warnings);
    expect(again.written).toBe(again.files);
    expect(warnings).toEqual([expect.stringMatching(/output index .* is damaged; every output file is written again/)]);
    expect((await build(cache, out)).written).toBe(0);
  });

  it('keeps one manifest per output folder', async () => {
    const work = await scratch();
    const cache = path.join(work, 'cache');
    await build(cache, path.join(work, 'a'));
    expect((await build(cache, path.join(work, 'b'))).written).toBe(64);
    expect((await build(cache, path.join(work, 'a'))).written).toBe(0);
    expect((await build(cache, path.join(work, 'b'))).written).toBe(0);
  });
});
