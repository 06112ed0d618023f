/**
 * A prerender worker thread. It is bundled by the prerenderer's SSR build (next to the server
 * entry), so it runs as plain JavaScript. It starts while the data files are written (loading
 * React meanwhile), receives the page context, then batches of article slugs (through the
 * plugin's `WorkerPool`, worker-protocol.ts), and answers with how many pages it wrote.
 */
import { workerData } from 'node:worker_threads';
import { serveTasks } from '../plugin/worker-protocol.ts';
import { renderArticleBatch, type PageContext, type ServerEntry } from './pages.ts';

export interface WorkerInit {
  /** file: URL of the built server entry. */
  serverEntry: string;
}

const init = workerData as WorkerInit;
const entry = (await import(init.serverEntry)) as ServerEntry;

let context: PageContext | undefined;

export const renderTasks = {
  /** What every page shares (the template, the site, the index); sent once. */
  context: (ctx: PageContext) => void (context = ctx),
  /** Renders and writes these articles' pages; answers how many. */
  render: (slugs: string[]) => {
    if (!context) throw new Error('prerender worker: render before context');
    return renderArticleBatch(entry, context, slugs);
  },
};
export type RenderTasks = typeof renderTasks;

serveTasks(renderTasks);
