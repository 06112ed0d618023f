import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NewsBuild } from './build-result.ts';

/** What the dev server serves from: the last good build, and why the latest attempt failed. */
export interface DevState {
  build?: NewsBuild;
  error?: Error;
}

export interface DevBuildsHooks {
  /** Builds the content; `changed` limits reading to those files (a watcher's burst). */
  run(changed?: string[]): Promise<NewsBuild>;
  /** A build failed (once per distinct message): log it, show it on the page. */
  onFailure(error: Error): void;
  /** The content folder is there again after it was missing, before the rebuild reads it. */
  onFolderBack(): void;
  /** A build succeeded after a failure. */
  onRecovered(): void;
  /** A rebuild (not the first build) succeeded: the page should refetch. */
  onUpdated(): void;
}

/**
 * The dev server's builds, one after another. A failed build never poisons the ones after it:
 * the last good build stays served, and the next change (or, when the content folder itself is
 * gone, a bounded poll for it) tries again, in full, since the failed one may have missed files.
 */
export class DevBuilds {
  private last?: NewsBuild;
  private failure?: Error;
  private queue: Promise<void>;
  private poll?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly hooks: DevBuildsHooks,
    /** How often a missing content folder is looked for. */
    private readonly pollMs = 1000,
  ) {
    this.queue = this.attempt(undefined, false);
  }

  /** Queues a rebuild; settles when it ran (it never rejects). */
  rebuild(changed?: string[]): Promise<void> {
    this.queue = this.queue.then(() => this.attempt(this.failure ? undefined : changed, true));
    return this.queue;
  }

  /** The state once every queued build ran. */
  async current(): Promise<DevState> {
    await this.queue;
    return { ...(this.last ? { build: this.last } : {}), ...(this.failure ? { error: this.failure } : {}) };
  }

  /** The error of the latest build, if it failed (for pages that connect meanwhile). */
  get error(): Error | undefined {
    return this.failure;
  }

  close(): void {
    this.closed = true;
    clearInterval(this.poll);
    this.poll = undefined;
  }

  private async attempt(changed: string[] | undefined, isRebuild: boolean): Promise<void> {
    if (this.closed) return;
    try {
      this.last = await this.hooks.run(changed);
      const recovered = this.failure !== undefined;
      this.failure = undefined;
      if (recovered) this.hooks.onRecovered();
      if (isRebuild || recovered) this.hooks.onUpdated();
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      const repeated = this.failure?.message === error.message;
      this.failure = error;
      if (!repeated) this.hooks.onFailure(error);
      if (!(await isFolder(this.dir))) this.watchForFolder();
    }
  }

  /** One stat a period, only while the folder is missing: it may come back (a checkout, a move). */
  private watchForFolder(): void {
    if (this.poll || this.closed) return;
    let checking = false;
    this.poll = setInterval(() => {
      if (checking) return;
      checking = true;
      void isFolder(this.dir).then((back) => {
        checking = false;
        if (!back || !this.poll) return;
        clearInterval(this.poll);
        this.poll = undefined;
        this.hooks.onFolderBack();
        void this.rebuild();
      });
    }, this.pollMs);
    this.poll.unref();
  }
}

async function isFolder(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Serves `<base>data/…` from the current build. Bad input is answered, never thrown: a
 * malformed percent-encoding gets 400, a path with no file 404, no build at all 503 with why.
 */
export function dataMiddleware(base: string, current: () => Promise<DevState>) {
  const prefix = `${base}data/`;
  return async (req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> => {
    const url = req.url?.split('?')[0] ?? '';
    if (!url.startsWith(prefix)) return next();
    const send = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
      res.statusCode = status;
      res.setHeader('Content-Type', type);
      res.setHeader('Cache-Control', 'no-store');
      res.end(body);
    };
    let dataPath: string;
    try {
      dataPath = decodeURI(url.slice(base.length));
    } catch {
      return send(400, `Bad request: malformed percent-encoding in ${url}`);
    }
    try {
      const { build, error } = await current();
      if (!build) return send(503, `news: no content to serve: ${error?.message ?? 'the first build has not finished'}`);
      const json = await build.dataFile(dataPath);
      if (json === undefined) return send(404, 'Not found');
      send(200, json, 'application/json; charset=utf-8');
    } catch (error) {
      send(500, `news: could not read ${dataPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
