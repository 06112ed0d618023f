import path from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  sizes: number[];
  skipHugo: boolean;
  skipBrowser: boolean;
  /** Run Hugo at 100k too (about 130 s and 10 GB of RAM). */
  hugo100k: boolean;
  /** Where the JSON goes (relative to the repository root unless absolute). */
  out: string;
  markdown: boolean;
  seed: number;
  /** Production builds and Hugo builds, alternating, where Hugo runs; their medians are reported. */
  rounds: number;
  /** Working folder for corpora, caches and builds. */
  cacheRoot: string;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

export const DEFAULT_SIZES = [1000, 10000, 100000];

export function parseBenchArgs(argv: string[], repoRoot: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: DEFAULT_SIZES.join(',') },
      'skip-hugo': { type: 'boolean', default: false },
      'skip-browser': { type: 'boolean', default: false },
      'hugo-100k': { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results/latest.json' },
      markdown: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '3' },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim().replace(/k$/i, '000')));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--sizes: positive integers separated by commas, got ${values.sizes}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed: an integer, got ${values.seed}`);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds: a positive integer, got ${values.rounds}`);
  return {
    sizes,
    skipHugo: values['skip-hugo'],
    skipBrowser: values['skip-browser'],
    hugo100k: values['hugo-100k'],
    out: path.resolve(repoRoot, values.out),
    markdown: values.markdown,
    seed,
    rounds,
    cacheRoot: path.join(repoRoot, '.cache', 'bench'),
  };
}
