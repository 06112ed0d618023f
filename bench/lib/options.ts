import path from 'node:path';
import { parseArgs } from 'node:util';
import { CORPUS_STYLES, type CorpusStyle } from '../generate/corpus.ts';

export interface BenchOptions {
  sizes: number[];
  /** Generator styles measured at every size (`bench/generate --style`). */
  styles: CorpusStyle[];
  skipHugo: boolean;
  skipBrowser: boolean;
  /** Run Hugo at 100k too (about 130 s and 10 GB of RAM). */
  hugo100k: boolean;
  /** The real corpus measured by the build rows, or undefined for none (`--skip-real`). */
  realCorpus?: string;
  /** Where the JSON goes (relative to the repository root unless absolute). */
  out: string;
  markdown: boolean;
  seed: number;
  /**
   * Production builds and Hugo builds, alternating, where Hugo runs; their medians are reported.
   * Warm and one-change builds run as many times.
   */
  rounds: number;
  /** Working folder for corpora, caches and builds. */
  cacheRoot: string;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

export const DEFAULT_SIZES = [1000, 10000, 100000];
/** The real Smartable news files (see ../shared/corpus/README.md), beside the repository. */
export const DEFAULT_REAL_CORPUS = path.join('..', 'shared', 'corpus', 'smartable-power-apps-site', '_news');

export function parseBenchArgs(argv: string[], repoRoot: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: DEFAULT_SIZES.join(',') },
      styles: { type: 'string', default: CORPUS_STYLES.join(',') },
      'skip-hugo': { type: 'boolean', default: false },
      'skip-browser': { type: 'boolean', default: false },
      'skip-real': { type: 'boolean', default: false },
      real: { type: 'string', default: DEFAULT_REAL_CORPUS },
      'hugo-100k': { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results/latest.json' },
      markdown: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '3' },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim().replace(/k$/i, '000')));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--sizes: positive integers separated by commas, got ${values.sizes}`);
  const styles = values.styles.split(',').map((s) => s.trim());
  const unknown = styles.filter((s) => !(CORPUS_STYLES as readonly string[]).includes(s));
  if (unknown.length || styles.length === 0) throw new Error(`--styles: ${CORPUS_STYLES.join(' and/or ')} separated by commas, got ${values.styles}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed: an integer, got ${values.seed}`);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds: a positive integer, got ${values.rounds}`);
  return {
    sizes,
    styles: [...new Set(styles)] as CorpusStyle[],
    skipHugo: values['skip-hugo'],
    skipBrowser: values['skip-browser'],
    hugo100k: values['hugo-100k'],
    ...(values['skip-real'] ? {} : { realCorpus: path.resolve(repoRoot, values.real) }),
    out: path.resolve(repoRoot, values.out),
    markdown: values.markdown,
    seed,
    rounds,
    cacheRoot: path.join(repoRoot, '.cache', 'bench'),
  };
}
