import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPaths } from '../../../src/contract/data-paths';
import { prepareDataFiles, writeDataFiles } from '../../../src/plugin/emit';
import { buildNewsData } from '../../../src/plugin/pipeline';

const SEEDS = path.resolve(__dirname, '../../../seeds');
const made: string[] = [];
async function scratch(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'news-output-cache-'));
  made.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Every file under `dir`, relative, sorted. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

/** A process id that is certainly not running: a child that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('the staged output (data files written while the app is bundled, then moved)', () => {
  it('writes the files under the cache, then moves them into the output: nothing is shared or kept', async () => {
    const work = await scratch();
    const cacheDir = path.join(work, 'cache');
    const build = await buildNewsData({ dir: SEEDS, cacheDir });
    const prepared = await prepareDataFiles(build);
    expect(path.dirname(prepared!.dir)).toBe(path.join(cacheDir, 'output'));
    expect(path.basename(prepared!.dir)).toMatch(new RegExp(`^\\.writing-${process.pid}-\\d+$`));

    const out = path.join(work, 'dist');
    let readable: string | undefined;
    const written = await writeDataFiles(build, out, (dir) => (readable = dir), Promise.resolve(prepared));
    expect(readable).toBe(out);
    expect(written).toEqual({ files: prepared!.files, bytes: prepared!.bytes, reused: false });
    const files = await tree(path.join(out, 'data'));
    expect(files.length).toBe(written.files);
    expect(files).toContain(path.relative('data', dataPaths.index()));
    let bytes = 0;
    for (const file of files) {
      const info = await stat(path.join(out, 'data', file));
      expect(info.nlink, file).toBe(1);
      bytes += info.size;
    }
    expect(written.bytes).toBe(bytes);
    expect(await readdir(path.join(cacheDir, 'output'))).toEqual([]);
  });

  it('two builds of the same content at once both get complete, identical outputs', async () => {
    const work = await scratch();
    const cacheDir = path.join(work, 'cache');
    const a = await buildNewsData({ dir: SEEDS, cacheDir });
    const b = await buildNewsData({ dir: SEEDS, cacheDir });
    const [outA, outB] = [path.join(work, 'a'), path.join(work, 'b')];
    await Promise.all([writeDataFiles(a, outA), writeDataFiles(b, outB)]);
    const files = await tree(path.join(outA, 'data'));
    expect(files.length).toBeGreaterThan(5);
    expect(await tree(path.join(outB, 'data'))).toEqual(files);
    for (const file of files) {
      expect(await readFile(path.join(outB, 'data', file), 'utf8'), file).toBe(await readFile(path.join(outA, 'data', file), 'utf8'));
    }
    expect(await readdir(path.join(cacheDir, 'output'))).toEqual([]);
  });

  it("drops what dead builds and earlier versions left in the output cache, and keeps a running build's folder", async () => {
    const work = await scratch();
    const cacheDir = path.join(work, 'cache');
    const root = path.join(cacheDir, 'output');
    const abandoned = path.join(root, `.writing-${deadPid()}-1`);
    const running = path.join(root, `.writing-${process.pid}-999`);
    const earlierVersion = path.join(root, 'd6e1df8acbde32cec351308ffd11a7436224b732');
    await Promise.all([abandoned, running, earlierVersion].map((dir) => mkdir(dir, { recursive: true })));
    await writeDataFiles(await buildNewsData({ dir: SEEDS, cacheDir }), path.join(work, 'dist'));
    expect(await readdir(root)).toEqual([path.basename(running)]);
  });
});
