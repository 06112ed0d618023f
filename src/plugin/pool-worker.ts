import { serveTasks } from './worker-protocol.ts';
import { emitArticles, scanFiles } from './pool-tasks.ts';

/** The pipeline's worker thread: parses (`scan`) and writes article files (`emit`). */
let known: ReadonlySet<string> = new Set();

export const pipelineTasks = {
  /** The content keys the main thread already has records for: those files are not parsed. */
  known: (keys: string[]) => void (known = new Set(keys)),
  scan: (input: Parameters<typeof scanFiles>[0]) => scanFiles(input, known),
  emit: emitArticles,
};
export type PipelineTasks = typeof pipelineTasks;

serveTasks(pipelineTasks);
