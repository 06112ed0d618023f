import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/generate/corpus';
import type { ArticleDetail } from '../../../src/contract/article';
import { linkedDetailJson } from '../../../src/plugin/link';
import { buildNewsData } from '../../../src/plugin/pipeline';

describe('links spliced into stored details as text', () => {
  it('give exactly the detail that applying them to the parsed object gives', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'linked-'));
    try {
      await generateCorpus(dir, 400, 3);
      const build = await buildNewsData({ dir });
      let linked = 0;
      for (const article of build.articles) {
        if (!article.detailKey) continue;
        const stored = await build.store.get(article.detailKey);
        const expected = JSON.parse(stored) as ArticleDetail;
        expected.slug = article.head.slug;
        for (const [index, slug] of article.relatedSlugs) expected.related[index]!.slug = slug;
        expected.citedBy = article.citedBy;
        expected.citedByCount = article.citedBy.length;
        if (article.body) expected.body = article.body;
        const actual = JSON.parse(linkedDetailJson(article, stored)) as ArticleDetail;
        expect(actual).toEqual(expected);
        if (article.relatedSlugs.length || article.citedBy.length) linked++;
      }
      // The generated corpus links its articles to each other: the splice is really exercised.
      expect(linked).toBeGreaterThan(100);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
