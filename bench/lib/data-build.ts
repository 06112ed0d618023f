import { mkdir, rm } from 'node:fs/promises';
import { NewsPipeline } from '../../src/plugin/pipeline.ts';
import { writeDataFiles } from '../../src/plugin/emit.ts';
import { codeKey } from '../../src/plugin/code-key.ts';
import { FileIndex } from '../../src/plugin/file-index.ts';
import { BuildStamp, checkUpToDate, stampedContent } from '../../src/plugin/up-to-date.ts';
import { REPO_ROOT } from './child.ts';

export interface DataBuildArgs {
  dir: string;
  cacheDir: string;
  outDir: string;
  /** Build over what `outDir` holds (a warm rebuild with nothing changed) instead of emptying it first. */
  keepOut?: boolean;
}

export interface DataBuildResult {
  /** Pipeline build (read, parse, link, lists). */
  buildMs: number;
  /** writeDataFiles, and the end of saving the parse cache (it is saved meanwhile). */
  writeMs: number;
  totalMs: number;
  /** Peak resident set of this process (all threads), from getrusage. */
  peakRssBytes: number;
  /** Highest of the 50 ms samples of process.memoryUsage().rss, as a cross-check. */
  sampledPeakRssBytes: number;
  files: number;
  /** Files written (the others were unchanged). */
  written: number;
  bytes: number;
  articles: number;
}

function memory(sampled: number) {
  return { peakRssBytes: process.resourceUsage().maxRSS * 1024, sampledPeakRssBytes: Math.max(sampled, process.memoryUsage().rss) };
}

/** One data build, cold or warm depending on what `cacheDir` holds; `outDir` is emptied first unless `keepOut`. */
export async function dataBuildTask({ dir, cacheDir, outDir, keepOut = false }: DataBuildArgs): Promise<DataBuildResult> {
  if (!keepOut) await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  let sampled = process.memoryUsage().rss;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  // As `vite build` does (see build-app.ts): nothing to do when nothing changed since the last
  // build into this folder; otherwise only files whose inputs or bytes on disk changed are written.
  const code = codeKey(REPO_ROOT, {});
  const index = FileIndex.load(cacheDir, outDir, (line) => console.error(line));
  const stamp = BuildStamp.load(cacheDir, outDir);
  const { last, listing } = await checkUpToDate(stamp, { codeKey: code, dir, manifest: index, bundles: async () => [] });
  if (last) {
    const t = performance.now();
    clearInterval(sampler);
    return { buildMs: t - t0, writeMs: 0, totalMs: t - t0, ...memory(sampled), files: last.dataFiles, written: 0, bytes: 0, articles: last.articles ?? 0 };
  }
  const pipeline = new NewsPipeline({ dir, cacheDir });
  const build = await pipeline.build(undefined, listing);
  const t1 = performance.now();
  const written = await writeDataFiles(build, outDir, { manifest: index, codeKey: code });
  await index.save();
  const content = stampedContent(build);
  if (content)
    await stamp.save({ ...content, codeKey: code, bundles: [], dataFiles: written.written + written.unchanged, pages: 0, siteFiles: 0 }, outDir, index);
  // The parse cache is saved meanwhile; a build is done when it is.
  await pipeline.close();
  const t2 = performance.now();
  clearInterval(sampler);
  sampled = Math.max(sampled, process.memoryUsage().rss);
  return {
    buildMs: t1 - t0,
    writeMs: t2 - t1,
    totalMs: t2 - t0,
    ...memory(sampled),
    files: written.files,
    written: written.written,
    bytes: written.bytes,
    articles: build.cards.length,
  };
}
