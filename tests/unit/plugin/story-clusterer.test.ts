/**
 * Issue 18's incremental clustering: a `StoryClusterer` that saw one corpus and is given an
 * edited one gives exactly what clustering the edited corpus from scratch gives, and clusters
 * again only the components the edit touches.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/generate/corpus';
import { NewsPipeline, storyInputs } from '../../../src/plugin/pipeline';
import type { StoryInput } from '../../../src/plugin/stories/cluster';
import { clusterStories, StoryClusterer } from '../../../src/plugin/stories/clusterer';
import { bucketed, termWeight } from '../../../src/plugin/stories/idf';
import { sharedCorpusDir } from '../../support/shared-corpus';

const ROOT = path.resolve(__dirname, '../../..');

async function inputsOf(dir: string): Promise<StoryInput[]> {
  const pipeline = new NewsPipeline({ dir });
  try {
    return storyInputs(await pipeline.build());
  } finally {
    await pipeline.close();
  }
}

/** A deterministic sequence of edits of every kind: headline, removal, re-adding, time, related items, a new citation. */
function* edits(start: readonly StoryInput[], rounds: number): Generator<StoryInput[]> {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  let current = start.slice();
  const removed: StoryInput[] = [];
  for (let round = 0; round < rounds; round++) {
    const edited = current.slice();
    const i = next(edited.length);
    const x = edited[i]!;
    const y = edited[next(edited.length)]!;
    switch (round % 6) {
      case 0: {
        const { terms: _terms, ...rest } = x;
        edited[i] = { ...rest, title: `${x.title} update`, titleKey: `${x.titleKey} update` };
        break;
      }
      case 1:
        removed.push(x);
        edited.splice(i, 1);
        break;
      case 2:
        if (removed.length > 0) edited.push(removed.pop()!);
        break;
      case 3:
        if (x.publishedAt) edited[i] = { ...x, publishedAt: new Date(Date.parse(x.publishedAt) + 30 * 3_600_000).toISOString() };
        break;
      case 4:
        edited[i] = { ...x, relatedKeys: [...x.relatedKeys, ...y.relatedKeys] };
        break;
      default:
        edited[i] = { ...x, cites: [...x.cites, y.slug], relatedKeys: [...x.relatedKeys, [`slug:${y.slug}`]] };
    }
    current = edited;
    yield edited;
  }
}

describe('StoryClusterer', () => {
  let work: string;
  const corpora: Record<string, StoryInput[]> = {};
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'clusterer-'));
    await generateCorpus(path.join(work, 'generated'), 1000, 3, 'varied');
    corpora.seeds = await inputsOf(path.join(ROOT, 'seeds'));
    corpora.real = await inputsOf(sharedCorpusDir());
    corpora.generated = await inputsOf(path.join(work, 'generated'));
  }, 60_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  for (const name of ['seeds', 'real', 'generated']) {
    it(`${name}: after each of 30 edits, what it gives equals clustering from scratch`, () => {
      const clusterer = new StoryClusterer();
      expect(clusterer.cluster(corpora[name]!)).toEqual(clusterStories(corpora[name]!));
      let incremental = 0;
      for (const corpus of edits(corpora[name]!, 30)) {
        expect(clusterer.cluster(corpus)).toEqual(clusterStories(corpus));
        if (!clusterer.last!.full) incremental++;
      }
      // The seeds' 4 articles cross a size bucket when one goes; the larger corpora never do.
      expect(incremental).toBeGreaterThan(name === 'seeds' ? 10 : 29);
    });
  }

  it("on the seeds, an edit of 004 (alone in its story) clusters 004 only; of 002, 001's and 002's story", () => {
    const seeds = corpora.seeds!;
    const clusterer = new StoryClusterer();
    const before = clusterer.cluster(seeds);
    const edit = (corpus: StoryInput[], slugStart: string) => corpus.map((s) => (s.slug.startsWith(slugStart) ? { ...s, title: `${s.title} (updated)` } : s));
    const edited004 = edit(seeds, 'microsofts-ban');
    expect(clusterer.cluster(edited004)).toEqual(before);
    expect(clusterer.last).toEqual({ full: false, changed: 1, reclustered: 1 });
    const edited002 = edit(edited004, 'now-microsoft-is-banning');
    expect(clusterer.cluster(edited002)).toEqual(clusterStories(edited002));
    // 002's component: 001 and 002.
    expect(clusterer.last).toEqual({ full: false, changed: 1, reclustered: 2 });
    // Nothing changed: nothing is clustered.
    clusterer.cluster(edited002);
    expect(clusterer.last).toEqual({ full: false, changed: 0, reclustered: 0 });
  });

  it('on the real corpus, an edit of one article clusters again far fewer than all', () => {
    const real = corpora.real!;
    const clusterer = new StoryClusterer();
    clusterer.cluster(real);
    const counts: number[] = [];
    for (const corpus of edits(real, 12)) {
      clusterer.cluster(corpus);
      counts.push(clusterer.last!.reclustered);
    }
    counts.sort((a, b) => a - b);
    expect(counts[Math.floor(counts.length / 2)]).toBeLessThanOrEqual(real.length / 4);
  });
});

describe('bucketed term weights', () => {
  it('rounds counts to powers of 1.25, leaving 0 and 1', () => {
    expect([0, 1, 2, 3, 4, 100].map(bucketed)).toEqual([0, 1, 1.25 ** 3, 1.25 ** 5, 1.25 ** 6, 1.25 ** 21]);
  });

  it('stay within a tenth or so of log(1 + N / df), and never rise with df', () => {
    for (const n of [10, 1000, 100_000]) {
      let previous = Infinity;
      for (let df = 1; df <= n; df = Math.ceil(df * 1.1)) {
        const weight = termWeight(n, df);
        expect(Math.abs(weight / Math.log(1 + n / df) - 1)).toBeLessThan(0.15);
        expect(weight).toBeLessThanOrEqual(previous);
        previous = weight;
      }
    }
  });
});
