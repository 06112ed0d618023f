import { describe, expect, it } from 'vitest';
import type { ArticleCard } from '../../../src/contract/article';
import { compareCards, SORT_KEYS } from '../../../src/contract/feed';
import { buildLists, replaceSorted, updateLists, type Lists } from '../../../src/plugin/lists';

const site = { siteName: 'Test' };

let seed = 11;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};

function card(i: number, extra: Partial<ArticleCard> = {}): ArticleCard {
  return {
    slug: `card-${i}`,
    title: `Card ${i}`,
    publishedAt: `2020-02-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00.000Z`,
    type: 'article',
    quality: random(3) === 0 ? undefined : random(100),
    heat: random(5) === 0 ? -1 : random(60),
    published: i % 9 !== 0,
    provider: { name: `Outlet ${i % 4}`, domain: `outlet${i % 4}.example` },
    topics: [['AI', 'Cloud'], ['Cloud'], ['A.I.'], []][i % 4]!,
    relatedCount: 0,
    citedByCount: 0,
    ...extra,
  } as ArticleCard;
}

/** Every file's JSON, and each page the dev server might ask for. */
function everything(lists: Lists) {
  return {
    index: JSON.stringify(lists.index),
    providers: JSON.stringify(lists.providers),
    pages: [...lists.feedPages()].map(([file, page]) => [file, JSON.stringify(page)]),
  };
}

describe('updateLists', () => {
  it('gives what buildLists gives after cards change in place (heat, quality, slug, counts), for lists made before and after', () => {
    const cards = Array.from({ length: 180 }, (_, i) => card(i));
    let lists = buildLists(cards, site);
    // Lists the last build had sorted, and some it had not.
    lists.feedPage('published', 'cloud', 'quality', 1);
    lists.feedPage('unpublished', undefined, 'newest', 1);
    let current = cards;
    for (let step = 0; step < 60; step++) {
      const next = [...current];
      for (let n = 0; n < 1 + random(4); n++) {
        const i = random(next.length);
        const old = next[i]!;
        next[i] = { ...old, heat: random(60), quality: random(100), citedByCount: random(3), ...(random(3) === 0 ? { slug: `${old.slug}-x${step}` } : {}) };
      }
      const replaced = next.flatMap((c, i) => (c === current[i] ? [] : [[current[i]!, c] as const]));
      const updated = updateLists(lists, next, replaced);
      expect(updated).toBeDefined();
      expect(everything(updated!)).toEqual(everything(buildLists(next, site)));
      lists = updated!;
      current = next;
    }
  });

  it('is undefined when a change moves a card between lists: scope, topics or outlet', () => {
    const cards = Array.from({ length: 20 }, (_, i) => card(i));
    const lists = buildLists(cards, site);
    for (const change of [{ published: !cards[3]!.published }, { topics: ['Cloud', 'AI'] }, { provider: { name: 'Another', domain: 'another.example' } }]) {
      const next = [...cards];
      next[3] = { ...cards[3]!, ...change };
      expect(updateLists(lists, next, [[cards[3]!, next[3]!]])).toBeUndefined();
    }
  });
});

describe('replaceSorted', () => {
  it('equals sorting the list with the cards replaced, for every order', () => {
    for (const sort of SORT_KEYS) {
      const compare = compareCards(sort);
      const list = Array.from({ length: 50 }, (_, i) => card(i)).sort(compare);
      const replaced = [3, 17, 40].map((i) => [list[i]!, { ...list[i]!, heat: random(60), quality: random(100) }] as const);
      const plain = list.map((c) => replaced.find(([before]) => before === c)?.[1] ?? c).sort(compare);
      expect(replaceSorted(list, replaced, compare)).toEqual(plain);
    }
  });
});
