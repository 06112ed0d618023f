import { describe, expect, it } from 'vitest';
import { median } from '../../bench/lib/bench';
import { parseBenchArgs } from '../../bench/lib/options';

describe('bench options', () => {
  it('alternates three production and Hugo builds by default, and takes --rounds', () => {
    expect(parseBenchArgs([], '/repo').rounds).toBe(3);
    expect(parseBenchArgs(['--rounds', '5'], '/repo').rounds).toBe(5);
  });

  it('refuses a round count that is not a positive integer', () => {
    expect(() => parseBenchArgs(['--rounds', '0'], '/repo')).toThrow(/--rounds/);
    expect(() => parseBenchArgs(['--rounds', '1.5'], '/repo')).toThrow(/--rounds/);
  });
});

describe('median', () => {
  it('is the middle sample, whatever the order', () => {
    expect(median([15.3, 12.1, 13.8])).toBe(13.8);
    expect(median([7])).toBe(7);
  });

  it('is the mean of the middle two for an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
