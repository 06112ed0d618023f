import { parentPort } from 'node:worker_threads';
import { emitArticles, scanFiles } from './pool-tasks.ts';

/** Worker side of `WorkerPool`: one message in, one reply out, tagged with its id. */
let known: ReadonlySet<string> = new Set();

parentPort?.on('message', async (message: { id: number; kind: string; payload: never }) => {
  try {
    let result: unknown = null;
    if (message.kind === 'known') known = new Set(message.payload as string[]);
    else if (message.kind === 'scan') result = await scanFiles(message.payload, known);
    else if (message.kind === 'emit') result = await emitArticles(message.payload);
    parentPort!.postMessage({ id: message.id, result });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
parentPort?.postMessage('ready');
