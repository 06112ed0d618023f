import type { PagefindApi } from './pagefind-types';

/**
 * Lets one Pagefind search run at a time, in the order asked, and drops a waiting one whose
 * view was left before its turn came. Pagefind runs searches one after another anyway, and one
 * over a large index can take seconds (it scores every matching page): without the gate, typing
 * "deep" while "d" runs queues "de" and "dee" in front of "deep", each as slow.
 */
export class SearchGate {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task asked for before it; rejects without running it if `signal` aborted meanwhile. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const turn = this.tail.then(() => {
      signal?.throwIfAborted();
      return task();
    });
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** `pagefind` with every search through this gate, for a run that `signal` cancels. */
  searches(pagefind: PagefindApi, signal?: AbortSignal): PagefindApi {
    return { ...pagefind, search: (term, options) => this.run(() => pagefind.search(term, options), signal) };
  }
}
