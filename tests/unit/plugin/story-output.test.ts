import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDetail } from '../../../src/contract/article';
import { compareStories, storyId } from '../../../src/contract/story-order';
import type { StoryCard, StoryDetail, StoryIndex, StoryPage } from '../../../src/contract/story';
import { singleStory, sparkline, storyCardBody } from '../../../src/contract/story-summary';
import type { NewsBuild } from '../../../src/plugin/build-result';
import { buildNewsData } from '../../../src/plugin/pipeline';

const SEEDS = path.resolve(__dirname, '../../../seeds');
const S001 = 'microsoft-wont-sell-facial-recognition-technology-to-police-d44441';
const S002 = 'now-microsoft-is-banning-police-from-using-its-facial-e81066';
const S000 = 'the-microsoft-police-state-mass-surveillance-facial-81eba3';
const S004 = 'microsofts-ban-on-facial-recognition-technology-may-not-be-d2ce40';

let build: NewsBuild;
const json = async <T>(file: string) => JSON.parse((await build.dataFile(file))!) as T;
beforeAll(async () => {
  build = await buildNewsData({ dir: SEEDS });
});

describe('story data on the seeds', () => {
  it('001 and 002 name their story of two; 000 and 004 (alone, no related stories) name none', async () => {
    for (const slug of [S001, S002]) expect((await json<ArticleDetail>(`data/article/${slug}.json`)).story).toEqual({ id: S001, members: 2, related: [] });
    for (const slug of [S000, S004]) expect((await json<ArticleDetail>(`data/article/${slug}.json`)).story).toBeUndefined();
    expect(await build.dataFile(`data/story/${S000}.json`)).toBeUndefined();
  });

  it('the story file of 001 and 002: 26 outlets, first CNET 2020-06-11T17:28Z, latest Portland Press Herald 2020-06-16T01:18Z, nothing published', async () => {
    const story = await json<StoryDetail>(`data/story/${S001}.json`);
    expect(story.members.map((m) => m.slug)).toEqual([S001, S002]);
    expect(story.summary.published).toBeUndefined();
    const { all } = story.summary;
    expect(all.outlets).toBe(26);
    expect(story.coverage[all.first!]).toMatchObject({
      title: 'Microsoft bans police from using its facial recognition software',
      publishedAt: '2020-06-11T17:28:00.000Z',
    });
    expect(story.coverage[all.first!]!.provider!.name).toBe('CNET');
    expect(story.coverage[all.latest!]!.provider!.name).toBe('Portland Press Herald');
    expect(story.coverage[all.latest!]!.publishedAt).toBe('2020-06-16T01:18:00.000Z');
  });

  it('the published lists leave the unpublished story out entirely; the unpublished ones hold it, counted over both members', async () => {
    const index = await json<StoryIndex>('data/stories/index.json');
    expect(index.totals).toEqual({ published: 2, unpublished: 1, mixed: 0 });
    const published = await json<StoryPage>('data/stories/published/all/outlets/1.json');
    expect(published.items.map(storyId)).toEqual([S000, S004]);
    expect(JSON.stringify(published)).not.toContain(S001);
    expect(JSON.stringify(published)).not.toContain(S002);
    const [story] = (await json<StoryPage>('data/stories/unpublished/all/heat/1.json')).items;
    expect(story).toMatchObject({
      lead: { slug: S001 },
      members: 2,
      outlets: 26,
      first: { provider: { name: 'CNET' }, publishedAt: '2020-06-11T17:28:00.000Z' },
      latestAt: '2020-06-16T01:18:00.000Z',
    });
    // The id is the lead's slug, so the card leaves it out.
    expect(story!.id).toBeUndefined();
  });

  it('every story file the build writes is exactly JSON.stringify of its data (list pages are written from encoded cards)', async () => {
    const files = [];
    for await (const file of build.storyFiles()) files.push(file);
    expect(files.filter((f) => f.file.startsWith('data/stories/published/')).length).toBeGreaterThan(4);
    for (const { file, parts } of files) expect(Buffer.concat(await parts()).toString('utf8'), file).toBe(await build.dataFile(file));
  });

  it('000 is a story of five reports (its own and 4 related items); 004 one report with no outlet', async () => {
    const [s000, s004] = (await json<StoryPage>('data/stories/published/all/heat/1.json')).items;
    expect([s000!.lead.slug, s000!.members, s000!.items, s000!.outlets]).toEqual([S000, 1, 5, 5]);
    expect([s004!.lead.slug, s004!.items, s004!.outlets, s004!.spark, s004!.first]).toEqual([S004, 1, 0, undefined, undefined]);
  });

  it('the app makes the same story of one article from its data alone', async () => {
    const detail = await json<ArticleDetail>(`data/article/${S000}.json`);
    const body = storyCardBody(singleStory(detail), 'all')!;
    const [listed] = (await json<StoryPage>('data/stories/published/all/heat/1.json')).items;
    expect({ ...body, lead: S000 }).toEqual({ ...listed, lead: S000 });
  });
});

describe('story cards', () => {
  it('sparkline: equal parts of the span, the latest in the last part; one part when all share a time', () => {
    expect(sparkline([0, 1, 2, 10], 5)).toEqual([2, 1, 0, 0, 1]);
    expect(sparkline([5, 5, 5])).toEqual([3]);
    expect(sparkline([])).toEqual([]);
  });

  it('compareStories: outlets, then heat; heat ties by quality; ids last', () => {
    const card = (slug: string, outlets: number, heat: number, quality?: number): StoryCard => ({
      lead: { slug, title: slug, type: 'article', heat, published: true, ...(quality === undefined ? {} : { quality }) },
      members: 1,
      items: outlets,
      outlets,
      more: [],
    });
    const cards = [card('a', 2, 10), card('b', 5, 1), card('c', 2, 30), card('d', 2, 30, 9), card('e', 0, -1)];
    expect([...cards].sort(compareStories('outlets')).map(storyId)).toEqual(['b', 'd', 'c', 'a', 'e']);
    expect([...cards].sort(compareStories('heat')).map(storyId)).toEqual(['d', 'c', 'a', 'b', 'e']);
  });
});
