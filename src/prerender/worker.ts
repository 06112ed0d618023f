/**
 * A prerender worker thread. It is bundled by the prerenderer's SSR build (next to the server
 * entry), so it runs as plain JavaScript; it receives batches of article slugs and answers with
 * how many pages it wrote.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderArticleBatch, type PageContext, type ServerEntry } from './pages.ts';

export interface WorkerInit {
  /** file: URL of the built server entry. */
  serverEntry: string;
  context: PageContext;
}
export type WorkerReply = { ready: true } | { id: number; done: number } | { id: number; error: string };

const init = workerData as WorkerInit;
const port = parentPort!;
const entry = (await import(init.serverEntry)) as ServerEntry;

port.on('message', ({ id, slugs }: { id: number; slugs: string[] }) => {
  renderArticleBatch(entry, init.context, slugs).then(
    (done) => port.postMessage({ id, done } satisfies WorkerReply),
    (error: unknown) => port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply),
  );
});
port.postMessage({ ready: true } satisfies WorkerReply);
