/**
 * Search on the real Smartable corpus: for 20 words taken from its own text, the search index
 * finds exactly the articles whose indexed text (headline, excerpt, body, outlet, topics) has a
 * word starting with it — the index's documented matching — checked against a plain scan of the
 * build's article files.
 */
import { beforeAll, expect, test } from 'vitest';
import type { ArticleDetail } from '../../src/contract/article';
import { articleHref } from '../../src/contract/routes';
import { baseUrl, go, page, readAllCards, readArticle, useBrowserPage } from './support/helpers';

useBrowserPage();

/** Lowercased, accents removed, letters and digits only: how Pagefind normalises a word. */
const fold = (word: string) =>
  word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The words an article's text is found by: each whitespace-separated word folded whole, and its
 * parts (split at punctuation and at lower-to-upper case changes, as Pagefind splits compounds).
 */
function indexedWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.split(/\s+/)) {
    const whole = fold(raw);
    if (whole) words.add(whole);
    for (const part of raw.split(/[^\p{L}\p{N}]+|(?<=\p{Ll})(?=\p{Lu})/u)) {
      const folded = fold(part);
      if (folded) words.add(folded);
    }
  }
  return words;
}

const indexedText = (a: ArticleDetail) => [a.title, a.excerpt ?? '', ...a.body.map((b) => b.text), a.provider?.name ?? '', ...a.topics].join('\n');

let articles: ArticleDetail[];
let wordsBySlug: Map<string, Set<string>>;

beforeAll(() => {
  articles = readAllCards('corpus').map((card) => readArticle('corpus', card.slug));
  wordsBySlug = new Map(articles.map((a) => [a.slug, indexedWords(indexedText(a))]));
});

/** 20 words of the corpus, from the most to the least common: lowercase letters only, 4 or more. */
function sampleWords(): string[] {
  const counts = new Map<string, number>();
  for (const words of wordsBySlug.values()) for (const w of words) if (/^[a-z]{4,}$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const step = Math.floor(ranked.length / 20);
  return Array.from({ length: 20 }, (_, i) => ranked[i * step]!);
}

const scan = (word: string) =>
  articles
    .filter((a) => [...wordsBySlug.get(a.slug)!].some((w) => w.startsWith(word)))
    .map((a) => a.slug)
    .sort();

test('20 words of the real corpus find exactly the articles a plain scan finds', async () => {
  const words = sampleWords();
  expect(new Set(words).size).toBe(20);
  await go(page, 'corpus', '/');
  // A string, not a function: the test runner would rewrite a function's dynamic import.
  const base = new URL(baseUrl('corpus')).pathname.replace(/\/?$/, '/');
  const found = (await page.evaluate(`(async () => {
    const pagefind = await import(${JSON.stringify(`${base}pagefind/pagefind.js`)});
    await pagefind.init();
    const out = {};
    for (const word of ${JSON.stringify(words)}) {
      const search = await pagefind.search(word);
      out[word] = await Promise.all(search.results.map(async (r) => (await r.data()).url));
    }
    return out;
  })()`)) as Record<string, string[]>;
  for (const word of words) {
    const expected = scan(word);
    expect(expected.length, `${word} is in the corpus`).toBeGreaterThan(0);
    const slugs = found[word]!.map((url) => decodeURIComponent(url.replace(/\/$/, '').split('/').pop()!)).sort();
    expect(slugs, word).toEqual(expected);
    expect(found[word]!.every((url) => url.endsWith(articleHref(decodeURIComponent(url.split('/').pop()!))))).toBe(true);
  }
  // The most common sampled word is in many articles: the check is not on empty sets.
  expect(scan(words[0]!).length).toBeGreaterThan(10);
});
