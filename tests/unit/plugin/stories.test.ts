import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleDetail, RelatedItem } from '../../../src/contract/article';
import { buildNewsData } from '../../../src/plugin/pipeline';
import { STORY_RULE, type StoryInput } from '../../../src/plugin/stories/cluster';
import { clusterStories } from '../../../src/plugin/stories/clusterer';
import { storyDetail, type SummaryMember } from '../../../src/contract/story-summary';
import { articleTerms } from '../../../src/plugin/stories/terms';

const SEEDS = path.resolve(__dirname, '../../../seeds');
const hours = (h: number) => new Date(Date.UTC(2020, 5, 8) + h * 3_600_000).toISOString();

function input(slug: string, title: string, extra: Partial<StoryInput> = {}): StoryInput {
  return { slug, title, titleKey: title.toLowerCase(), relatedKeys: [], cites: [], ...extra };
}
const membersOf = (stories: ReturnType<typeof clusterStories>) => stories.map((s) => s.members.map((m) => m.slug));

describe('articleTerms', () => {
  it('finds the headline subject: a capital after the first word, a name-shaped word, or in title case one the excerpt capitalises too', () => {
    expect(articleTerms('Now Microsoft is banning police from using its facial recognition tech, too').titleEntities).toEqual(['microsoft']);
    expect(articleTerms('IBM will no longer offer facial recognition technology').titleEntities).toEqual(['ibm']);
    expect(
      articleTerms('Amazon Bans Police From Using Its Facial Recognition Technology', 'Amazon said on Wednesday it will stop police using Rekognition.')
        .titleEntities,
    ).toEqual(['amazon']);
    expect(articleTerms('Microsoft’s ban may not be voluntary').titleEntities).toEqual([]);
    expect(articleTerms('The A.I. boom’s next phase').terms).toEqual(['ai', 'boom', 'next', 'phase']);
  });
});

describe('clusterStories (hand-written corpora)', () => {
  const pledge = (slug: string, company: string, h: number, extra: Partial<StoryInput> = {}) =>
    input(slug, `${company} halts sales of facial recognition technology to police`, {
      publishedAt: hours(h),
      excerpt: `${company} said it will stop selling facial recognition to police departments.`,
      ...extra,
    });

  it('keeps a chain of citing articles in one story only within 96 hours of its first: the fifth link starts a related story', () => {
    // Each cites the one before, 30 hours apart: 0, 30, 60, 90, 120 h.
    const angles = ['halts sales of', 'explains its pause on', 'faces questions over', 'lobbies Congress on', 'extends its ban on'];
    const chain = angles.map((angle, i) =>
      input(`c${i}`, `Microsoft ${angle} facial recognition for police`, {
        publishedAt: hours(i * 30),
        excerpt: 'Microsoft said it will stop selling facial recognition to police departments.',
        cites: i > 0 ? [`c${i - 1}`] : [],
      }),
    );
    const stories = clusterStories(chain);
    expect(membersOf(stories)).toEqual([['c0', 'c1', 'c2', 'c3'], ['c4']]);
    expect(stories[0]!.members[1]!.reason).toMatchObject({ rule: 'cites', with: 'c0', hoursApart: 30 });
    expect(stories[1]!.related).toEqual(['c0']);
    expect(STORY_RULE.storyHours).toBe(96);
  });

  it('separates one week of pledges by three companies that cite each other and share nearly all coverage, as related stories', () => {
    const shared = Array.from({ length: 20 }, (_, i) => [`id:item${i}`]);
    const week = [
      pledge('ibm-1', 'IBM', 0, { relatedKeys: shared }),
      pledge('amazon-1', 'Amazon', 20, { relatedKeys: shared, cites: ['ibm-1'] }),
      pledge('microsoft-1', 'Microsoft', 40, { relatedKeys: shared, cites: ['ibm-1', 'amazon-1'] }),
      pledge('amazon-2', 'Amazon', 44, { relatedKeys: [...shared, ['id:extra']], cites: ['amazon-1', 'microsoft-1'] }),
      pledge('microsoft-2', 'Microsoft', 50, { relatedKeys: shared, cites: ['microsoft-1', 'amazon-2'] }),
    ];
    const stories = clusterStories(week);
    expect(membersOf(stories)).toEqual([['ibm-1'], ['amazon-1', 'amazon-2'], ['microsoft-1', 'microsoft-2']]);
    expect(stories[1]!.related).toContain('microsoft-1');
    expect(stories[2]!.related).toEqual(expect.arrayContaining(['ibm-1', 'amazon-1']));
  });

  it('keeps apart two stories that share one related item', () => {
    const own = (prefix: string) => Array.from({ length: 9 }, (_, i) => [`id:${prefix}${i}`]);
    const stories = clusterStories([
      input('a', 'Microsoft opens a datacenter region in Sweden', { publishedAt: hours(0), relatedKeys: [...own('a'), ['id:common']] }),
      input('b', 'Microsoft Teams gets live captions in meetings', { publishedAt: hours(5), relatedKeys: [...own('b'), ['id:common']] }),
    ]);
    expect(membersOf(stories)).toEqual([['a'], ['b']]);
  });

  it('joins articles without dates by their links, and near-identical headlines when close in time', () => {
    const stories = clusterStories([
      pledge('dated', 'Microsoft', 0),
      input('undated', 'Microsoft explains why it stopped selling facial recognition to police', {
        excerpt: 'Microsoft said it will stop selling facial recognition to police departments.',
        cites: ['dated'],
      }),
      pledge('same-headline', 'Microsoft', 10),
      pledge('same-headline-later', 'Microsoft', 10 + 24 * 30),
    ]);
    expect(membersOf(stories)).toEqual([['dated', 'same-headline', 'undated'], ['same-headline-later']]);
    expect(stories[0]!.members.map((m) => m.reason.rule)).toEqual(['first', 'same-title', 'cites']);
  });
});

