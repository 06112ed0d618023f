import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonWithList, readChecked, writeChecked, writeCheckedParts } from '../../../src/plugin/checked-file';

const dir = mkdtempSync(path.join(tmpdir(), 'checked-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jsonWithList', () => {
  it('makes exactly JSON.stringify of the whole object, for empty, small and multi-piece lists', () => {
    const head = { version: 3, outDir: '/tmp/a "quoted" dir', savedAtNs: '123', saveId: 'ü-id' };
    for (const size of [0, 1, 9_999, 10_000, 10_001, 25_000]) {
      const list = Array.from({ length: size }, (_, i) => [`data/article/é${i}.json`, `k${i}`, String(i)]);
      const text = Buffer.concat(jsonWithList(head, 'entries', list)).toString('utf8');
      expect(text, `${size} entries`).toBe(JSON.stringify({ ...head, entries: list }));
    }
    expect(Buffer.concat(jsonWithList({}, 'entries', [[1]])).toString('utf8')).toBe('{"entries":[[1]]}');
  });
});

describe('writeCheckedParts', () => {
  it('writes the same file as writeChecked of the joined text, which readChecked reads back', () => {
    const parts = jsonWithList({ version: 1 }, 'entries', [
      ['a', 'ü'],
      ['b', 'c'],
    ]);
    const text = Buffer.concat(parts).toString('utf8');
    writeCheckedParts(path.join(dir, 'parts.json'), parts);
    writeChecked(path.join(dir, 'whole.json'), text);
    expect(readFileSync(path.join(dir, 'parts.json'))).toEqual(readFileSync(path.join(dir, 'whole.json')));
    expect(readChecked(path.join(dir, 'parts.json'))).toEqual({ text });
  });
});
