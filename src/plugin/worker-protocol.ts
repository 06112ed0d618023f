import { parentPort } from 'node:worker_threads';

/**
 * The one message protocol between a `WorkerPool` and its worker threads. A worker serves a set
 * of named tasks (`TaskSet`): it posts `READY` once loaded, then answers each request with the
 * task's result or its error, tagged with the request's id. Both sides are typed by the same
 * task set, so a pool can only send a task its workers serve, with that task's input.
 */
export type TaskSet = Record<string, (input: never) => unknown>;

export type TaskInput<T extends TaskSet, K extends keyof T> = Parameters<T[K]>[0];
export type TaskResult<T extends TaskSet, K extends keyof T> = Awaited<ReturnType<T[K]>>;

export interface TaskRequest {
  id: number;
  kind: string;
  payload: unknown;
}

export type TaskReply = { id: number; result: unknown } | { id: number; error: string };

export const READY = 'ready';

/** Runs in a worker thread: serves `tasks` to the pool that started it. */
export function serveTasks(tasks: TaskSet): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  port.on('message', async ({ id, kind, payload }: TaskRequest) => {
    try {
      const task = tasks[kind];
      if (!task) throw new Error(`worker: no task named ${kind}`);
      port.postMessage({ id, result: await task(payload as never) } satisfies TaskReply);
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies TaskReply);
    }
  });
  port.postMessage(READY);
}
