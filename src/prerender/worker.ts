/**
 * A prerender worker thread. It is bundled by the prerenderer's SSR build (next to the server
 * entry), so it runs as plain JavaScript. It starts early in the build (loading React while the
 * app is bundled), receives the page context once the client build's index.html exists, then
 * batches of article slugs (through the plugin's `WorkerPool`), and answers with how many pages
 * it wrote.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderArticleBatch, type PageContext, type ServerEntry } from './pages.ts';

export interface WorkerInit {
  /** file: URL of the built server entry. */
  serverEntry: string;
}
/** The plugin's `WorkerPool` protocol: a first message when ready, then one reply per call. */
export type WorkerReply = { ready: true } | { id: number; result: number } | { id: number; error: string };

const init = workerData as WorkerInit;
const port = parentPort!;
const entry = (await import(init.serverEntry)) as ServerEntry;

let context: PageContext | undefined;

type Message = { id: number; kind: 'context'; payload: PageContext } | { id: number; kind: 'render'; payload: string[] };

port.on('message', (message: Message) => {
  const { id } = message;
  if (message.kind === 'context') {
    context = message.payload;
    port.postMessage({ id, result: 0 } satisfies WorkerReply);
    return;
  }
  if (!context) {
    port.postMessage({ id, error: 'prerender worker: render before context' } satisfies WorkerReply);
    return;
  }
  renderArticleBatch(entry, context, message.payload).then(
    (result) => port.postMessage({ id, result } satisfies WorkerReply),
    (error: unknown) => port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply),
  );
});
port.postMessage({ ready: true } satisfies WorkerReply);
