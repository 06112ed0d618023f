import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate/corpus';
import { beginTitleEdit, EDIT_JOURNAL, pickArticle, retitle, undoLeftoverEdit } from '../../bench/lib/title-edit';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bench-generate-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function readCorpus(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    files.set(path.relative(dir, abs), await readFile(abs));
  }
  return files;
}

describe('synthetic corpus generator', () => {
  it('is deterministic: same size and seed give byte-identical files', async () => {
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    const ra = await generateCorpus(a, 50, 7);
    const rb = await generateCorpus(b, 50, 7);
    expect(ra).toEqual(rb);
    expect(ra.files).toBe(50);
    const fa = await readCorpus(a);
    const fb = await readCorpus(b);
    expect(fa.size).toBe(50);
    expect([...fa.keys()].sort()).toEqual([...fb.keys()].sort());
    let total = 0;
    for (const [name, bytes] of fa) {
      expect(bytes.equals(fb.get(name)!), name).toBe(true);
      total += bytes.length;
    }
    expect(total).toBe(ra.bytes);
  });

  it('gives different files for a different seed', async () => {
    const c = path.join(root, 'c');
    const d = path.join(root, 'd');
    await generateCorpus(c, 50, 7);
    await generateCorpus(d, 50, 8);
    const fc = await readCorpus(c);
    const fd = await readCorpus(d);
    const joined = (m: Map<string, Buffer>) =>
      [...m.keys()]
        .sort()
        .map((k) => m.get(k)!.toString('utf8'))
        .join('\0');
    expect(joined(fc)).not.toBe(joined(fd));
  });

  it('writes nested Smartable files with the variety of real data', async () => {
    const dir = path.join(root, 'variety');
    const { files, bytes } = await generateCorpus(dir, 1000, 1);
    expect(files).toBe(1000);
    // Sizes like the seeds (about 10 KB per file on average).
    expect(bytes / files).toBeGreaterThan(6_000);
    expect(bytes / files).toBeLessThan(16_000);

    const corpus = await readCorpus(dir);
    expect(corpus.size).toBe(1000);
    const stats = {
      crlf: 0,
      lf: 0,
      video: 0,
      featured: 0,
      unpublished: 0,
      noImages: 0,
      twoImages: 0,
      plain: 0,
      onlyOriginalUrl: 0,
      amp: 0,
      updated: 0,
      heatMinus1: 0,
      floatQuality: 0,
      body: 0,
      relatedEmpty: 0,
      relatedMax: 0,
      inCorpusLinks: 0,
      plainSharingTitle: 0,
      noProviderImage: 0,
    };
    const providers = new Set<string>();
    const topics = new Set<string>();
    const webUrls = new Set<string>();
    const titles = new Set<string>();
    const relatedUrls: string[] = [];
    const plainTitles: string[] = [];

    for (const [name, buf] of corpus) {
      expect(name).toMatch(/^_news[\\/]\d{4}[\\/]\d{2}[\\/]\d{6}-[a-z0-9-]+\.(md|txt)$/);
      const text = buf.toString('utf8');
      if (text.includes('\r\n')) {
        stats.crlf++;
        expect(text.replace(/\r\n/g, '')).not.toContain('\n'); // consistently CRLF
      } else stats.lf++;

      if (name.endsWith('.txt')) {
        stats.plain++;
        expect(text.startsWith('---')).toBe(false);
        const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !/^(Skip to main content|Advertisement|Menu|Search|Sign up|Log in)$/.test(l));
        plainTitles.push(lines[0] ?? '');
        continue;
      }

      const { data, content } = matter(text);
      expect(data.category).toBe('news');
      expect(typeof data.title).toBe('string');
      expect(typeof data.excerpt).toBe('string');
      expect(data.publishedDateTime).toBeInstanceOf(Date);
      expect(['article', 'video']).toContain(data.type);
      expect(typeof data.quality).toBe('number');
      expect(typeof data.heat).toBe('number');
      expect(typeof data.published).toBe('boolean');
      expect(typeof data.secured).toBe('string');
      expect(data.provider.name).toBeTruthy();
      expect(data.provider.domain).toBeTruthy();
      expect(data.webUrl || data.originalUrl).toBeTruthy();
      expect(data.topics.length).toBeGreaterThanOrEqual(1);
      expect(data.topics.length).toBeLessThanOrEqual(3);

      titles.add(data.title);
      providers.add(data.provider.name);
      for (const t of data.topics) topics.add(t);
      if (data.webUrl) webUrls.add(data.webUrl);
      else stats.onlyOriginalUrl++;
      if (data.type === 'video') {
        stats.video++;
        expect(data.featuredContent).toMatch(/<iframe [^>]*src="https:\/\/www\.youtube\.com\/embed\/[\w-]{11}"[^>]*><\/iframe>/);
      }
      if (data.featuredContent) stats.featured++;
      if (data.published === false) stats.unpublished++;
      if (!data.images || data.images.length === 0) stats.noImages++;
      if (data.images?.length === 2) stats.twoImages++;
      if (!data.provider.images) stats.noProviderImage++;
      if (data.ampWebUrl && data.cdnAmpWebUrl) stats.amp++;
      if ('updatedDateTime' in data) stats.updated++;
      if (data.heat === -1) stats.heatMinus1++;
      if (!Number.isInteger(data.quality)) stats.floatQuality++;
      if (content.trim() !== '') stats.body++;
      const related = (data.related ?? []) as Array<Record<string, unknown>>;
      if (related.length === 0) stats.relatedEmpty++;
      stats.relatedMax = Math.max(stats.relatedMax, related.length);
      for (const r of related) {
        expect(typeof r.title).toBe('string');
        expect(typeof r.webUrl).toBe('string');
        expect(r.publishedDateTime).toBeInstanceOf(Date);
        relatedUrls.push(r.webUrl as string);
      }
    }
    for (const url of relatedUrls) if (webUrls.has(url)) stats.inCorpusLinks++;
    for (const t of plainTitles) if (titles.has(t)) stats.plainSharingTitle++;

    expect(stats.crlf).toBeGreaterThan(200);
    expect(stats.lf).toBeGreaterThan(500);
    expect(stats.video).toBeGreaterThan(50);
    expect(stats.featured).toBe(stats.video);
    expect(stats.unpublished).toBeGreaterThan(20);
    expect(stats.noImages).toBeGreaterThan(10);
    expect(stats.twoImages).toBeGreaterThan(10);
    expect(stats.noProviderImage).toBeGreaterThan(10);
    expect(stats.plain).toBeGreaterThan(5);
    expect(stats.plain).toBeLessThan(50);
    expect(stats.plainSharingTitle).toBeGreaterThan(0);
    expect(stats.onlyOriginalUrl).toBeGreaterThan(10);
    expect(stats.amp).toBeGreaterThan(10);
    expect(stats.updated).toBeGreaterThan(50);
    expect(stats.heatMinus1).toBeGreaterThan(50);
    expect(stats.floatQuality).toBeGreaterThan(10);
    expect(stats.body).toBeGreaterThan(50);
    expect(stats.relatedEmpty).toBeGreaterThan(300);
    expect(stats.relatedMax).toBeLessThanOrEqual(40);
    expect(stats.relatedMax).toBeGreaterThanOrEqual(35);
    expect(stats.inCorpusLinks).toBeGreaterThan(100);
    expect(providers.size).toBeGreaterThanOrEqual(40);
    expect(topics.size).toBeGreaterThanOrEqual(35);
  });
});

