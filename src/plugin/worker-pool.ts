import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { PipelineTasks } from './pool-worker.ts';
import type { TaskInput, TaskReply, TaskRequest, TaskResult, TaskSet } from './worker-protocol.ts';

/**
 * The worker module is TypeScript. It is bundled (esbuild) into one CommonJS file that starts in
 * a few milliseconds; compiling it inside each worker with tsx's loader takes about half a
 * second, which is kept only as a fallback. The bundle is kept in the temporary folder with a
 * list of the source files it was made from and their hashes: while none of them changed, the
 * next build reuses it instead of running esbuild, which took 150–270 ms of the main thread at
 * the start of every build, before anything else could run.
 */
function workerScript(): { file: string } | { source: string } | undefined {
  const entry = new URL('./pool-worker.ts', import.meta.url);
  if (entry.protocol !== 'file:' || !existsSync(fileURLToPath(entry))) return undefined;
  const entryPath = fileURLToPath(entry);
  const manifest = path.join(tmpdir(), `smartable-news-worker-${createHash('sha1').update(entryPath).digest('hex').slice(0, 16)}.json`);
  const kept = keptBundle(manifest);
  if (kept) return { file: kept };
  try {
    const result = buildSync({
      entryPoints: [entryPath],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const code = result.outputFiles[0]!.text;
    const file = path.join(tmpdir(), `smartable-news-worker-${createHash('sha1').update(code).digest('hex').slice(0, 16)}.cjs`);
    if (!existsSync(file)) writeAtomically(file, code);
    const cwd = process.cwd();
    const inputs = Object.keys(result.metafile!.inputs).map((input) => path.resolve(cwd, input));
    writeAtomically(manifest, JSON.stringify({ file, inputs: Object.fromEntries(inputs.map((input) => [input, fileHash(input)])) } satisfies BundleManifest));
    return { file };
  } catch {
    // No esbuild: compile in the worker instead.
  }
  try {
    // The ESM build of tsx's API (the CommonJS one cannot register hooks from an eval worker).
    const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    const api = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
    return { source: `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}));` };
  } catch {
    return undefined;
  }
}

/** What a kept worker bundle was made from: each source file's hash (undefined: unreadable). */
export interface BundleManifest {
  file: string;
  inputs: Record<string, string | undefined>;
}

function fileHash(file: string): string | undefined {
  try {
    return createHash('sha1').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}

/** The kept bundle, when it exists and every source file it was made from is unchanged. */
export function keptBundle(manifestFile: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BundleManifest;
    const inputs = Object.entries(manifest.inputs);
    if (inputs.length === 0 || !existsSync(manifest.file)) return undefined;
    return inputs.every(([input, hash]) => hash !== undefined && fileHash(input) === hash) ? manifest.file : undefined;
  } catch {
    return undefined;
  }
}

function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.${process.pid}`, text);
  renameSync(`${file}.${process.pid}`, file);
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

class PoolWorker<T extends TaskSet> {
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  constructor(private readonly worker: Worker) {
    worker.on('message', (message: TaskReply) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) this.worker.unref();
      if ('error' in message) waiting.reject(new Error(message.error));
      else waiting.resolve(message.result);
    });
    worker.on('error', (error) => {
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    });
    // Idle workers must not keep a build or a test process alive; busy ones must.
    worker.unref();
  }
  call<K extends keyof T & string>(kind: K, payload: TaskInput<T, K>): Promise<TaskResult<T, K>> {
    const id = this.nextId++;
    return new Promise<TaskResult<T, K>>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, kind, payload } satisfies TaskRequest);
    });
  }
  terminate() {
    return this.worker.terminate();
  }
}

/**
 * Worker threads for the heavy steps, used together with the main thread: `map` hands out
 * batches to whoever is free, main thread included, so every core works and nothing waits on
 * a worker that is still starting.
 */
export class WorkerPool<T extends TaskSet = PipelineTasks> {
  private readonly workers: Promise<PoolWorker<T> | undefined>[];

  /**
   * `custom` is another worker serving tasks `T` (the prerenderer's); by default the pipeline's
   * own worker (`pool-worker.ts`). Both speak worker-protocol.ts.
   */
  constructor(size = Math.max(1, Math.min(availableParallelism() - 1, 7)), custom?: { file: string; workerData?: unknown }) {
    const script = custom ?? workerScript();
    this.workers = Array.from(
      { length: script ? size : 0 },
      () =>
        new Promise<PoolWorker<T> | undefined>((resolve) => {
          const worker = script && 'file' in script ? new Worker(script.file, { workerData: custom?.workerData }) : new Worker(script!.source, { eval: true });
          worker.once('message', () => resolve(new PoolWorker<T>(worker)));
          // A worker that cannot start leaves the work to the others and the main thread.
          worker.once('error', () => resolve(undefined));
        }),
    );
  }

  /** Sends the same message to every worker (e.g. the set of already known keys). */
  async broadcast<K extends keyof T & string>(kind: K, payload: TaskInput<T, K>): Promise<void> {
    await Promise.all(this.workers.map(async (w) => (await w)?.call(kind, payload)));
  }

  /**
   * Runs `kind` over `items` in batches, on the workers and on the main thread (`local` is the
   * main thread's implementation of the same task, `payload` what a worker is sent for a
   * batch). Returns each batch's result, in input order.
   */
  async mapBatches<K extends keyof T & string, I>(
    kind: K,
    items: readonly I[],
    batchSize: number,
    local: (batch: I[]) => Promise<TaskResult<T, K>>,
    payload: (batch: I[]) => TaskInput<T, K>,
    /** The main thread joins in once this settles (it may have other work first); false: never. */
    mainReady: Promise<unknown> | false = Promise.resolve(),
    /**
     * Batches queued at each worker. Two keep a worker busy while the main thread hands out the
     * next; more when the main thread has long synchronous work of its own meanwhile.
     */
    inFlight = 2,
    /** Called after each batch with the items done so far and the total (a progress display). */
    onProgress?: (done: number, total: number) => void,
  ): Promise<TaskResult<T, K>[]> {
    type R = TaskResult<T, K>;
    const results: R[] = [];
    let done = 0;
    let next = 0;
    let batchIndex = 0;
    const take = (): [number, I[]] | undefined => {
      if (next >= items.length) return undefined;
      const start = next;
      next = Math.min(items.length, next + batchSize);
      return [batchIndex++, items.slice(start, next)];
    };
    const drain = async (run: (batch: I[]) => Promise<R>) => {
      for (let job = take(); job; job = take()) {
        const [index, batch] = job;
        results[index] = await run(batch);
        done += batch.length;
        onProgress?.(done, items.length);
      }
    };
    await Promise.all([
      // Between its batches the main thread yields, so worker replies and starts get through.
      mainReady &&
        mainReady.then(() =>
          drain(async (batch) => {
            const result = await local(batch);
            await nextTurn();
            return result;
          }),
        ),
      // Several batches in flight per worker: the next one is already queued when a worker
      // finishes, instead of waiting for the busy main thread to hand it out.
      ...this.workers.flatMap((starting) =>
        Array.from({ length: inFlight }, async () => {
          const worker = await starting;
          if (worker) await drain((batch) => worker.call(kind, payload(batch)));
        }),
      ),
    ]);
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(async (w) => (await w)?.terminate()));
  }
}
