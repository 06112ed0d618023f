import { cp, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildNewsData, NewsPipeline } from '../../../src/plugin/pipeline';
import { contentState } from '../../../src/plugin/up-to-date';

const SEEDS = path.resolve(__dirname, '../../../seeds');
const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function corpus(): Promise<{ dir: string; cacheDir: string }> {
  const work = await mkdtemp(path.join(tmpdir(), 'news-content-index-'));
  made.push(work);
  const dir = path.join(work, 'news');
  await cp(SEEDS, dir, { recursive: true });
  return { dir, cacheDir: path.join(work, 'cache') };
}

/** A full build in a new pipeline, as a new `vite build` process makes it. */
async function build(dir: string, cacheDir: string) {
  const result = await buildNewsData({ dir, cacheDir });
  return { read: result.filesRead, data: new Map(await result.allDataFiles()) };
}

const FILE = '001_b6f788767d3a8fd8.txt';

describe('the content folder index: a full build reads only files whose stat changed', () => {
  it('reads every file once, then none, with the same data', async () => {
    const { dir, cacheDir } = await corpus();
    const first = await build(dir, cacheDir);
    expect(first.read).toBe(5);
    const second = await build(dir, cacheDir);
    expect(second.read).toBe(0);
    expect(second.data).toEqual(first.data);
  });

  it('reads an edited file, a touched one and one replaced with its old times set back; and sees the edit', async () => {
    const { dir, cacheDir } = await corpus();
    const [a, b] = (await readdir(dir)).filter((n) => n !== FILE).sort();
    await build(dir, cacheDir);
    const edited = path.join(dir, FILE);
    const text = await readFile(edited, 'utf8');
    await writeFile(edited, text.replace(/^title: .*$/m, 'title: "An edited title"'));
    const now = new Date();
    await utimes(path.join(dir, a!), now, now);
    // Same size, same modification time: only the change time (and maybe the inode) differs.
    const before = await stat(path.join(dir, b!));
    const bytes = await readFile(path.join(dir, b!));
    bytes[bytes.length - 1] = bytes[bytes.length - 1] === 0x0a ? 0x20 : 0x0a;
    await writeFile(path.join(dir, b!), bytes);
    await utimes(path.join(dir, b!), before.atime, before.mtime);
    const again = await build(dir, cacheDir);
    expect(again.read).toBe(3);
    expect([...again.data.values()].some((json) => json.includes('An edited title'))).toBe(true);
    expect((await build(dir, cacheDir)).read).toBe(0);
  });

  it('forgets a deleted file and reads a new one', async () => {
    const { dir, cacheDir } = await corpus();
    const first = await build(dir, cacheDir);
    const gone = [...first.data.values()].find(
      (json) => json.includes('"title":"Microsoft won’t sell facial recognition technology to police"') && json.includes('"body"'),
    );
    expect(gone).toBeDefined();
    await rm(path.join(dir, FILE));
    const text = await readFile(path.join(SEEDS, FILE), 'utf8');
    await writeFile(path.join(dir, '005_new.txt'), text.replace(/^title: .*$/m, 'title: "A new file"'));
    const again = await build(dir, cacheDir);
    expect(again.read).toBe(1);
    expect([...again.data.values()].some((json) => json.includes('A new file'))).toBe(true);
    expect([...again.data.values()]).not.toContain(gone);
  });

  it("a build given the up-to-date check's listing reads and makes what a build that lists the folder itself does", async () => {
    const { dir, cacheDir } = await corpus();
    await build(dir, cacheDir);
    const edited = path.join(dir, FILE);
    await writeFile(edited, (await readFile(edited, 'utf8')).replace(/^title: .*$/m, 'title: "Listed before the build"'));
    await rm(path.join(dir, '002_f5098144ecc78018.txt'), { force: true });
    const listing = await contentState(dir);
    const pipeline = new NewsPipeline({ dir, cacheDir });
    const given = await pipeline.build(undefined, listing);
    await pipeline.close();
    expect(given.filesRead).toBe(1);
    expect(given.contentState).toEqual(listing.state);
    const plain = await buildNewsData({ dir, cacheDir: path.join(cacheDir, '..', 'other-cache') });
    expect(plain.contentState?.digest).toBe(listing.state.digest);
    expect(new Map(await given.allDataFiles())).toEqual(new Map(await plain.allDataFiles()));
  });
});
