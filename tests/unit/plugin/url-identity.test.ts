import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/generate/corpus';
import { hash64, parsedUrlIdentity, plainHref, urlIdentity, urlIdentityKey } from '../../../src/plugin/url-identity';
import { sharedCorpusDir } from '../../support/shared-corpus';

const SEEDS = path.resolve(__dirname, '../../../seeds');

/** Every URL-looking value in the files of `dir` (front matter and bodies alike). */
async function urlsIn(dir: string): Promise<string[]> {
  const urls: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(md|txt)$/.test(entry.name)) continue;
    const text = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
    for (const match of text.matchAll(/https?:\/\/[^\s"'<>)\]]+/gi)) urls.push(match[0]);
  }
  return urls;
}

/** The key hashed in place is the hash of the identity. */
function expectKeyOfIdentity(url: string): void {
  const identity = urlIdentity(url);
  expect(urlIdentityKey(url), JSON.stringify(url)).toBe(identity ? hash64(identity) : undefined);
}

/** `plainHref`, where it answers, answers what the URL parser does. */
function expectParserHref(url: string): void {
  const plain = plainHref(url);
  if (plain !== undefined) expect(plain, JSON.stringify(url)).toBe(new URL(url).href);
}

describe('urlIdentity', () => {
  it('names one story by its different URLs', () => {
    const same = [
      'https://www.example.com/news/story/',
      'http://example.com/news/story',
      'HTTPS://WWW.EXAMPLE.COM/news/story#comments',
      'https://example.com:443/news/story?utm_source=x&fbclid=1',
      'https://example.com/news/story?amp&amp&amp&amp',
    ];
    for (const url of same) expect(urlIdentity(url), url).toBe('example.com/news/story');
    expect(urlIdentity('https://example.com/news/other')).not.toBe(urlIdentity(same[0]!));
    expect(urlIdentity('https://example.com/a?b=2&a=1')).toBe(urlIdentity('https://example.com/a?a=1&b=2'));
    expect(urlIdentity('javascript:alert(1)')).toBeUndefined();
    expect(urlIdentity('not a url')).toBeUndefined();
  });

  it('gives what the URL parser gives, for the URLs it reads without one and for the ones it must not', () => {
    const tricky = [
      'https://example.com',
      'https://example.com/',
      'https://example.com//double//slashes//',
      'https://sub.www.example.com/x',
      'https://www/x',
      'https://example.com/a/./b',
      'https://example.com/a/../b',
      'https://example.com/a/%2e%2E/b',
      'https://example.com/.well-known/x',
      'https://example.com/%7Euser/%zz/%41',
      "https://example.com/!$&'()*+,;=:@-._~",
      'https://example.com/with space',
      'https://example.com/a\tb\nc',
      'https://example.com/a\\b',
      'https://example.com/ünïcode',
      'https://example.com/a|b^c`d{e}',
      'https://user:pass@example.com/x',
      'https://example.com:8080/x',
      'https://example.com:80/x',
      'http://example.com:80/x',
      'https://127.0.0.1/x',
      'https://127.1/x',
      'https://0x7f.1/x',
      'https://1.2.3.4.example/x',
      'https://example.123/x',
      'https://example.com./x',
      'https://xn--nxasmq6b.com/x',
      'https://xn--zz.com/x',
      'https://-leading-hyphen.example.com/x',
      'https://ex_ample.com/x',
      'https://Example.com/x',
      ' https://example.com/x ',
      'https://example.com/x?',
      'https://example.com/x#',
      'https://www.example.com/a//',
      'http://www.example.com',
      'https://www.xn--nxasmq6b.com/x/',
      'javascript:alert(1)',
    ];
    for (const url of tricky) {
      expect(urlIdentity(url), JSON.stringify(url)).toBe(parsedUrlIdentity(url));
      expectParserHref(url);
      expectKeyOfIdentity(url);
    }
    expect(plainHref('https://example.com')).toBe('https://example.com/');
    expect(plainHref('https://Example.com/x')).toBeUndefined();
  });

  it('gives what the URL parser gives for every URL of the seeds, the real corpus and a generated one', async () => {
    const generated = await mkdtemp(path.join(tmpdir(), 'url-identity-'));
    try {
      await generateCorpus(generated, 300, 5);
      const urls = [...(await urlsIn(SEEDS)), ...(await urlsIn(sharedCorpusDir())), ...(await urlsIn(generated))];
      expect(urls.length).toBeGreaterThan(5000);
      let plain = 0;
      for (const url of urls) {
        expect(urlIdentity(url), url).toBe(parsedUrlIdentity(url));
        expectParserHref(url);
        expectKeyOfIdentity(url);
        if (plainHref(url) !== undefined) plain++;
      }
      expect(plain).toBeGreaterThan(urls.length / 2);
    } finally {
      await rm(generated, { recursive: true, force: true });
    }
  });

  it('keys stories by the same 14 base-36 characters as Number#toString(36) gives for both lanes', () => {
    // The straightforward form of hash64; the build's keys must not change with its speed-ups
    // (a parse cache written by one version is read by the next).
    const reference = (text: string): string => {
      let h1 = 0xdeadbeef;
      let h2 = 0x41c6ce57;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
      }
      h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
      h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
      return (h1 >>> 0).toString(36).padStart(7, '0') + (h2 >>> 0).toString(36).padStart(7, '0');
    };
    const texts = ['', 'a', 'example.com/x', 'ünïcode/ü', ...Array.from({ length: 20_000 }, (_, i) => `host${i}.example/${(i * 7919).toString(16)}`)];
    for (const text of texts) expect(hash64(text), text).toBe(reference(text));
  });
});
