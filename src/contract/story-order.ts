import type { StoryCard, StorySortKey } from './story.ts';

const desc = <T extends number | string>(a: T, b: T) => (a === b ? 0 : a > b ? -1 : 1);
const heat = (s: StoryCard) => (s.lead.heat < 0 ? -Infinity : s.lead.heat);
const quality = (s: StoryCard) => s.quality ?? s.lead.quality ?? -Infinity;
const newest = (s: StoryCard) => s.newestAt ?? s.lead.publishedAt ?? '';
const byId = (a: StoryCard, b: StoryCard) => (storyId(a) < storyId(b) ? -1 : storyId(a) > storyId(b) ? 1 : 0);

/** A story card's story id (see `StoryCard.id`). */
export function storyId(card: StoryCard): string {
  return card.id ?? card.lead.slug;
}

/**
 * The one story ordering (plugin lists, app merges), total and deterministic. Heat is the lead's
 * (the hottest member), quality the best member's, newest the latest member's publication, and
 * outlets the number of distinct outlets, ties in the heat order.
 */
export function compareStories(sort: StorySortKey): (a: StoryCard, b: StoryCard) => number {
  switch (sort) {
    case 'heat':
      return (a, b) => desc(heat(a), heat(b)) || desc(quality(a), quality(b)) || desc(newest(a), newest(b)) || byId(a, b);
    case 'quality':
      return (a, b) => desc(quality(a), quality(b)) || desc(heat(a), heat(b)) || desc(newest(a), newest(b)) || byId(a, b);
    case 'newest':
      return (a, b) => desc(newest(a), newest(b)) || desc(quality(a), quality(b)) || byId(a, b);
    case 'outlets':
      return (a, b) => desc(a.outlets, b.outlets) || desc(heat(a), heat(b)) || desc(quality(a), quality(b)) || desc(newest(a), newest(b)) || byId(a, b);
  }
}
