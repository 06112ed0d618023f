import { soloCard } from '../../../src/plugin/record';
import { articleTerms } from '../../../src/plugin/stories/terms';
import { describe, expect, it } from 'vitest';
import type { ArticleDetail } from '../../../src/contract/article';
import { linkCorpus, linkedDetail } from '../../../src/plugin/link';
import type { ArticleHead, SourceRecord } from '../../../src/plugin/record';

function head(slug: string, title: string, extra: Partial<ArticleHead> = {}): ArticleHead {
  return { slug, title, type: 'article', heat: 10, published: true, topics: [], relatedCount: 0, citedByCount: 0, ...extra };
}

function article(file: string, h: ArticleHead, identities: string[], relatedKeys: string[][] = [], hasBody = false): SourceRecord {
  return {
    file,
    key: `key:${file}`,
    diagnostics: [],
    article: {
      head: h,
      titleKey: h.title.toLowerCase(),
      identities,
      relatedKeys,
      hasBody,
      solo: soloCard({ ...h, images: [], body: [], related: [], citedBy: [] }, identities, []),
      terms: articleTerms(h.title, h.excerpt),
    },
  };
}

const paragraph = (text: string) => ({ kind: 'paragraph' as const, text });

describe('linkCorpus (hand-written records)', () => {
  it('skips a second copy of the same story with a duplicate-article warning naming the first', () => {
    const linked = linkCorpus([article('a.md', head('story-a', 'Story A'), ['id:a']), article('b.md', head('story-b', 'Story B'), ['id:b', 'id:a'])]);
    expect(linked.articles.map((a) => a.file)).toEqual(['a.md']);
    expect(linked.diagnostics).toEqual([
      {
        code: 'duplicate-article',
        severity: 'warning',
        file: 'b.md',
        field: 'webUrl',
        message: 'the same story as a.md; this copy was skipped',
        hint: 'remove one of the two files',
      },
    ]);
  });

  it('gives a plain-text file to the article of the same title as its body, unless it has one', () => {
    const plain = (file: string, title: string): SourceRecord => ({
      file,
      key: `key:${file}`,
      diagnostics: [],
      plain: { file, title, titleLine: 1, titleKey: title.toLowerCase(), body: [paragraph(`text of ${file}`)] },
    });
    const linked = linkCorpus([
      article('a.md', head('story-a', 'Story A'), ['id:a']),
      article('b.md', head('story-b', 'Story B'), ['id:b'], [], true),
      plain('a.txt', 'Story A'),
      plain('b.txt', 'Story B'),
    ]);
    const [a, b] = linked.articles;
    expect(a).toMatchObject({ file: 'a.md', body: [paragraph('text of a.txt')], bodyFile: 'a.txt' });
    expect(b!.body).toBeUndefined();
    expect(b!.bodyFile).toBe('b.txt');
    expect(linked.articles).toHaveLength(2);
  });

  it('links a related item to the corpus article it names, and lists the citing article on the target', () => {
    const linked = linkCorpus([
      article('a.md', head('story-a', 'Story A', { publishedAt: '2020-01-02T00:00:00.000Z' }), ['id:a'], [['id:elsewhere'], ['id:c-amp', 'id:c'], ['id:c']]),
      article('c.md', head('story-c', 'Story C'), ['id:c']),
      article('d.md', head('story-d', 'Story D', { publishedAt: '2020-03-01T00:00:00.000Z' }), ['id:d'], [['id:c']]),
    ]);
    const [a, c, d] = linked.articles;
    expect(a!.relatedSlugs).toEqual([
      [1, 'story-c'],
      [2, 'story-c'],
    ]);
    expect(d!.relatedSlugs).toEqual([[0, 'story-c']]);
    // Cited once per citing article, newest first.
    expect(c!.citedBy).toEqual([
      { slug: 'story-d', title: 'Story D', publishedAt: '2020-03-01T00:00:00.000Z' },
      { slug: 'story-a', title: 'Story A', publishedAt: '2020-01-02T00:00:00.000Z' },
    ]);
    expect(c!.head.citedByCount).toBe(2);
    expect(a!.head.citedByCount).toBe(0);
  });

  it('gives a colliding slug a counter', () => {
    const linked = linkCorpus([
      article('a.md', head('same', 'One'), ['id:1']),
      article('b.md', head('same', 'Two'), ['id:2']),
      article('c.md', head('same', 'Three'), ['id:3']),
    ]);
    expect(linked.articles.map((a) => a.head.slug)).toEqual(['same', 'same-2', 'same-3']);
  });
});

describe('linkedDetail', () => {
  it('applies the links to the stored detail, keeping its key order', () => {
    const provider = { name: 'Outlet', domain: 'outlet.example' };
    const stored: ArticleDetail = {
      ...head('same', 'Two', { relatedCount: 2 }),
      images: [],
      body: [],
      related: [
        { title: 'R0', url: 'https://r0.example/', type: 'article', provider },
        { title: 'R1', url: 'https://r1.example/', type: 'article', provider },
      ],
      citedBy: [],
    };
    const detail = linkedDetail(
      { slug: 'same-2', relatedSlugs: [[1, 'other']], citedBy: [{ slug: 'citer', title: 'Citer' }], body: [paragraph('Body.')] },
      stored,
    );
    expect(JSON.stringify(detail)).toBe(
      '{"slug":"same-2","title":"Two","type":"article","heat":10,"published":true,"topics":[],"relatedCount":2,"citedByCount":1,' +
        '"images":[],"body":[{"kind":"paragraph","text":"Body."}],' +
        '"related":[{"title":"R0","url":"https://r0.example/","type":"article","provider":{"name":"Outlet","domain":"outlet.example"}},' +
        '{"slug":"other","title":"R1","url":"https://r1.example/","type":"article","provider":{"name":"Outlet","domain":"outlet.example"}}],' +
        '"citedBy":[{"slug":"citer","title":"Citer"}]}',
    );
    // The stored detail is not changed.
    expect(stored.slug).toBe('same');
    expect(stored.related[1]!.slug).toBeUndefined();
  });
});
