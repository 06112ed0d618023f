/**
 * Usage: npx tsx bench/generate/cli.ts --size 10000 --out /tmp/corpus-10k [--seed 1] [--style plain|varied]
 * Writes a deterministic synthetic Smartable corpus and prints files, bytes and time.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CORPUS_STYLES, generateCorpus, type CorpusStyle } from './corpus';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    style: { type: 'string', default: 'plain' },
  },
});

const size = Number(values.size);
const seed = Number(values.seed);
const style = values.style as CorpusStyle;
if (!values.out || !CORPUS_STYLES.includes(style) || !Number.isInteger(size) || size < 0 || !Number.isInteger(seed)) {
  console.error('usage: tsx bench/generate/cli.ts --size <n> --out <dir> [--seed <int>] [--style plain|varied]');
  process.exit(2);
}

const out = path.resolve(values.out);
const t0 = performance.now();
const { files, bytes } = await generateCorpus(out, size, seed, style);
const ms = performance.now() - t0;
console.log(
  `${files} files, ${bytes} bytes (${(bytes / 1048576).toFixed(1)} MiB, avg ${(bytes / Math.max(files, 1) / 1024).toFixed(1)} KiB) ` +
    `in ${(ms / 1000).toFixed(2)} s -> ${out}`,
);
