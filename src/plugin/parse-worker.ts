import { parentPort } from 'node:worker_threads';
import { parseSource } from './record.ts';

export interface ParseTask {
  file: string;
  key: string;
  bytes: Uint8Array;
}

/** Worker side of `parseInWorkers`: batches in, records out, in the same order. */
parentPort?.on('message', (batch: ParseTask[]) => {
  parentPort!.postMessage(batch.map((task) => parseSource(task.file, task.key, task.bytes)));
});
parentPort?.postMessage('ready');
