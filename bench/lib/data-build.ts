import { mkdir, rm } from 'node:fs/promises';
import { NewsPipeline } from '../../src/plugin/pipeline.ts';
import { writeDataFiles } from '../../src/plugin/emit.ts';
import { codeKey } from '../../src/plugin/code-key.ts';
import { FileIndex } from '../../src/plugin/file-index.ts';
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

/** One data build, cold or warm depending on what `cacheDir` holds; `outDir` is emptied first unless `keepOut`. */
export async function dataBuildTask({ dir, cacheDir, outDir, keepOut = false }: DataBuildArgs): Promise<DataBuildResult> {
  if (!keepOut) await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  let sampled = process.memoryUsage().rss;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const pipeline = new NewsPipeline({ dir, cacheDir });
  const build = await pipeline.build();
  const t1 = performance.now();
  // As `vite build` writes them: only files whose inputs or bytes on disk changed (see build-app.ts).
  const index = FileIndex.load(cacheDir, outDir, (line) => console.error(line));
  const written = await writeDataFiles(build, outDir, { manifest: index, codeKey: codeKey(REPO_ROOT, {}) });
  await index.save();
  // The parse cache is saved meanwhile; a build is done when it is.
  await pipeline.close();
  const t2 = performance.now();
  clearInterval(sampler);
  sampled = Math.max(sampled, process.memoryUsage().rss);
  return {
    buildMs: t1 - t0,
    writeMs: t2 - t1,
    totalMs: t2 - t0,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    sampledPeakRssBytes: sampled,
    files: written.files,
    written: written.written,
    bytes: written.bytes,
    articles: build.cards.length,
  };
}
