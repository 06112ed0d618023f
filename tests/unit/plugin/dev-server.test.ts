import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewsBuild } from '../../../src/plugin/build-result.ts';
import { dataMiddleware, DevBuilds, type DevState } from '../../../src/plugin/dev-server.ts';

const fakeBuild = (name: string) => ({ dataFile: async (p: string) => (p === 'data/index.json' ? `{"build":"${name}"}` : undefined) }) as unknown as NewsBuild;

async function request(handler: ReturnType<typeof dataMiddleware>, url: string) {
  const res = { statusCode: 200, headers: {} as Record<string, string>, body: '', nexted: false };
  const response = {
    setHeader: (k: string, v: string) => (res.headers[k] = v),
    end: (body: string) => (res.body = body),
    set statusCode(code: number) {
      res.statusCode = code;
    },
  } as unknown as ServerResponse;
  await handler({ url } as IncomingMessage, response, () => (res.nexted = true));
  return res;
}

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('dev data middleware', () => {
  const state: DevState = { build: fakeBuild('one') };
  const handler = dataMiddleware('/', async () => state);

  it('answers a malformed percent-encoding with 400, never a throw', async () => {
    const res = await request(handler, '/data/article/%ZZ.json');
    expect(res.statusCode).toBe(400);
    expect(res.body).toBe('Bad request: malformed percent-encoding in /data/article/%ZZ.json');
  });

  it('serves data files, 404 for unknown ones, and passes other URLs on', async () => {
    expect(await request(handler, '/data/index.json?t=1')).toMatchObject({ statusCode: 200, body: '{"build":"one"}' });
    expect(await request(handler, '/data/article/none.json')).toMatchObject({ statusCode: 404, body: 'Not found' });
    expect(await request(handler, '/src/main.tsx')).toMatchObject({ nexted: true, body: '' });
  });

  it('answers 503 with the reason when no build ever succeeded', async () => {
    const broken = dataMiddleware('/', async () => ({ error: new Error("ENOENT: no such file or directory, scandir '/gone'") }));
    expect(await request(broken, '/data/index.json')).toMatchObject({
      statusCode: 503,
      body: "news: no content to serve: ENOENT: no such file or directory, scandir '/gone'",
    });
  });
});

describe('dev builds', () => {
  it('keeps the last good build after a failure, and rebuilds in full when the folder comes back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'news-devbuilds-'));
    dirs.push(dir);
    const events: string[] = [];
    let next = 1;
    let failWith: Error | undefined;
    const builds = new DevBuilds(
      dir,
      {
        run: async (changed) => {
          events.push(`run ${changed ? changed.join(',') : 'all'}`);
          if (failWith) throw failWith;
          return fakeBuild(`b${next++}`);
        },
        onFailure: (e) => events.push(`failure ${e.message}`),
        onFolderBack: () => events.push('folder back'),
        onRecovered: () => events.push('recovered'),
        onUpdated: () => events.push('updated'),
      },
      20,
    );
    const first = (await builds.current()).build!;
    await builds.rebuild(['a.md']);
    rmSync(dir, { recursive: true });
    failWith = new Error('ENOENT: scandir');
    await builds.rebuild(['b.md']);
    await builds.rebuild(['c.md']);
    const during = await builds.current();
    expect(during.error?.message).toBe('ENOENT: scandir');
    expect(await during.build!.dataFile('data/index.json')).toBe('{"build":"b2"}');
    expect(first).not.toBe(during.build);

    failWith = undefined;
    mkdirSync(dir);
    await expect.poll(() => events.at(-1), { timeout: 2000 }).toBe('updated');
    const after = await builds.current();
    builds.close();
    expect(after.error).toBeUndefined();
    expect(await after.build!.dataFile('data/index.json')).toBe('{"build":"b3"}');
    expect(events).toEqual([
      'run all',
      'run a.md',
      'updated',
      'run b.md',
      'failure ENOENT: scandir',
      // Failed before: a full build, and the same failure is not reported twice.
      'run all',
      'folder back',
      'run all',
      'recovered',
      'updated',
    ]);
  });
});
