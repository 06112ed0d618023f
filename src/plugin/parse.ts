import { Buffer, isUtf8 } from 'node:buffer';
import type { BodyBlock } from '../contract/article.ts';
import { diagnostic, type Diagnostic, type DiagnosticInput } from './diagnostics.ts';
import { readFrontMatter, withLf } from './front-matter.ts';
import { parseMarkdownBody } from './markdown-body.ts';
import { cutEnd, LIMITS, normalizeArticle, type NormalizedArticle } from './normalize.ts';
import { parsePlainText } from './plain-text.ts';
import { titleKey } from './title-key.ts';

/** Larger files are refused outright: no news article is 16 MB of text. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface PlainTextRecord {
  file: string;
  title: string;
  titleLine: number;
  titleKey: string;
  body: BodyBlock[];
}

/** Everything one file contributes; a pure function of its path and bytes, so it can be cached. */
export interface FileRecord {
  file: string;
  diagnostics: Diagnostic[];
  article?: NormalizedArticle;
  plain?: PlainTextRecord;
}

function decodeText(bytes: Uint8Array): string | undefined {
  // NUL bytes never occur in text; invalid UTF-8 means an image or archive saved as .md.
  if (bytes.subarray(0, 8192).includes(0) || !isUtf8(bytes)) return undefined;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

function capBody(blocks: BodyBlock[], report: (p: DiagnosticInput) => void): BodyBlock[] {
  let total = 0;
  const kept: BodyBlock[] = [];
  for (const block of blocks) {
    total += block.text.length;
    if (total > LIMITS.bodyChars) {
      report({
        code: 'field-truncated',
        field: 'body',
        message: `the body is longer than ${LIMITS.bodyChars} characters; the rest was cut`,
        expected: `at most ${LIMITS.bodyChars} characters`,
      });
      break;
    }
    kept.push(block);
  }
  return kept;
}

export function parseFile(file: string, bytes: Uint8Array): FileRecord {
  const diagnostics: Diagnostic[] = [];
  const report = (problem: DiagnosticInput) => diagnostics.push(diagnostic(file, problem));
  const record: FileRecord = { file, diagnostics };

  if (bytes.length > MAX_FILE_BYTES) {
    report({ code: 'file-too-large', message: `${bytes.length} bytes; the file was skipped`, expected: `at most ${MAX_FILE_BYTES} bytes` });
    return record;
  }
  const decoded = decodeText(bytes);
  if (decoded === undefined) {
    report({ code: 'not-text', message: 'the file holds binary data or invalid UTF-8; it was skipped', expected: 'UTF-8 text' });
    return record;
  }
  const unmarked = decoded.replace(/^\uFEFF/, '');
  if (unmarked.trim() === '') {
    report({ code: 'empty-file', message: 'the file has no content; it was skipped' });
    return record;
  }

  const frontMatter = readFrontMatter(unmarked);
  if (frontMatter && 'problem' in frontMatter) {
    report(frontMatter.problem);
    return record;
  }
  if (frontMatter) {
    const { data, bodyStart, lineOf } = frontMatter;
    const located = (problem: DiagnosticInput) => report(problem.line === undefined && problem.field ? { ...problem, line: lineOf(problem.field) } : problem);
    const body = capBody(parseMarkdownBody(withLf(unmarked.slice(bodyStart))), located);
    const article = normalizeArticle(file, data, body, located);
    if (article) record.article = article;
    return record;
  }

  const text = withLf(unmarked);
  const plain = parsePlainText(text);
  if (!plain) {
    report({ code: 'missing-title', message: 'no line of real text to use as a title; the file was skipped', expected: 'a headline on the first line' });
    return record;
  }
  let title = plain.title;
  if (title.length > LIMITS.title) {
    report({
      code: 'field-truncated',
      line: plain.titleLine,
      field: 'title',
      message: `the first line is ${title.length} characters; cut to ${LIMITS.title}`,
      expected: `a headline of at most ${LIMITS.title} characters`,
    });
    title = `${title.slice(0, cutEnd(title, LIMITS.title - 1)).trimEnd()}…`;
  }
  record.plain = { file, title, titleLine: plain.titleLine, titleKey: titleKey(title), body: capBody(plain.body, report) };
  return record;
}