describe('varied corpus style', () => {
  it('is deterministic and parses to the same data as the plain style, file by file', async () => {
    const plain = path.join(root, 'style-plain');
    const varied = path.join(root, 'style-varied');
    const again = path.join(root, 'style-varied-again');
    await generateCorpus(plain, 300, 3, 'plain');
    await generateCorpus(varied, 300, 3, 'varied');
    await generateCorpus(again, 300, 3, 'varied');
    const fp = await readCorpus(plain);
    const fv = await readCorpus(varied);
    const fa = await readCorpus(again);
    expect([...fv.keys()].sort()).toEqual([...fp.keys()].sort());
    const seen = { single: 0, bare: 0, folded: 0, literal: 0, comment: 0, flow: 0, bom: 0, crlf: 0, emptyNull: 0, indent4: 0, differs: 0 };
    for (const [name, buf] of fv) {
      expect(buf.equals(fa.get(name)!), name).toBe(true);
      const text = buf.toString('utf8');
      if (text.startsWith('\ufeff')) seen.bom++;
      if (text.includes('\r\n')) seen.crlf++;
      if (!name.endsWith('.md')) continue;
      if (text !== fp.get(name)!.toString('utf8')) seen.differs++;
      if (/^ *title: '/m.test(text)) seen.single++;
      if (/^title: [A-Z]/m.test(text)) seen.bare++;
      if (/: >-\r?$/m.test(text)) seen.folded++;
      if (/: \|-\r?$/m.test(text)) seen.literal++;
      if (/^ *#/m.test(text)) seen.comment++;
      if (/^topics: \[/m.test(text)) seen.flow++;
      if (/^updatedDateTime:\r?$/m.test(text)) seen.emptyNull++;
      if (/^provider:\r?\n {4}name/m.test(text)) seen.indent4++;
      const a = matter(fp.get(name)!.toString('utf8'));
      const b = matter(text);
      expect(b.data, name).toEqual(a.data);
      expect(b.content, name).toBe(a.content);
    }
    for (const [form, count] of Object.entries(seen)) expect(count, form).toBeGreaterThan(0);
    expect(seen.differs).toBeGreaterThan(250);
  });
});

describe("the bench's one-title change", () => {
  it('changes the title of every front-matter file of both styles, and no other byte outside the title entry', async () => {
    // The generator writes no title as a block scalar: the hand-written case below has one.
    const forms = { double: 0, single: 0, bare: 0, bom: 0, crlf: 0 };
    for (const style of ['plain', 'varied'] as const) {
      const dir = path.join(root, `retitle-${style}`);
      await generateCorpus(dir, 120, 5, style);
      for (const [name, buf] of await readCorpus(dir)) {
        if (!name.endsWith('.md')) continue;
        const text = buf.toString('utf8');
        const line = /^title:(.*)$/m.exec(text)![1]!.trim();
        if (line.startsWith('"')) forms.double++;
        else if (line.startsWith("'")) forms.single++;
        else forms.bare++;
        if (text.startsWith('\ufeff')) forms.bom++;
        if (text.includes('\r\n')) forms.crlf++;

        const edited = retitle(text, 'Changed: "quotes" and # hash', name);
        const before = matter(text, {});
        const after = matter(edited, {});
        expect(after.data.title, name).toBe('Changed: "quotes" and # hash');
        expect({ ...after.data, title: before.data.title }, name).toEqual(before.data);
        expect(after.content, name).toBe(before.content);
        // Everything before the title line and after its entry is the file's own bytes.
        const start = text.search(/^title:/m);
        expect(edited.slice(0, start), name).toBe(text.slice(0, start));
        const rest = edited.slice(start).replace(/^title: .*\r?\n/, '');
        expect(text.endsWith(rest), name).toBe(true);
        expect(edited.includes('\r\n'), name).toBe(text.includes('\r\n'));
      }
    }
    for (const [form, count] of Object.entries(forms)) expect(count, form).toBeGreaterThan(0);
  });

  it('replaces a folded title block whole, in a CRLF file with a BOM', () => {
    const text = '\ufeff---\r\nid: 1\r\ntitle: >-\r\n  A long title\r\n\r\n  folded here\r\nexcerpt: x\r\n---\r\nBody title: not this\r\n';
    expect(retitle(text, 'New', 'a.md')).toBe('\ufeff---\r\nid: 1\r\ntitle: "New"\r\nexcerpt: x\r\n---\r\nBody title: not this\r\n');
  });

  it('names the file when there is no title in its front matter to change', () => {
    expect(() => retitle('---\nid: 1\n---\ntitle: in the body\n', 'New', 'x/b.md')).toThrow('x/b.md: no top-level title in the front matter');
    expect(() => retitle('plain text, no front matter', 'New', 'c.txt')).toThrow(/c\.txt: no top-level title/);
  });

  it('picks the first published article in path order, changes it and puts its bytes back', async () => {
    const dir = path.join(root, 'pick');
    await mkdir(path.join(dir, 'b'), { recursive: true });
    await writeFile(path.join(dir, 'a.txt'), 'A plain-text article\n');
    await writeFile(path.join(dir, 'b', '1.md'), '---\ntitle: Draft\npublished: false\n---\n');
    const original = "---\r\ntitle: 'It''s the one'\r\npublished: true\r\n---\r\n";
    await writeFile(path.join(dir, 'b', '2.md'), original);
    await writeFile(path.join(dir, 'c.md'), '---\ntitle: Later\n---\n');
    expect(await pickArticle(dir)).toEqual({ file: path.join(dir, 'b', '2.md'), title: "It's the one" });

    const edit = await beginTitleEdit(dir);
    await edit.write(' (bench edit 1)');
    expect(await readFile(edit.file, 'utf8')).toBe('---\r\ntitle: "It\'s the one (bench edit 1)"\r\npublished: true\r\n---\r\n');
    expect(existsSync(path.join(dir, EDIT_JOURNAL))).toBe(true);
    await edit.restore();
    expect(await readFile(edit.file, 'utf8')).toBe(original);
    expect(existsSync(path.join(dir, EDIT_JOURNAL))).toBe(false);
  });

  it('puts back a file a run left changed when it was interrupted', async () => {
    const dir = path.join(root, 'interrupted');
    await mkdir(dir, { recursive: true });
    const original = '---\ntitle: Before\n---\n';
    await writeFile(path.join(dir, 'a.md'), original);
    const edit = await beginTitleEdit(dir);
    await edit.write(' (bench edit 1)');
    // The run ends here without restore().
    expect(await undoLeftoverEdit(dir)).toBe(true);
    expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe(original);
    expect(await undoLeftoverEdit(dir)).toBe(false);
  });
});
