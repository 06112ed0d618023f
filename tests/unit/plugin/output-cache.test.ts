import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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

describe('the output cache (data files written while the app is bundled, then copied)', () => {
  it('keeps the written files under the build fingerprint and copies the same bytes into the output, never linked', async () => {
    const work = await scratch();
    const cacheDir = path.join(work, 'cache');
    const build = await buildNewsData({ dir: SEEDS, cacheDir });
    const prepared = await prepareDataFiles(build);
    expect(prepared).toMatchObject({ dir: path.join(cacheDir, 'output', build.fingerprint), reused: false });
    // Nothing is left under a temporary name, and the kept copy is complete.
    expect(await readdir(path.join(cacheDir, 'output'))).toEqual([build.fingerprint]);

    const out = path.join(work, 'dist');
    let readable: string | undefined;
    const written = await writeDataFiles(build, out, (dir) => (readable = dir), Promise.resolve(prepared));
    expect(readable).toBe(prepared!.dir);
    expect(written.reused).toBe(false);
    const files = await tree(path.join(out, 'data'));
    expect(files.length).toBe(written.files);
    expect(files).toContain(path.relative('data', dataPaths.index()));
    let bytes = 0;
    for (const file of files) {
      const [a, b] = await Promise.all([stat(path.join(out, 'data', file)), stat(path.join(prepared!.dir, 'data', file))]);
      expect(a.ino, file).not.toBe(b.ino);
      expect(a.nlink, file).toBe(1);
      expect(await readFile(path.join(out, 'data', file), 'utf8'), file).toBe(await readFile(path.join(prepared!.dir, 'data', file), 'utf8'));
      bytes += a.size;
    }
    // The totals come from the kept copy's marker, not from a stat of every file.
    expect(written.bytes).toBe(bytes);
    const again = await writeDataFiles(build, path.join(work, 'again'));
    expect(again).toEqual({ files: written.files, bytes, reused: true });
  });

  it('two builds of the same content at once both get complete outputs, and one kept copy', async () => {
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
    expect(await readdir(path.join(cacheDir, 'output'))).toEqual([a.fingerprint]);
  });

  it('a changed content folder replaces the kept output, and drops what dead builds left half-written', async () => {
    const work = await scratch();
    const content = path.join(work, 'content');
    await cp(SEEDS, content, { recursive: true });
    const cacheDir = path.join(work, 'cache');
    const first = await buildNewsData({ dir: content, cacheDir });
    await writeDataFiles(first, path.join(work, 'first'));
    // A build killed while writing, and one still running (this process).
    const root = path.join(cacheDir, 'output');
    const abandoned = path.join(root, `.writing-${deadPid()}-1`);
    const running = path.join(root, `.writing-${process.pid}-999`);
    await Promise.all([mkdir(abandoned), mkdir(running)]);

    const file = (await readdir(content)).find((f) => f.startsWith('000'))!;
    const text = await readFile(path.join(content, file), 'utf8');
    await writeFile(path.join(content, file), text.replace(/^title: .*$/m, 'title: "A new title for the cache test"'));
    const second = await buildNewsData({ dir: content, cacheDir });
    expect(second.fingerprint).not.toBe(first.fingerprint);
    const written = await writeDataFiles(second, path.join(work, 'second'));
    expect(written.reused).toBe(false);
    expect((await readdir(root)).sort()).toEqual([second.fingerprint, path.basename(running)].sort());

    // The same content again: linked from the kept copy.
    const third = await writeDataFiles(await buildNewsData({ dir: content, cacheDir }), path.join(work, 'third'));
    expect(third.reused).toBe(true);
    expect(await tree(path.join(work, 'third', 'data'))).toEqual(await tree(path.join(work, 'second', 'data')));
  });
});
