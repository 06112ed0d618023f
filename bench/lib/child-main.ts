/**
 * Entry of the bench's child processes: `node --import tsx bench/lib/child-main.ts <task> <json>`.
 * Prints one result line (RESULT_PREFIX + JSON) on stdout.
 */
import { RESULT_PREFIX } from './child.ts';

const [task, json] = process.argv.slice(2);
const args = JSON.parse(json ?? '{}');

async function main(): Promise<unknown> {
  switch (task) {
    case 'data-build':
      return (await import('./data-build.ts')).dataBuildTask(args);
    case 'dev':
      return (await import('./dev.ts')).devTask(args);
    case 'browser':
      return (await import('./browser.ts')).browserTask(args);
    default:
      throw new Error(`unknown bench task ${task}`);
  }
}

try {
  const result = await main();
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`);
  process.exit(0);
} catch (error) {
  console.error((error as Error).stack ?? error);
  process.exit(1);
}
