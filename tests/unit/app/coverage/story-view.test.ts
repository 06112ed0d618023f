import { describe, expect, it } from 'vitest';
import type { CoverageItem, StoryDetail, StoryMemberInfo } from '../../../../src/contract/story';
import { memberReason } from '../../../../src/app/features/coverage/member-reason';
import { relatedInScope, storyView } from '../../../../src/app/features/coverage/story-view';

const member = (slug: string, published: boolean, reason: StoryMemberInfo['reason']): StoryMemberInfo => ({
  slug,
  title: `Title ${slug}`,
  published,
  heat: 1,
  reason,
});
const item = (title: string, from: number[], extra: Partial<CoverageItem> = {}): CoverageItem => ({ title, type: 'article', from, ...extra });

/** a (published) and c (unpublished) are linked through b (unpublished); x is only c's coverage. */
const story: StoryDetail = {
  id: 'a',
  members: [member('a', true, { rule: 'first' }), member('b', false, { rule: 'cites', with: 'a' }), member('c', true, { rule: 'shared-coverage', with: 'b' })],
  coverage: [
    item('x', [1], { publishedAt: '2020-06-10T00:00:00Z', provider: { name: 'X' } }),
    item('a', [0], { slug: 'a', publishedAt: '2020-06-11T00:00:00Z', provider: { name: 'A' } }),
    item('b', [1], { slug: 'b', publishedAt: '2020-06-12T00:00:00Z', provider: { name: 'B' } }),
    item('c', [2, 1], { slug: 'c', publishedAt: '2020-06-13T00:00:00Z', provider: { name: 'C' } }),
  ],
  summary: {
    all: { lead: 'a', members: 3, items: 4, outlets: 4, first: 0, latest: 3 },
    published: { lead: 'a', members: 2, items: 2, outlets: 2, first: 1, latest: 3 },
  },
  related: [],
};

describe('storyView', () => {
  it("shows a published page only its story's published members and the coverage they bring", () => {
    const view = storyView(story, 'published', 'a')!;
    expect(view.items.map((i) => i.title)).toEqual(['a', 'c']);
    expect(view.summary.items).toBe(2);
    expect(view.first?.title).toBe('a');
    expect(view.latest?.title).toBe('c');
    expect(view.own?.title).toBe('a');
    expect(view.others.map((m) => m.slug)).toEqual(['c']);
  });

  it('shows an unpublished page all of it', () => {
    const view = storyView(story, 'all', 'b')!;
    expect(view.items.map((i) => i.title)).toEqual(['x', 'a', 'b', 'c']);
    expect(view.first?.title).toBe('x');
    expect(view.others.map((m) => m.slug)).toEqual(['a', 'c']);
    expect(view.self?.slug).toBe('b');
  });

  it('hides related stories without a published member from published pages', () => {
    const related = [
      { id: 's', title: 'S', slug: 's', published: true },
      { id: 't', title: 'T', slug: 't', published: false },
    ];
    expect(relatedInScope(related, 'published').map((r) => r.id)).toEqual(['s']);
    expect(relatedInScope(related, 'all').map((r) => r.id)).toEqual(['s', 't']);
  });
});

describe('memberReason', () => {
  const [a, b, c] = story.members as [StoryMemberInfo, StoryMemberInfo, StoryMemberInfo];
  const titles = (...ms: StoryMemberInfo[]) => new Map(ms.map((m) => [m.slug, m.title]));

  it('names this article, or the member linked to by its headline', () => {
    expect(memberReason(b, a, titles(b, c))).toBe('Cites this article');
    expect(memberReason(c, a, titles(b, c))).toBe('Shares coverage with “Title b”');
  });

  it('says how this article is linked to the first member, seen from the first', () => {
    expect(memberReason(a, b, titles(a, c))).toBe('Cited by this article');
    expect(memberReason(a, c, titles(a, b))).toBe('The story’s earliest article');
  });

  it('does not name a member the page does not show', () => {
    // c's link is to b, unpublished: a published page does not show b.
    expect(memberReason(c, a, titles(c))).toBe('Shares coverage with this story');
  });
});