describe('storyDetail (hand-written members)', () => {
  const provider = (name: string) => ({ name, domain: `${name.toLowerCase()}.example` });
  const item = (title: string, outlet: string, h?: number): RelatedItem => ({
    title,
    url: `https://${outlet}.example/${title}`,
    type: 'article',
    provider: provider(outlet),
    ...(h !== undefined ? { publishedAt: hours(h) } : {}),
  });
  const member = (slug: string, extra: Partial<ArticleDetail>, related: [RelatedItem, string[]][]): SummaryMember => ({
    detail: {
      slug,
      title: slug,
      type: 'article',
      heat: 10,
      published: true,
      topics: [],
      relatedCount: related.length,
      citedByCount: 0,
      images: [],
      body: [],
      citedBy: [],
      related: related.map(([r]) => r),
      ...extra,
    },
    reason: { rule: 'first' },
    identities: [`id:${slug}`],
    relatedKeys: related.map(([, keys]) => keys),
  });

  it('counts a report listed by two members once, and outlets by domain', () => {
    const a = member('a', { publishedAt: hours(2), provider: provider('One') }, [
      [item('x', 'Two', 1), ['id:x', 'id:x-amp']],
      [item('y', 'Two', 3), ['id:y']],
    ]);
    const b = member('b', { publishedAt: hours(4), provider: provider('Three') }, [
      [item('x (AMP)', 'Two', 1), ['id:x-amp']],
      [item('a', 'One', 2), ['id:a']],
    ]);
    const detail = storyDetail('a', [a, b], []);
    expect(detail.coverage.map((c) => [c.title, c.from])).toEqual([
      ['x', [0, 1]],
      ['a', [0, 1]],
      ['y', [0]],
      ['b', [1]],
    ]);
    expect(detail.summary.all).toEqual({ lead: 'b', members: 2, items: 4, outlets: 3, first: 0, latest: 3 });
  });

  it('leaves dateless members and items out of first and latest, and a story with no date has neither', () => {
    const dated = member('dated', { publishedAt: hours(5) }, [[item('old', 'Two'), ['id:old']]]);
    const undated = member('undated', {}, []);
    expect(storyDetail('dated', [dated, undated], []).summary.all).toMatchObject({ first: 0, latest: 0, items: 3 });
    expect(storyDetail('undated', [undated], []).summary.all).toEqual({ lead: 'undated', members: 1, items: 1, outlets: 0 });
  });

  it('gives an unpublished lead only to the view with unpublished articles; the published view counts only published members', () => {
    const hidden = member('hidden', { heat: 90, published: false, publishedAt: hours(1) }, [[item('only-hidden', 'Secret', 0), ['id:only-hidden']]]);
    const shown = member('shown', { heat: 10, publishedAt: hours(2), provider: provider('Open') }, []);
    const { summary } = storyDetail('hidden', [hidden, shown], []);
    expect(summary.all).toMatchObject({ lead: 'hidden', members: 2, items: 3 });
    expect(summary.published).toEqual({ lead: 'shown', members: 1, items: 1, outlets: 1, first: 2, latest: 2 });
  });
});

describe('stories of the seeds', () => {
  it('groups 001 and 002, with 26 outlets from CNET on 2020-06-11 17:28 UTC to the Portland Press Herald on 2020-06-16 01:18 UTC; 000 and 004 alone', async () => {
    const build = await buildNewsData({ dir: SEEDS });
    const bySeed = (prefix: string) => build.articles.find((a) => a.file.startsWith(prefix))!.head.slug;
    expect(membersOf(build.stories)).toEqual([[bySeed('001'), bySeed('002')], [bySeed('000')], [bySeed('004')]]);
    const story = (await build.readStory(bySeed('001')))!;
    const { all } = story.summary;
    expect(all.outlets).toBe(26);
    expect(story.coverage[all.first!]).toMatchObject({
      title: 'Microsoft bans police from using its facial recognition software',
      publishedAt: '2020-06-11T17:28:00.000Z',
      provider: { name: 'CNET' },
    });
    expect(story.coverage[all.latest!]).toMatchObject({ publishedAt: '2020-06-16T01:18:00.000Z', provider: { name: 'Portland Press Herald' } });
    // Both are unpublished: the default views have nothing of this story.
    expect(story.summary.published).toBeUndefined();
    const alone = (await build.readStory(bySeed('000')))!;
    expect(alone.summary.all).toMatchObject({ members: 1, items: 5 });
    expect(alone.coverage.filter((c) => !c.slug)).toHaveLength(4);
    expect((await build.readStory(bySeed('004')))!.summary.all).toEqual({ lead: bySeed('004'), members: 1, items: 1, outlets: 0 });
  });
});
