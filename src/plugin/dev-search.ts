import type { IncomingMessage, ServerResponse } from 'node:http';
import { SEARCH_BUNDLE_DIR } from '../contract/search.ts';
import type { NewsBuild } from './build-result.ts';
import { searchBundle } from './search-index.ts';

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', json: 'application/json; charset=utf-8' };

/**
 * The dev server's search bundle, in memory. Nothing is indexed until the first request for it
 * (a search opened in the page): Pagefind cannot update an index, so every content build is
 * indexed again in full, which at 100k articles takes minutes and gigabytes that an editing
 * session that never searches should not pay. From then on each content build is indexed;
 * builds that arrive while one is indexed are coalesced (only the newest is indexed next).
 * Until the first index exists, requests wait for it.
 */
export class DevSearchIndex {
  private files?: Map<string, Uint8Array>;
  private ready: Promise<void>;
  private resolveReady!: () => void;
  private running = false;
  /** The newest content build not indexed yet. */
  private next?: NewsBuild;
  /** Whether the page has asked for the index (from then on every build is indexed). */
  private wanted = false;
  private closed = false;

  constructor(
    private readonly log: (line: string) => void,
    private readonly warn: (line: string) => void,
  ) {
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
  }

  /** Indexes `build` (after the one being indexed, if any) once the index is wanted. */
  update(build: NewsBuild): void {
    this.next = build;
    this.start();
  }

  private start(): void {
    if (this.wanted && !this.running && this.next) void this.drain();
  }

  close(): void {
    this.closed = true;
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.next && !this.closed) {
      const build = this.next;
      this.next = undefined;
      const started = performance.now();
      try {
        const files = await searchBundle(build);
        this.files = new Map(files.map((f) => [f.path, f.content]));
        this.log(`search: indexed ${build.articles.length} articles in ${Math.round(performance.now() - started)} ms`);
      } catch (error) {
        // The last index stays served: search is stale, not gone.
        this.warn(`search: indexing failed (${error instanceof Error ? error.message : String(error)}); the last index is served`);
      }
      this.resolveReady();
    }
    this.running = false;
  }

  /** Serves `<base>pagefind/…` from the latest index. */
  middleware(base: string) {
    const prefix = `${base}${SEARCH_BUNDLE_DIR}/`;
    return async (req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> => {
      const url = req.url?.split('?')[0] ?? '';
      if (!url.startsWith(prefix)) return next();
      if (!this.wanted) {
        this.wanted = true;
        if (this.next) this.log(`search: indexing ${this.next.articles.length} articles for the first search request`);
        this.start();
      }
      await this.ready;
      const name = url.slice(prefix.length);
      const body = this.files?.get(name);
      res.setHeader('Cache-Control', 'no-store');
      if (!body) {
        res.statusCode = this.files ? 404 : 503;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(this.files ? 'Not found' : 'search: the index could not be built; see the dev server log');
        return;
      }
      res.statusCode = 200;
      res.setHeader('Content-Type', TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream');
      res.end(body);
    };
  }
}
