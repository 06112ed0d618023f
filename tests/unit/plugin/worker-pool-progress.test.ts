import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../src/plugin/worker-pool.ts';

describe('WorkerPool.mapBatches progress', () => {
  it('reports the items done after each batch, and the total', async () => {
    // No workers: the main thread does every batch, in order.
    const pool = new WorkerPool<{ double: (numbers: number[]) => number[] }>(0);
    const calls: [number, number][] = [];
    const results = await pool.mapBatches(
      'double',
      [1, 2, 3, 4, 5],
      2,
      async (batch) => batch.map((n) => n * 2),
      (batch) => batch,
      undefined,
      undefined,
      (done, total) => calls.push([done, total]),
    );
    await pool.close();
    expect(results).toEqual([[2, 4], [6, 8], [10]]);
    expect(calls).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });
});
