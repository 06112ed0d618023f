import { soloCard } from '../../../src/plugin/record';
import { articleTerms } from '../../../src/plugin/stories/terms';
import { describe, expect, it } from 'vitest';
import { CorpusLinker } from '../../../src/plugin/incremental-link';
import { linkCorpus } from '../../../src/plugin/link';
import type { ArticleHead, SourceRecord } from '../../../src/plugin/record';

function head(slug: string, title: string, extra: Partial<ArticleHead> = {}): ArticleHead {
  return { slug, title, type: 'article', heat: 10, published: true, topics: [], relatedCount: 0, citedByCount: 0, ...extra };
}

let edits = 0;
function article(file: string, h: ArticleHead, identities: string[], relatedKeys: string[][] = []): SourceRecord {
  // Each record is a new object with its own content key, as a parse of changed bytes gives.
  return {
    file,
    key: `key:${file}:${edits++}`,
    diagnostics: [],
    article: {
      head: h,
      titleKey: h.title.toLowerCase(),
      identities,
      relatedKeys,
      hasBody: false,
      solo: soloCard({ ...h, images: [], body: [], related: [], citedBy: [] }, identities, []),
      terms: articleTerms(h.title, h.excerpt),
    },
  };
}

function plain(file: string, title: string): SourceRecord {
  return {
    file,
    key: `key:${file}`,
    diagnostics: [],
    plain: { file, title, titleLine: 1, titleKey: title.toLowerCase(), body: [{ kind: 'paragraph', text: `text of ${file}` }] },
  };
}

const corpus = (): SourceRecord[] => [
  article('a.md', head('story-a-aaaaaa', 'Story A', { publishedAt: '2020-01-02T00:00:00.000Z' }), ['id:a'], [['id:elsewhere'], ['id:c']]),
  article('b.md', head('story-b-bbbbbb', 'Story B', { publishedAt: '2020-01-03T00:00:00.000Z' }), ['id:b'], [['id:a'], ['id:c'], ['id:c']]),
  article('c.md', head('story-c-cccccc', 'Story C', { publishedAt: '2020-01-01T00:00:00.000Z' }), ['id:c', 'id:c-amp'], [['id:a']]),
  article('d.md', head('story-d-dddddd', 'Story D'), ['id:d']),
  article('e.md', head('story-e-eeeeee', 'Story E'), ['id:a', 'id:e']),
  plain('f.txt', 'Story F'),
];

/** Links `before`, then `after` with the same linker: the result must be `linkCorpus(after)`'s. */
function relink(before: SourceRecord[], after: SourceRecord[]) {
  const linker = new CorpusLinker();
  const first = linker.link(before);
  const snapshot = JSON.stringify(first);
  const linked = linker.link(after);
  expect(linked).toEqual(linkCorpus(after));
  // The result before is never changed by the one after (a served build may still be read).
  expect(JSON.stringify(first)).toBe(snapshot);
  return { linked, how: linker.lastLink };
}

const replace = (records: SourceRecord[], file: string, record: SourceRecord) => records.map((r) => (r.file === file ? record : r));

