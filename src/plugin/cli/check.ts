/**
 * `npm run check [-- <folder>] [--strict] [--json]`: validates a content folder without building
 * the app. Prints every problem and a summary; exits 1 when a file has an error (or, with
 * --strict, any warning at all).
 */
import path from 'node:path';
import { countBySeverity, escapeJsonForLog, formatDiagnostic, formatSummary } from '../diagnostics.ts';
import { resolveOptions } from '../options.ts';
import { buildNewsData } from '../pipeline.ts';
import { createProgress } from '../progress.ts';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const json = args.includes('--json');
const folder = args.find((a) => !a.startsWith('--'));
const options = resolveOptions(folder ? { dir: folder } : {}, process.cwd());

const quiet = args.includes('--quiet');
// Standard error: with --json, standard output is the report.
const progress = createProgress('news: parsed', 'files', { quiet });
// PipelineOptions.onProgress is called as the parse workers finish batches.
const pipelineOptions = { dir: options.dir, cacheDir: undefined, onProgress: (done: number, total: number) => progress.update(done, total) };
const build = await buildNewsData(pipelineOptions).finally(() => progress.finish());
const { errors, warnings } = countBySeverity(build.diagnostics);
if (json) {
  console.log(
    escapeJsonForLog(
      JSON.stringify({ dir: options.dir, files: build.files, articles: build.articles.length, errors, warnings, diagnostics: build.diagnostics }, null, 2),
    ),
  );
} else {
  console.log(`Checking ${path.relative(process.cwd(), options.dir) || '.'}`);
  for (const d of build.diagnostics) console.log(formatDiagnostic(d));
  console.log(`${formatSummary(build.diagnostics, build.files)}; ${build.articles.length} articles`);
}
process.exitCode = errors > 0 || (strict && warnings > 0) ? 1 : 0;
