/**
 * `npm run check [-- <folder>] [--strict] [--json] [--stories]`: validates a content folder without
 * building the app. Prints every problem and a summary; exits 1 when a file has an error (or, with
 * --strict, any warning at all). `--stories` also prints every story with its members and why
 * each belongs (with --json, every story's data).
 */
import path from 'node:path';
import { countBySeverity, escapeJsonForLog, formatDiagnostic, formatSummary } from '../diagnostics.ts';
import { resolveOptions } from '../options.ts';
import { buildNewsData } from '../pipeline.ts';
import { createProgress } from '../progress.ts';
import { formatStory } from '../stories/report.ts';
import type { StoryDetail } from '../../contract/story.ts';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const json = args.includes('--json');
const showStories = args.includes('--stories');
const folder = args.find((a) => !a.startsWith('--'));
const options = resolveOptions(folder ? { dir: folder } : {}, process.cwd());

const quiet = args.includes('--quiet');
// Standard error: with --json, standard output is the report.
const progress = createProgress('news: parsed', 'files', { quiet });
// PipelineOptions.onProgress is called as the parse workers finish batches.
const pipelineOptions = { dir: options.dir, cacheDir: undefined, onProgress: (done: number, total: number) => progress.update(done, total) };
const build = await buildNewsData(pipelineOptions).finally(() => progress.finish());
const { errors, warnings } = countBySeverity(build.diagnostics);
const stories: StoryDetail[] = [];
if (showStories) for (const story of build.stories) stories.push((await build.readStory(story.id))!);
if (json) {
  const report = {
    dir: options.dir,
    files: build.files,
    articles: build.articles.length,
    errors,
    warnings,
    diagnostics: build.diagnostics,
    ...(showStories ? { stories } : {}),
  };
  console.log(escapeJsonForLog(JSON.stringify(report, null, 2)));
} else {
  console.log(`Checking ${path.relative(process.cwd(), options.dir) || '.'}`);
  for (const d of build.diagnostics) console.log(formatDiagnostic(d));
  console.log(`${formatSummary(build.diagnostics, build.files)}; ${build.articles.length} articles`);
  if (showStories) {
    const grouped = stories.filter((s) => s.members.length > 1).length;
    console.log(`\n${stories.length} stories (${grouped} of more than one article):`);
    for (const story of stories) for (const line of formatStory(story)) console.log(line);
  }
}
process.exitCode = errors > 0 || (strict && warnings > 0) ? 1 : 0;
