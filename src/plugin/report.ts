import type { NewsBuild } from './build-result.ts';
import { countBySeverity, formatDiagnostic, formatSummary } from './diagnostics.ts';

/** Build logs show the first problems in full and a count; `npm run check` lists them all. */
export function reportLines(build: NewsBuild, limit = 20): string[] {
  const shown = build.diagnostics.slice(0, limit).map(formatDiagnostic);
  const hidden = build.diagnostics.length - shown.length;
  if (hidden > 0) shown.push(`… and ${hidden} more (run \`npm run check\` for the full report)`);
  const { errors } = countBySeverity(build.diagnostics);
  // Cache problems are not content problems: repaired already, shown but never counted.
  shown.unshift(...build.cacheWarnings);
  shown.push(`news: ${formatSummary(build.diagnostics, build.files)}; ${build.articles.length} articles${errors ? ' (files with errors were skipped)' : ''}`);
  return shown;
}
