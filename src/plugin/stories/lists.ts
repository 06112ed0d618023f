import { dataPaths } from '../../contract/data-paths.ts';
import type { Scope } from '../../contract/feed.ts';
import { compareStories } from '../../contract/story-order.ts';
import { STORY_SORT_KEYS, type StoryCard, type StoryIndex, type StoryPage, type StorySortKey } from '../../contract/story.ts';
import { compareCodeUnits } from '../code-unit-order.ts';
import { pageCountOf, pageOf } from '../lists.ts';
import type { ListedStory } from './cards.ts';

const SCOPES: readonly Scope[] = ['published', 'unpublished'];

/**
 * The story lists of one build, like the article lists: per scope, for all topics and for each
 * topic, in each story order, paged. Each scope is sorted once per order; a topic's list is that
 * order filtered. published/all always exists; other empty lists have no files.
 */
export class StoryLists {
  readonly index: StoryIndex;
  private readonly orders = new Map<string, ListedStory[]>();
  private readonly lists = new Map<string, StoryCard[] | undefined>();
  private readonly topicSlugs: string[];
  /** How many cards the lists hold, in both scopes. */
  readonly cardCount: number;

  constructor(private readonly cards: Record<Scope, ListedStory[]>) {
    const count = (list: readonly ListedStory[], topic?: string) => {
      let n = 0;
      let mixed = 0;
      for (const s of list) {
        if (topic !== undefined && !s.topics.includes(topic)) continue;
        n++;
        if (s.card.mixed) mixed++;
      }
      return { n, mixed };
    };
    const topics = new Set<string>();
    for (const scope of SCOPES) for (const s of cards[scope]) for (const t of s.topics) topics.add(t);
    this.topicSlugs = [...topics].sort(compareCodeUnits);
    const all = count(cards.published);
    const index: StoryIndex = { totals: { published: all.n, unpublished: cards.unpublished.length, mixed: all.mixed }, topics: {} };
    for (const topic of this.topicSlugs) {
      const published = count(cards.published, topic);
      index.topics[topic] = { published: published.n, unpublished: count(cards.unpublished, topic).n, mixed: published.mixed };
    }
    this.index = index;
    this.cardCount = cards.published.length + cards.unpublished.length;
  }

  private order(scope: Scope, sort: StorySortKey): ListedStory[] {
    const key = `${scope}/${sort}`;
    let order = this.orders.get(key);
    if (!order) {
      const compare = compareStories(sort);
      this.orders.set(key, (order = [...this.cards[scope]].sort((a, b) => compare(a.card, b.card))));
    }
    return order;
  }

  sorted(scope: Scope, topic: string | undefined, sort: StorySortKey): StoryCard[] | undefined {
    const key = `${scope}/${topic ?? ''}/${sort}`;
    if (this.lists.has(key)) return this.lists.get(key);
    const order = this.order(scope, sort);
    const cards = (topic === undefined ? order : order.filter((s) => s.topics.includes(topic))).map((s) => s.card);
    const list = cards.length === 0 && !(scope === 'published' && topic === undefined) ? undefined : cards;
    this.lists.set(key, list);
    return list;
  }

  *pages(): Generator<[string, StoryPage]> {
    for (const scope of SCOPES) {
      for (const topic of [undefined, ...this.topicSlugs]) {
        for (const sort of STORY_SORT_KEYS) {
          const list = this.sorted(scope, topic, sort);
          if (!list) continue;
          for (let n = 1; n <= pageCountOf(list.length); n++) yield [dataPaths.storyPage(scope, topic, sort, n), pageOf(list, n)];
        }
      }
    }
  }

  page(scope: Scope, topic: string | undefined, sort: StorySortKey, n: number): StoryPage | undefined {
    const list = this.sorted(scope, topic, sort);
    if (!list || n < 1 || n > pageCountOf(list.length)) return undefined;
    return pageOf(list, n);
  }
}
