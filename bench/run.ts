/**
 * `npm run bench [-- --sizes 1000,10000,100000] [--styles plain,varied] [--skip-hugo]
 *  [--skip-browser] [--skip-real] [--real ../shared/corpus/smartable-power-apps-site/_news]
 *  [--hugo-100k] [--out bench/results/latest.json] [--markdown] [--seed 1] [--rounds 3]`
 *
 * Issues 5 and 16's benchmark: for each size and generator style, a deterministic synthetic
 * corpus (cached under .cache/bench), and the real corpus: cold `vite build` alternating with
 * Hugo on the same corpus (wall and CPU), warm `vite build` with nothing changed and with one
 * title changed, cold and warm data builds, data bytes, first-screen bytes, the dev edit loop
 * and the production app in headless Chromium (plain style only). Every measurement runs in a
 * fresh child process. Prints one table and writes JSON.
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
