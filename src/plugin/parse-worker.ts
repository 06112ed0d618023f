import { parentPort } from 'node:worker_threads';
import { parseFile } from './parse.ts';

export interface ParseTask {
  file: string;
  bytes: Uint8Array;
}

/** Worker side of `parseInWorkers`: batches in, records out, in the same order. */
parentPort?.on('message', (batch: ParseTask[]) => {
  parentPort!.postMessage(batch.map((task) => parseFile(task.file, task.bytes)));
});
parentPort?.postMessage('ready');