describe('CorpusLinker', () => {
  it("applies a title edit (a new slug) to the edited article, its targets' citations and its citers' links", () => {
    const before = corpus();
    const after = replace(
      before,
      'c.md',
      article('c.md', head('story-c-edited-cccccc', 'Story C edited', { publishedAt: '2020-01-01T00:00:00.000Z' }), ['id:c', 'id:c-amp'], [['id:a']]),
    );
    const { linked, how } = relink(before, after);
    expect(how).toBe('incremental');
    const [a, b, c] = linked.articles;
    expect(a!.relatedSlugs).toEqual([[1, 'story-c-edited-cccccc']]);
    expect(b!.relatedSlugs).toEqual([
      [0, 'story-a-aaaaaa'],
      [1, 'story-c-edited-cccccc'],
      [2, 'story-c-edited-cccccc'],
    ]);
    expect(a!.citedBy.map((x) => x.title)).toEqual(['Story B', 'Story C edited']);
    expect(c!.citedBy.map((x) => x.slug)).toEqual(['story-b-bbbbbb', 'story-a-aaaaaa']);
  });

  it('applies a related item added to or removed from the corpus, and a heat change', () => {
    const before = corpus();
    const added = replace(before, 'd.md', article('d.md', head('story-d-dddddd', 'Story D'), ['id:d'], [['id:b'], ['id:nowhere'], ['id:c-amp']]));
    expect(relink(before, added).how).toBe('incremental');
    const removed = replace(
      before,
      'a.md',
      article('a.md', head('story-a-aaaaaa', 'Story A', { publishedAt: '2020-01-02T00:00:00.000Z' }), ['id:a'], [['id:elsewhere']]),
    );
    expect(relink(before, removed).how).toBe('incremental');
    const hotter = replace(
      before,
      'b.md',
      article('b.md', head('story-b-bbbbbb', 'Story B', { heat: 99, publishedAt: '2020-01-03T00:00:00.000Z' }), ['id:b'], [['id:a']]),
    );
    expect(relink(before, hotter).how).toBe('incremental');
  });

  it("applies a title edit of an article sharing a plain-text file's title, unless the file's body would change hands", () => {
    const shared = (file: string, slug: string, title = 'Shared') => article(file, head(slug, title), [`id:${file}`]);
    const before = [shared('a.md', 'shared-aaaaaa'), shared('b.md', 'shared-bbbbbb'), plain('p.txt', 'Shared'), plain('q.txt', 'Lone')];
    // p.txt is a.md's body: b.md may change its title, a.md may not, nor may b.md take the lone file's.
    expect(relink(before, replace(before, 'b.md', shared('b.md', 'other-bbbbbb', 'Other'))).how).toBe('incremental');
    expect(relink(before, replace(before, 'a.md', shared('a.md', 'other-aaaaaa', 'Other'))).how).toBe('full');
    expect(relink(before, replace(before, 'b.md', shared('b.md', 'lone-bbbbbb', 'Lone'))).how).toBe('full');
  });

  it('leaves a skipped duplicate skipped when it changes but keeps its URLs', () => {
    const before = corpus();
    const after = replace(before, 'e.md', article('e.md', head('story-e-eeeeee', 'Story E, again'), ['id:a', 'id:e']));
    const { linked, how } = relink(before, after);
    expect(how).toBe('incremental');
    expect(linked.diagnostics.map((d) => d.file)).toEqual(['e.md']);
  });

  it('links from scratch when an edit could change another file: a URL, a slug collision, a plain-text title, a file added', () => {
    const before = corpus();
    const cases: SourceRecord[][] = [
      replace(before, 'd.md', article('d.md', head('story-d-dddddd', 'Story D'), ['id:d2'])),
      replace(before, 'd.md', article('d.md', head('story-a-aaaaaa', 'Story D'), ['id:d'])),
      replace(before, 'd.md', article('d.md', head('story-a-aaaaaa-2', 'Story D'), ['id:d'])),
      replace(before, 'd.md', article('d.md', head('story-f-dddddd', 'Story F'), ['id:d'])),
      [...before, article('g.md', head('story-g-gggggg', 'Story G'), ['id:g'])],
    ];
    for (const after of cases) expect(relink(before, after).how).toBe('full');
  });

  it('keeps agreeing with linkCorpus over a long run of random edits', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const size = 60;
    // The last five files repeat the first five's URLs (skipped duplicates); two plain-text files
    // give bodies to two titles.
    const records: SourceRecord[] = Array.from({ length: size }, (_, i) =>
      article(
        `${String(i).padStart(3, '0')}.md`,
        head(`s${i}-${i}`, `T${i}`, { publishedAt: `2020-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00.000Z` }),
        [`id:${i % (size - 5)}`],
        [],
      ),
    );
    records.push(plain('p1.txt', 'T3'), plain('p2.txt', 'T7'));
    const linker = new CorpusLinker();
    linker.link([...records]);
    let incremental = 0;
    for (let step = 0; step < 400; step++) {
      const edited = new Set(Array.from({ length: random(4) === 0 ? 2 : 1 }, () => random(size)));
      for (const i of edited) {
        const old = records[i]!.article!;
        const title = random(4) === 0 ? `T${random(size + 20)}` : old.head.title;
        const related = Array.from({ length: random(5) }, () => [`id:${random(size + 10)}`]);
        records[i] = article(
          records[i]!.file,
          head(`${title.toLowerCase()}-${random(3) === 0 ? random(size) : i}`, title, { heat: random(100), publishedAt: old.head.publishedAt! }),
          old.identities,
          related,
        );
      }
      const before = JSON.stringify(linker.link([...records]));
      if (linker.lastLink === 'incremental') incremental++;
      expect(before).toBe(JSON.stringify(linkCorpus(records)));
    }
    // The run has to exercise both paths.
    expect(incremental).toBeGreaterThan(100);
    expect(incremental).toBeLessThan(380);
  });
});
