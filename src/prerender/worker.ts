/**
 * A prerender worker thread. It is bundled by the prerenderer's SSR build (next to the server
 * entry), so it runs as plain JavaScript; it receives batches of article slugs (through the
 * plugin's `WorkerPool`) and answers with how many pages it wrote.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderArticleBatch, type PageContext, type ServerEntry } from './pages.ts';

export interface WorkerInit {
  /** file: URL of the built server entry. */
  serverEntry: string;
  context: PageContext;
}
/** The plugin's `WorkerPool` protocol: a first message when ready, then one reply per call. */
export type WorkerReply = { ready: true } | { id: number; result: number } | { id: number; error: string };

const init = workerData as WorkerInit;
const port = parentPort!;
const entry = (await import(init.serverEntry)) as ServerEntry;

port.on('message', ({ id, payload }: { id: number; kind: 'render'; payload: string[] }) => {
  renderArticleBatch(entry, init.context, payload).then(
    (result) => port.postMessage({ id, result } satisfies WorkerReply),
    (error: unknown) => port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply),
  );
});
port.postMessage({ ready: true } satisfies WorkerReply);
