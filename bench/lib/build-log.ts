/**
 * What a `vite build` says it did, from its log: the prerenderer's and the news plugin's one
 * summary line each. A missing line gives undefined (the table says "n/a"), never an error:
 * the bench must still run against a build that does not print them.
 */
export interface PrerenderSummary {
  rendered: number;
  reused: number;
}

export interface DataFilesSummary {
  written: number;
  unchanged: number;
  removed: number;
}

export interface BuildLog {
  prerender?: PrerenderSummary;
  dataFiles?: DataFilesSummary;
}

// Colour codes, in case a build forces colour on a pipe (FORCE_COLOR).

const ANSI = /\x1b\[[0-9;]*m/g;
const COUNT = '(\\d[\\d,]*)';
const PRERENDER = new RegExp(`prerender: rendered ${COUNT} pages?, reused ${COUNT} unchanged`);
const DATA_FILES = new RegExp(`news: data files: ${COUNT} written, ${COUNT} unchanged, ${COUNT} removed`);

const count = (digits: string) => Number(digits.replace(/,/g, ''));

/**
 * The counts of the single line matching `pattern`; undefined when no line or several lines
 * match (a build prints its summary once: two would mean the bench cannot tell which is this one).
 */
function single(lines: string[], pattern: RegExp): number[] | undefined {
  const found = lines.map((l) => pattern.exec(l)).filter((m) => m !== null);
  return found.length === 1 ? found[0]!.slice(1).map(count) : undefined;
}

export function parseBuildLog(output: string): BuildLog {
  const lines = output.replace(ANSI, '').split(/\r?\n/);
  const p = single(lines, PRERENDER);
  const d = single(lines, DATA_FILES);
  return {
    ...(p ? { prerender: { rendered: p[0]!, reused: p[1]! } } : {}),
    ...(d ? { dataFiles: { written: d[0]!, unchanged: d[1]!, removed: d[2]! } } : {}),
  };
}
