/** Topic filters: counts, single and multiple selection in the URL, clearing, chips. */
import { beforeAll, expect, test } from 'vitest';
import { topicSlug } from '../../src/contract/slug';
import { card, control, expectFeed, go, page, pathAndQuery, readIndex, sorted, useBrowserPage } from './support/helpers';
import { seedCards, type SeedCards } from './support/seeds';

useBrowserPage();

let seeds: SeedCards;

beforeAll(async () => {
  seeds = seedCards();
});

const topicsNav = () => page.getByRole('navigation', { name: 'Topics' });

/** Published articles per topic, counted from the seed files. */
function publishedCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of seeds.fromSeeds) {
    if (!c.published) continue;
    for (const t of c.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

function topicLinkName(topic: string): string {
  return `${topic} (${publishedCounts().get(topic) ?? 0})`;
}

/** The topic's link in the topics bar (its name and published count). */
const topicLink = (topic: string) => topicsNav().getByRole('link', { name: topicLinkName(topic), exact: true });

function publishedWithAny(topics: string[]): string[] {
  return sorted(
    seeds.fromSeeds.filter((c) => c.published && c.topics.some((t) => topics.includes(t))),
    'heat',
  );
}

test('every topic is listed with its article count, as the seed files give them', async () => {
  const allTopics = new Set(seeds.fromSeeds.flatMap((c) => c.topics));
  expect([...allTopics].sort()).toEqual(['AI', 'Computer Vision', 'Microsoft AI', 'Natural Language Processing']);
  // The index agrees with the seeds.
  const index = readIndex('seeds');
  for (const t of index.topics) expect(t.count, t.name).toBe(publishedCounts().get(t.name) ?? 0);

  await go(page, 'seeds', '/');
  await expect.poll(() => topicsNav().getByRole('link').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  const names = await topicsNav()
    .getByRole('link')
    .evaluateAll((els) => els.map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim()));
  for (const topic of index.topics) {
    const link = topicLink(topic.name);
    expect(await link.count(), `link "${topicLinkName(topic.name)}" among ${JSON.stringify(names)}`).toBe(1);
    expect(await link.getAttribute('aria-current')).not.toBe('true');
  }
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Top stories');
  expect(await control(page, 'Clear topics').count()).toBe(0);
});

test('selecting one topic, then a second, then clearing: URL, heading, aria-current and cards follow', async () => {
  await go(page, 'seeds', '/');
  await expectFeed(
    page,
    sorted(
      seeds.fromSeeds.filter((c) => c.published),
      'heat',
    ),
  );

  const nlp = 'Natural Language Processing';
  const cv = 'Computer Vision';
  await topicLink(nlp).click();
  await expect.poll(() => pathAndQuery(page)).toBe(`/topic/${topicSlug(nlp)}`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain(nlp);
  await expectFeed(page, publishedWithAny([nlp]));
  expect(await topicLink(nlp).getAttribute('aria-current')).toBe('true');
  expect(await topicLink(cv).getAttribute('aria-current')).not.toBe('true');
  // Counts stay the counts of each topic, whatever is selected.
  expect(await topicLink(cv).count()).toBe(1);

  // Multi-select: an article matches when it has any selected topic.
  await topicLink(cv).click();
  const both = [topicSlug(cv), topicSlug(nlp)].sort().join(',');
  await expect.poll(() => pathAndQuery(page)).toBe(`/?topics=${both}`);
  await expectFeed(page, publishedWithAny([nlp, cv]));
  expect(await topicLink(nlp).getAttribute('aria-current')).toBe('true');
  expect(await topicLink(cv).getAttribute('aria-current')).toBe('true');
  const h1 = await page.getByRole('heading', { level: 1 }).innerText();
  expect(h1).toContain(nlp);
  expect(h1).toContain(cv);

  // Reload reproduces the view.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await expectFeed(page, publishedWithAny([nlp, cv]));
  expect(await topicLink(cv).getAttribute('aria-current')).toBe('true');

  // One click clears.
  await control(page, 'Clear topics').first().click();
  await expect.poll(() => pathAndQuery(page)).toBe('/');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Top stories');
  await expectFeed(
    page,
    sorted(
      seeds.fromSeeds.filter((c) => c.published),
      'heat',
    ),
  );
  expect(await topicsNav().locator('[aria-current="true"]').count()).toBe(0);

  // Back returns to the two-topic view.
  await page.goBack();
  await expect.poll(() => pathAndQuery(page)).toBe(`/?topics=${both}`);
  await expectFeed(page, publishedWithAny([nlp, cv]));
});

test('a topic chip on a card filters the feed by that topic', async () => {
  await go(page, 'seeds', '/');
  await expectFeed(
    page,
    sorted(
      seeds.fromSeeds.filter((c) => c.published),
      'heat',
    ),
  );
  const chip = card(page, seeds.c000.slug).locator(`a[href="/topic/${topicSlug('Microsoft AI')}"]`);
  expect(await chip.count()).toBe(1);
  await chip.click();
  await expect.poll(() => pathAndQuery(page)).toBe(`/topic/${topicSlug('Microsoft AI')}`);
  await expectFeed(page, publishedWithAny(['Microsoft AI']));
});

test('a shared multi-topic link with unpublished articles reproduces the view', async () => {
  const topics = ['AI', 'Computer Vision'];
  await go(page, 'seeds', `/?topics=${topics.map(topicSlug).sort().join(',')}&unpublished=1`);
  await expectFeed(
    page,
    sorted(
      seeds.fromSeeds.filter((c) => c.topics.some((t) => topics.includes(t))),
      'heat',
    ),
  );
  for (const t of topics) {
    // With unpublished articles shown the count may include them: match the name only.
    const link = topicsNav().getByRole('link', { name: new RegExp(`^${t} \\(\\d+\\)$`) });
    expect(await link.getAttribute('aria-current')).toBe('true');
  }
});
