import { mkdtemp, readdir, readFile, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeDataFiles } from '../../../src/plugin/emit';
import { buildNewsData } from '../../../src/plugin/pipeline';
import { reportLines } from '../../../src/plugin/report';

const SEEDS = path.resolve(__dirname, '../../../seeds');
const made: string[] = [];
async function scratch(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'news-cache-trust-'));
  made.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Every file under `dir` (relative path → text). */
async function tree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name !== '.complete').map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  return new Map(await Promise.all(files.sort().map(async (f): Promise<[string, string]> => [f, await readFile(path.join(dir, f), 'utf8')])));
}

let clean: Map<string, string>;
beforeAll(async () => {
  const build = await buildNewsData({ dir: SEEDS });
  clean = new Map(await build.allDataFiles());
});

async function dataOf(cacheDir: string) {
  const build = await buildNewsData({ dir: SEEDS, cacheDir });
  return { build, files: new Map(await build.allDataFiles()) };
}

/** A pack file of the detail store and the title of one article stored in it. */
async function someTitleInAPack(cacheDir: string): Promise<{ pack: string; bytes: Buffer; title: string }> {
  const dir = path.join(cacheDir, 'details');
  for (const name of (await readdir(dir)).sort()) {
    const bytes = await readFile(path.join(dir, name));
    const title = /"title":"([A-Za-z][^"\\]{8,})"/.exec(bytes.toString('utf8'))?.[1];
    if (title) return { pack: path.join(dir, name), bytes, title };
  }
  throw new Error('no pack with a title');
}

describe('the parse cache and the detail store are verified, never trusted blindly', () => {
  it('drops a records.v8 chunk with one changed byte, with one warning, and builds the same data', async () => {
    const cacheDir = await scratch();
    await dataOf(cacheDir);
    const file = path.join(cacheDir, 'records.v8');
    const bytes = await readFile(file);
    const at = Math.floor(bytes.length * 0.75);
    bytes[at] = bytes[at]! ^ 0x20;
    await writeFile(file, bytes);
    const { build, files } = await dataOf(cacheDir);
    expect(build.cacheWarnings).toHaveLength(1);
    expect(build.cacheWarnings[0]).toContain(file);
    expect(files).toEqual(clean);
    // The build log shows it first; it is not a content diagnostic (strict mode ignores it).
    expect(reportLines(build)[0]).toBe(build.cacheWarnings[0]);
    expect(build.diagnostics.some((d) => d.message.includes('records.v8'))).toBe(false);
    // Repaired: the next build has nothing to say.
    expect((await dataOf(cacheDir)).build.cacheWarnings).toEqual([]);
  });

  it('never ships a pack whose bytes were changed (a title replaced by PWND): the file is parsed again', async () => {
    const cacheDir = await scratch();
    await dataOf(cacheDir);
    const { pack, bytes, title } = await someTitleInAPack(cacheDir);
    const text = bytes.toString('latin1').replace(`"title":"${title}"`, `"title":"${'PWND'.padEnd(title.length, '!')}"`);
    await writeFile(pack, Buffer.from(text, 'latin1'));
    const { build, files } = await dataOf(cacheDir);
    expect(build.cacheWarnings).toEqual([expect.stringContaining(`${pack} does not match its checksum`)]);
    expect([...files.values()].some((json) => json.includes('PWND'))).toBe(false);
    expect(files).toEqual(clean);
  });

  it('recovers from a cut pack and from a deleted one', async () => {
    const cacheDir = await scratch();
    await dataOf(cacheDir);
    const { pack, bytes } = await someTitleInAPack(cacheDir);
    await truncate(pack, Math.floor(bytes.length / 2));
    const cut = await dataOf(cacheDir);
    expect(cut.build.cacheWarnings).toEqual([expect.stringContaining(pack)]);
    expect(cut.files).toEqual(clean);
    await unlink((await someTitleInAPack(cacheDir)).pack);
    const gone = await dataOf(cacheDir);
    expect(gone.build.cacheWarnings).toHaveLength(1);
    expect(gone.build.cacheWarnings[0]).toContain('is missing');
    expect(gone.files).toEqual(clean);
  });

  it('parses a file again when its pack is changed after the build, before its articles are written', async () => {
    const work = await scratch();
    const cacheDir = path.join(work, 'cache');
    const { build } = await dataOf(cacheDir);
    const { pack, bytes, title } = await someTitleInAPack(cacheDir);
    await writeFile(pack, Buffer.from(bytes.toString('latin1').replace(title, 'PWND'.padEnd(title.length, '!')), 'latin1'));
    await writeDataFiles(build, path.join(work, 'dist'));
    expect(build.cacheWarnings).toEqual([expect.stringContaining(`${pack} does not match its checksum`)]);
    expect(await tree(path.join(work, 'dist'))).toEqual(clean);
  });
});

describe('the output folder', () => {
  it('an edit of the written output never reaches the cache: the next write restores the output', async () => {
    const work = await scratch();
    const cacheDir = path.join(work, 'cache');
    const out = path.join(work, 'dist');
    await writeDataFiles(await buildNewsData({ dir: SEEDS, cacheDir }), out);
    await truncate(path.join(out, 'data/index.json'), 0);
    const someArticle = [...clean.keys()].find((f) => f.includes('/article/'))!;
    await writeFile(path.join(out, someArticle), '{"title":"PWND"}');
    await unlink(
      path.join(
        out,
        [...clean.keys()].find((f) => f.includes('/feed/'))!,
      ),
    );
    const again = await buildNewsData({ dir: SEEDS, cacheDir });
    await writeDataFiles(again, out);
    expect(again.cacheWarnings).toEqual([]);
    expect(await tree(out)).toEqual(clean);
  });
});
