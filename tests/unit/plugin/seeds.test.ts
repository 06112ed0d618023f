import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDetail } from '../../../src/contract/article';
import type { NewsBuild } from '../../../src/plugin/build-result';
import { buildNewsData } from '../../../src/plugin/pipeline';

const SEEDS = path.resolve(__dirname, '../../../seeds');
let build: NewsBuild;
let articles: ArticleDetail[];
const byUrlPart = (part: string): ArticleDetail => {
  const found = articles.find((a) => a.url?.includes(part));
  if (!found) throw new Error(`no article with URL containing ${part}`);
  return found;
};
const text = (a: ArticleDetail) => a.body.map((b) => b.text).join('\n');

beforeAll(async () => {
  build = await buildNewsData({ dir: SEEDS });
  articles = await Promise.all(build.articles.map(async (a) => (await build.readArticle(a.head.slug))!));
});

describe('seeds', () => {
  it('reads five files into four articles without a problem (003 is the body of 001)', () => {
    expect(build.files).toBe(5);
    expect(build.diagnostics).toEqual([]);
    expect(articles).toHaveLength(4);
    expect(build.bySlug.get(byUrlPart('digitaltrends.com').slug)).toMatchObject({
      file: '001_b6f788767d3a8fd8.txt',
      bodyFile: '003_560a09c2e82ac3d5.txt',
    });
  });

  it('000: every field carried into the contract', () => {
    const a = byUrlPart('theintercept.com');
    expect(a).toMatchObject({
      slug: 'the-microsoft-police-state-mass-surveillance-facial-81eba3',
      title: 'The Microsoft Police State: Mass Surveillance, Facial Recognition, and the Azure Cloud',
      excerpt:
        'Microsoft helps police surveil and patrol communities through its own offerings and a network of partnerships — while its PR efforts obscure this.',
      publishedAt: '2020-07-14T19:45:00.000Z',
      url: 'https://theintercept.com/2020/07/14/microsoft-police-state-mass-surveillance-facial-recognition/',
      category: 'news',
      type: 'article',
      quality: 65,
      heat: 105,
      published: true,
      provider: { name: 'The Intercept', domain: 'theintercept.com' },
      topics: ['Natural Language Processing', 'AI', 'Computer Vision', 'Microsoft AI'],
      image: {
        url: 'https://theintercept.imgix.net/wp-uploads/sites/1/2020/07/ms-police-state-final-theintercept.jpg?auto=compress%2Cformat&q=90&fit=crop&w=1200&h=800',
        width: 1200,
        height: 800,
      },
      relatedCount: 4,
      body: [],
    });
    expect(a.related.map((r) => r.quality)).toEqual([...a.related.map((r) => r.quality)].sort((x, y) => y! - x!));
  });

  it('001: unranked, unpublished, AMP links, logo, 31 unique related stories sorted by quality then date', () => {
    const a = byUrlPart('digitaltrends.com');
    expect(a).toMatchObject({
      title: 'Microsoft won’t sell facial recognition technology to police',
      publishedAt: '2020-06-11T18:51:00.000Z',
      ampUrl: 'https://www.digitaltrends.com/news/microsoft-wont-sell-facial-recognition-technology-to-police/?amp',
      cdnAmpUrl:
        'https://www-digitaltrends-com.cdn.ampproject.org/c/s/www.digitaltrends.com/news/microsoft-wont-sell-facial-recognition-technology-to-police/?amp',
      quality: 69,
      heat: -1,
      published: false,
      provider: {
        name: 'Digital Trends',
        domain: 'digitaltrends.com',
        logo: { url: 'https://smartableai.github.io/artificial-intelligence/assets/images/organizations/digitaltrends.com-50x50.jpg', width: 50, height: 50 },
      },
      topics: ['Computer Vision', 'AI'],
      images: [],
      relatedCount: 31,
    });
    expect(a.image).toBeUndefined();
    expect(a.related).toHaveLength(31);
    expect(a.related.filter((r) => r.url.includes('idUSKBN23I2T6'))).toHaveLength(1);
    for (let i = 1; i < a.related.length; i++) {
      const [prev, cur] = [a.related[i - 1]!, a.related[i]!];
      expect(prev.quality! > cur.quality! || (prev.quality === cur.quality && (prev.publishedAt ?? '') >= (cur.publishedAt ?? ''))).toBe(true);
    }
  });

  it('001: the body is 003 from "Following in other tech giants’ footsteps" to the Saira Hussain paragraph, without debris', () => {
    const a = byUrlPart('digitaltrends.com');
    const body = text(a);
    expect(a.body[0]!.text.startsWith('Following in other tech giants’ footsteps')).toBe(true);
    expect(a.body.at(-1)!.text).toBe(
      'When it comes to the private sphere, Hussain told Digital Trends that she fears corporations will develop this technology without considering the ethical implications.',
    );
    expect(body).toContain('Saira Hussain said');
    for (const debris of [
      'Skip to main content',
      'Recommended Videos',
      'Please enable Javascript',
      'Read more',
      'Windows 11',
      'bears',
      'Getty Images',
      'Allison Matyus',
      'Facial Recognition Composite',
    ]) {
      expect(body).not.toContain(debris);
    }
    expect(body).not.toContain(a.title);
    expect(a.body).toHaveLength(12);
  });

  it('002: the Fast Company item of 001 links to 002, and 002 links back', () => {
    const source = byUrlPart('digitaltrends.com');
    const target = byUrlPart('fastcompany.com/90516127');
    expect(target).toMatchObject({ quality: 37, heat: -1, published: false, provider: { name: 'Fast Company', domain: 'fastcompany.com' } });
    expect(target.url).toBe('https://www.fastcompany.com/90516127/now-microsoft-is-banning-police-from-using-its-facial-recognition-tech-too?amp&amp&amp&amp');
    expect(target.image).toEqual({
      url: 'https://images.fastcompany.net/image/upload/w_1280,f_auto,q_auto,fl_lossy/wp-cms/uploads/2020/06/p-1-now-microsoft-is-banning-police-from-using-its-facial-recognition-tech-too.jpg',
      width: 1280,
      height: 720,
      title: 'Now Microsoft is banning police from using its facial recognition tech, too',
    });
    const linked = source.related.filter((r) => r.slug);
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ slug: target.slug, provider: { name: 'Fast Company' } });
    expect(target.citedBy).toEqual([{ slug: source.slug, title: source.title, provider: source.provider, publishedAt: source.publishedAt, unpublished: true }]);
    expect(target.citedByCount).toBe(1);
    // The other Fast Company story (?partner=rss) is a different article and stays external.
    expect(source.related.filter((r) => r.provider.name === 'Fast Company')).toHaveLength(2);
  });

  it('004: a plain-text article of its own, titled by its headline, with nothing invented', () => {
    const a = articles.find((x) => !x.url)!;
    expect(a.title).toBe('Microsoft’s ban on facial recognition technology may not be voluntary but under outside pressure');
    expect(a.body[0]!.text.startsWith('On Thursday, Microsoft announced')).toBe(true);
    expect(text(a)).not.toMatch(/ban on facial recognition technology may not be voluntary/);
    expect(a).toMatchObject({ heat: -1, published: true, topics: [], related: [], images: [] });
    for (const absent of ['provider', 'publishedAt', 'url', 'quality', 'image']) expect(a).not.toHaveProperty(absent);
  });

  it('no emitted byte holds any part of a secured value', async () => {
    const secrets: string[] = [];
    for (const name of ['000_ceed0cb3b1ce101b.txt', '001_b6f788767d3a8fd8.txt', '002_f5098144ecc78018.txt']) {
      const raw = await readFile(path.join(SEEDS, name), 'utf8');
      const value = /^secured: "([^"]+)"/m.exec(raw)![1]!;
      // Every 16-character piece: no fragment of the blob may leak.
      for (let i = 0; i + 16 <= value.length; i += 8) secrets.push(value.slice(i, i + 16));
    }
    const output = (await build.allDataFiles()).map(([, json]) => json).join('\n');
    expect(secrets.length).toBeGreaterThan(100);
    for (const piece of secrets) expect(output.includes(piece)).toBe(false);
    expect(output).not.toContain('secured');
  });

  it('the default view leaves out unpublished articles; the index holds page 1 and topic counts', () => {
    expect(build.index.totals).toEqual({ published: 2, unpublished: 2, providers: 3 });
    expect(build.index.firstPage.items.map((c) => c.title)).toEqual([
      'The Microsoft Police State: Mass Surveillance, Facial Recognition, and the Azure Cloud',
      'Microsoft’s ban on facial recognition technology may not be voluntary but under outside pressure',
    ]);
    expect(build.index.topics).toEqual([
      { slug: 'ai', name: 'AI', count: 1, unpublishedCount: 2 },
      { slug: 'computer-vision', name: 'Computer Vision', count: 1, unpublishedCount: 2 },
      { slug: 'microsoft-ai', name: 'Microsoft AI', count: 1, unpublishedCount: 0 },
      { slug: 'natural-language-processing', name: 'Natural Language Processing', count: 1, unpublishedCount: 0 },
    ]);
  });

  it('drops unpublished articles entirely when asked, with the links to them', async () => {
    const dropped = await buildNewsData({ dir: SEEDS, dropUnpublished: true });
    expect(dropped.articles.map((a) => a.head.published)).toEqual([true, true]);
    expect(dropped.index.totals.unpublished).toBe(0);
    const paths = (await dropped.allDataFiles()).map(([p]) => p);
    expect(paths.some((p) => p.includes('/unpublished/'))).toBe(false);
  });

  it('is deterministic: two builds give byte-identical data files', async () => {
    const again = await buildNewsData({ dir: SEEDS });
    expect(await again.allDataFiles()).toEqual(await build.allDataFiles());
  });
});
