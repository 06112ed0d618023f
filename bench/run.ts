/**
 * `npm run bench [-- --sizes 1000,10000,100000] [--skip-hugo] [--skip-browser] [--hugo-100k]
 *  [--out bench/results/latest.json] [--markdown] [--seed 1]
 *  [--rounds 3]`
 *
 * Issue 5's benchmark: for each size, a deterministic synthetic corpus (cached under
 * .cache/bench), then cold and warm data builds, data bytes, the production build, Hugo on the
 * same corpus, first-screen bytes, the dev edit loop and the production app in headless
 * Chromium. Every measurement runs in a fresh child process. Prints one table and writes JSON.
 */
import { runBench } from './lib/bench.ts';
import { REPO_ROOT } from './lib/child.ts';
import { parseBenchArgs } from './lib/options.ts';

const options = parseBenchArgs(process.argv.slice(2), REPO_ROOT);
const result = await runBench(options);
console.log('');
console.log(options.markdown ? result.markdown : result.table);
console.log('');
console.log(result.machineLine);
console.log(`JSON: ${options.out}`);
