import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NewsBuild } from '../../../src/plugin/build-result';
import { DevSearchIndex } from '../../../src/plugin/dev-search';
import { buildNewsData } from '../../../src/plugin/pipeline';

const SEEDS = path.resolve(__dirname, '../../../seeds');

interface Served {
  status: number;
  type?: string;
  body: string;
}

/** One request through the middleware; `undefined` when it passed the request on. */
async function request(search: DevSearchIndex, url: string): Promise<Served | undefined> {
  const headers = new Map<string, string>();
  let served: Served | undefined;
  const res = {
    statusCode: 0,
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
    end(body: string | Uint8Array) {
      served = { status: this.statusCode, type: headers.get('content-type'), body: Buffer.from(body).toString('utf8') };
    },
  };
  let passed = false;
  await search.middleware('/')({ url } as IncomingMessage, res as unknown as ServerResponse, () => (passed = true));
  return passed ? undefined : served;
}

describe('the dev server search index', () => {
  let build: NewsBuild;
  beforeAll(async () => {
    build = await buildNewsData({ dir: SEEDS });
  });

  it('indexes nothing until the page asks for it, then every content build', async () => {
    const lines: string[] = [];
    const search = new DevSearchIndex(
      (line) => lines.push(line),
      (line) => lines.push(`warn: ${line}`),
    );
    search.update(build);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toEqual([]);

    const entry = await request(search, '/pagefind/pagefind-entry.json?ts=1');
    expect(entry).toMatchObject({ status: 200, type: 'application/json; charset=utf-8' });
    expect(JSON.parse(entry!.body)).toHaveProperty('languages');
    expect(lines).toEqual(['search: indexing 4 articles for the first search request', expect.stringMatching(/^search: indexed 4 articles in \d+ ms$/)]);
    expect(await request(search, '/pagefind/pagefind.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(await request(search, '/pagefind/no-such-file.pf_meta')).toMatchObject({ status: 404 });
    expect(await request(search, '/data/index.json')).toBeUndefined();

    // Now wanted: the next content build is indexed without a request.
    search.update(build);
    await expect.poll(() => lines.length).toBe(3);
    expect(lines[2]).toMatch(/^search: indexed 4 articles in \d+ ms$/);
    search.close();
  });
});
