import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParseTask } from './parse-worker.ts';
import { parseSource, type ParseOutput } from './record.ts';

const BATCH = 200;

/**
 * The worker module is TypeScript; tsx's loader compiles it inside the worker, so the plugin
 * runs the same from `vite.config.ts`, from tsx scripts and from Vitest.
 */
function workerSource(): string | undefined {
  const entry = new URL('./parse-worker.ts', import.meta.url);
  if (entry.protocol !== 'file:' || !existsSync(fileURLToPath(entry))) return undefined;
  let api: string;
  try {
    // The ESM build of tsx's API (the CommonJS one cannot register hooks from an eval worker).
    const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    api = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  } catch {
    return undefined;
  }
  return `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}));`;
}

function startWorker(source: string): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true });
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  });
}

function run(worker: Worker, batch: ParseTask[]): Promise<ParseOutput[]> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('message', (records: ParseOutput[]) => {
      worker.off('error', onError);
      resolve(records);
    });
    worker.postMessage(batch);
  });
}

/**
 * Parses files on every core: the main thread takes batches too, so nothing idles while the
 * workers start. Falls back to the main thread alone when workers cannot start.
 */
export async function parseInWorkers(tasks: readonly ParseTask[]): Promise<ParseOutput[]> {
  const source = workerSource();
  const results = new Array<ParseOutput>(tasks.length);
  let next = 0;
  const take = () => {
    const start = next;
    next = Math.min(tasks.length, next + BATCH);
    return start;
  };
  const workerCount = source ? Math.max(1, Math.min(availableParallelism() - 1, 7)) : 0;
  const workers: Worker[] = [];

  const mainLoop = async () => {
    while (next < tasks.length) {
      const start = take();
      for (let i = start; i < next; i++) results[i] = parseSource(tasks[i]!.file, tasks[i]!.key, tasks[i]!.bytes);
      // Let worker messages through between batches.
      await new Promise((r) => setImmediate(r));
    }
  };
  const workerLoop = async () => {
    let worker: Worker;
    try {
      worker = await startWorker(source!);
    } catch {
      return;
    }
    workers.push(worker);
    while (next < tasks.length) {
      const start = take();
      const end = next;
      const records = await run(worker, tasks.slice(start, end) as ParseTask[]);
      records.forEach((record, i) => (results[start + i] = record));
    }
  };
  try {
    await Promise.all([mainLoop(), ...Array.from({ length: workerCount }, workerLoop)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
