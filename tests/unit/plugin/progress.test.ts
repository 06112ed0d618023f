import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../src/plugin/progress.ts';

function fakes(isTTY: boolean) {
  let t = 0;
  const written: string[] = [];
  return {
    clock: { now: () => t, at: (ms: number) => (t = ms) },
    stream: { isTTY, write: (text: string) => written.push(text) },
    written,
  };
}

describe('progress reporter', () => {
  it('on a terminal rewrites one line, throttled, after two seconds, and clears it at the end', () => {
    const { clock, stream, written } = fakes(true);
    const progress = createProgress('news: parsed', 'files', { stream, now: clock.now });
    clock.at(1000);
    progress.update(100, 10000);
    expect(written).toEqual([]);
    clock.at(2000);
    progress.update(2000, 10000);
    clock.at(2050);
    progress.update(2100, 10000);
    clock.at(2500);
    progress.update(5000, 10000);
    progress.finish();
    expect(written).toEqual(['\rnews: parsed 2,000/10,000 files (20%, 1,000/s)\x1b[K', '\rnews: parsed 5,000/10,000 files (50%, 2,000/s)\x1b[K', '\r\x1b[K']);
  });

  it('elsewhere prints a plain line every five seconds and nothing at the end', () => {
    const { clock, stream, written } = fakes(false);
    const progress = createProgress('prerender: rendered', 'article pages', { stream, now: clock.now });
    for (const [ms, done] of [
      [2000, 400],
      [4000, 800],
      [6999, 1000],
      [7000, 1400],
      [8000, 1600],
    ] as const) {
      clock.at(ms);
      progress.update(done, 1600);
    }
    progress.finish();
    expect(written).toEqual(['prerender: rendered 400/1,600 article pages (25%, 200/s)\n', 'prerender: rendered 1,400/1,600 article pages (87%, 200/s)\n']);
  });

  it('says nothing for short work or when quiet', () => {
    const short = fakes(true);
    const quick = createProgress('x', 'files', { stream: short.stream, now: short.clock.now });
    short.clock.at(1999);
    quick.update(10, 10);
    quick.finish();
    expect(short.written).toEqual([]);

    const long = fakes(true);
    const quiet = createProgress('x', 'files', { stream: long.stream, now: long.clock.now, quiet: true });
    long.clock.at(60_000);
    quiet.update(5, 10);
    quiet.finish();
    expect(long.written).toEqual([]);
  });
});
