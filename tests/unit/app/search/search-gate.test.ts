import { describe, expect, it } from 'vitest';
import type { PagefindApi, PagefindResponse } from '../../../../src/app/features/search/api/pagefind-types';
import { SearchGate } from '../../../../src/app/features/search/api/search-gate';

/** A task that records its start and finishes when told. */
function task(name: string, started: string[]) {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = () => resolve(name);
    fail = reject;
  });
  return {
    run: () => {
      started.push(name);
      return done;
    },
    finish: () => finish(),
    fail: (error: Error) => fail(error),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SearchGate', () => {
  it('runs one task at a time, in the order asked', async () => {
    const gate = new SearchGate();
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => task(n, started));
    const results = [gate.run(a!.run), gate.run(b!.run), gate.run(c!.run)];
    await settle();
    expect(started).toEqual(['a']);
    a!.finish();
    await settle();
    expect(started).toEqual(['a', 'b']);
    b!.finish();
    c!.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('drops a waiting task whose signal aborted before its turn, and runs the ones after it', async () => {
    const gate = new SearchGate();
    const started: string[] = [];
    const [d, de, deep] = ['d', 'de', 'deep'].map((n) => task(n, started));
    const left = new AbortController();
    const first = gate.run(d!.run);
    const dropped = gate.run(de!.run, left.signal);
    const last = gate.run(deep!.run, new AbortController().signal);
    left.abort();
    d!.finish();
    await expect(dropped).rejects.toMatchObject({ name: 'AbortError' });
    deep!.finish();
    expect([await first, await last]).toEqual(['d', 'deep']);
    expect(started).toEqual(['d', 'deep']);
  });

  it('a failed task does not hold up the next', async () => {
    const gate = new SearchGate();
    const started: string[] = [];
    const [a, b] = ['a', 'b'].map((n) => task(n, started));
    const failed = gate.run(a!.run);
    const next = gate.run(b!.run);
    a!.fail(new Error('index chunk failed to load'));
    await expect(failed).rejects.toThrow('index chunk failed to load');
    b!.finish();
    expect(await next).toBe('b');
  });

  it('puts only searches through the gate', async () => {
    const gate = new SearchGate();
    const asked: (string | null)[] = [];
    const response: PagefindResponse = { results: [], filters: {} };
    const pagefind: PagefindApi = {
      options: async () => undefined,
      init: async () => undefined,
      preload: async () => undefined,
      search: async (term) => {
        asked.push(term);
        return response;
      },
    };
    const left = new AbortController();
    left.abort();
    await expect(gate.searches(pagefind, left.signal).search('police')).rejects.toMatchObject({ name: 'AbortError' });
    expect(asked).toEqual([]);
    expect(await gate.searches(pagefind).search('police', { filters: {} })).toBe(response);
    expect(asked).toEqual(['police']);
    expect(gate.searches(pagefind).init).toBe(pagefind.init);
  });
});
