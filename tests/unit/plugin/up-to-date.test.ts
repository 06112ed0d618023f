import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileIndex } from '../../../src/plugin/file-index';
import { BuildStamp, contentState } from '../../../src/plugin/up-to-date';

let work: string;
let content: string;
let out: string;
let cache: string;
const past = new Date(Date.now() - 60_000);
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};
/** Past the racy window: the files' change times are older than one clock tick. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 25));

beforeEach(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'up-to-date-'));
  content = path.join(work, 'news');
  out = path.join(work, 'dist');
  cache = path.join(work, 'cache');
  write(path.join(content, 'a.md'), '---\ntitle: A\n---\n');
  write(path.join(content, 'b.md'), '---\ntitle: B\n---\n');
  write(path.join(out, 'data', 'index.json'), '{}');
  write(path.join(out, 'index.html'), '<html>');
  await settle();
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('content state', () => {
  it('is the same for an unchanged folder, and trusted once its files are older than a clock tick', async () => {
    const first = (await contentState(content)).state;
    expect(first).toEqual({ digest: expect.stringMatching(/^[0-9a-f]{40}$/), files: 2, trusted: true });
    expect((await contentState(content)).state).toEqual(first);
  });

  it('changes on an edit, a touch (same bytes), an addition, a deletion and a rename', async () => {
    const digests = [(await contentState(content)).state.digest];
    write(path.join(content, 'a.md'), '---\ntitle: a\n---\n');
    digests.push((await contentState(content)).state.digest);
    utimesSync(path.join(content, 'b.md'), past, past);
    digests.push((await contentState(content)).state.digest);
    write(path.join(content, 'c.md'), '---\ntitle: C\n---\n');
    digests.push((await contentState(content)).state.digest);
    unlinkSync(path.join(content, 'a.md'));
    digests.push((await contentState(content)).state.digest);
    renameSync(path.join(content, 'b.md'), path.join(content, 'bb.md'));
    digests.push((await contentState(content)).state.digest);
    expect(new Set(digests).size).toBe(digests.length);
  });

  it('is not trusted when a file changed within a clock tick (its stat could hide a later edit)', async () => {
    write(path.join(content, 'a.md'), '---\ntitle: fresh\n---\n');
    expect((await contentState(content)).state.trusted).toBe(false);
  });
});

describe('build stamp', () => {
  /** A build that wrote the two output files and saved its index and stamp. */
  async function stamped(codeKey = 'code-1') {
    const manifest = FileIndex.load(cache, out, () => undefined);
    manifest.wrote('data/index.json', 'k1');
    manifest.wrote('index.html', 'k2');
    await manifest.save();
    const { state } = await contentState(content);
    const report = { codeKey, content: state.digest, bundles: ['client-1', 'server-1'], report: ['news: 2 files checked'], errors: 0 };
    await BuildStamp.load(cache, out).save({ ...report, dataFiles: 1, pages: 1, siteFiles: 0 }, out, manifest);
    return state;
  }
  const next = async (codeKey = 'code-1', bundles = ['client-1', 'server-1']) =>
    BuildStamp.load(cache, out).upToDate({
      codeKey,
      content: (await contentState(content)).state,
      bundles,
      manifest: FileIndex.load(cache, out, () => undefined),
    });

  it("holds when nothing changed, with the last build's report and counts", async () => {
    await stamped();
    expect(await next()).toMatchObject({ report: ['news: 2 files checked'], errors: 0, outputFiles: 2, dataFiles: 1, pages: 1 });
  });

  it('does not hold for other code, other bundles, a changed content file or a touched output file', async () => {
    await stamped();
    expect(await next('code-2')).toBeUndefined();
    expect(await next('code-1', ['client-2', 'server-1'])).toBeUndefined();
    utimesSync(path.join(out, 'index.html'), past, past);
    expect(await next()).toBeUndefined();
  });

  it('does not hold after a content edit', async () => {
    await stamped();
    write(path.join(content, 'b.md'), '---\ntitle: changed\n---\n');
    await settle();
    expect(await next()).toBeUndefined();
  });

  it('does not hold when another build saved the output index since', async () => {
    await stamped();
    const other = FileIndex.load(cache, out, () => undefined);
    other.wrote('data/index.json', 'k1');
    other.wrote('index.html', 'k2');
    await other.save();
    expect(await next()).toBeUndefined();
  });

  it('a damaged stamp is no stamp: the build does the work', async () => {
    await stamped();
    const [file] = readdirSync(cache).filter((name) => name.startsWith('stamp-'));
    const stampFile = path.join(cache, file!);
    // Still valid JSON: only the checksum tells.
    writeFileSync(stampFile, readFileSync(stampFile, 'utf8').replace('"errors":0', '"errors":1'));
    expect(await next()).toBeUndefined();
  });
});
