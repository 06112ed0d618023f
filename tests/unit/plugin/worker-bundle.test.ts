import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keptBundle, type BundleManifest } from '../../../src/plugin/worker-pool';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe('kept worker bundle', () => {
  it('is reused only while every source file it was made from is unchanged', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'worker-bundle-'));
    try {
      const bundle = path.join(dir, 'bundle.cjs');
      const a = path.join(dir, 'a.ts');
      const b = path.join(dir, 'b.ts');
      await writeFile(bundle, 'module.exports = 1;');
      await writeFile(a, 'export const a = 1;');
      await writeFile(b, 'export const b = 2;');
      const manifestFile = path.join(dir, 'manifest.json');
      const manifest: BundleManifest = { file: bundle, inputs: { [a]: sha1('export const a = 1;'), [b]: sha1('export const b = 2;') } };
      await writeFile(manifestFile, JSON.stringify(manifest));
      expect(keptBundle(manifestFile)).toBe(bundle);

      await writeFile(b, 'export const b = 3;');
      expect(keptBundle(manifestFile)).toBeUndefined();
      await writeFile(b, 'export const b = 2;');
      expect(keptBundle(manifestFile)).toBe(bundle);

      await rm(a);
      expect(keptBundle(manifestFile)).toBeUndefined();
      await writeFile(a, 'export const a = 1;');
      await rm(bundle);
      expect(keptBundle(manifestFile)).toBeUndefined();
      await writeFile(manifestFile, '{ not json');
      expect(keptBundle(manifestFile)).toBeUndefined();
      expect(keptBundle(path.join(dir, 'missing.json'))).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
