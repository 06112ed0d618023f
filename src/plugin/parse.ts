import { Buffer, isUtf8 } from 'node:buffer';
import matter from 'gray-matter';
import type { BodyBlock } from '../contract/article.ts';
import { diagnostic, type Diagnostic, type DiagnosticInput } from './diagnostics.ts';
import { parseSimpleYaml } from './fast-yaml.ts';
import { FieldLines } from './field-lines.ts';
import { parseMarkdownBody } from './markdown-body.ts';
import { LIMITS, normalizeArticle, type NormalizedArticle } from './normalize.ts';
import { parsePlainText } from './plain-text.ts';
import { titleKey } from './title-key.ts';

/** The fast path for generated YAML, falling back to gray-matter's own js-yaml engine. */
const fullYaml = (matter as unknown as { engines: { yaml: { parse(text: string): unknown } } }).engines.yaml;
const yamlEngine = (text: string): object => (parseSimpleYaml(text) ?? fullYaml.parse(text)) as object;
const fullYamlEngine = (text: string): object => fullYaml.parse(text) as object;

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

interface YamlError {
  reason?: string;
  message?: string;
  mark?: { line?: number; column?: number };
}

function capBody(blocks: BodyBlock[], report: (p: DiagnosticInput) => void): BodyBlock[] {
  let total = 0;
  const kept: BodyBlock[] = [];
  for (const block of blocks) {
    total += block.text.length;
    if (total > LIMITS.bodyChars) {
      report({ code: 'field-truncated', field: 'body', message: `the body is longer than ${LIMITS.bodyChars} characters; the rest was cut`, expected: `at most ${LIMITS.bodyChars} characters` });
      break;
    }
    kept.push(block);
  }
  return kept;
}

/** Where the front matter opened by the first line ends, found without splitting the file. */
interface FrontMatterBounds {
  /** Start of the closing `---` or `...` line. */
  closeStart: number;
  /** End of the closing line (its newline, or the end of the text). */
  closeEnd: number;
  /** 0-based line number of the closing line. */
  close: number;
  /**
   * Whether gray-matter would cut the same block: closed by `---`, with no earlier line starting
   * with `---`. Then the fast YAML path reads it in place, without gray-matter's wrapper (which
   * hashes the whole file for its cache lookup and scans it for comments: a tenth of parsing).
   */
  sameAsGrayMatter: boolean;
}

const DELIMITER = /^(---|\.\.\.)\s*$/;

/** The first line from `from` on that closes the front matter (as gray-matter cuts it), or undefined. */
function frontMatterBounds(text: string, from: number): FrontMatterBounds | undefined {
  let dashedBefore = false;
  let close = 1;
  for (let start = from; start <= text.length; close++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // Only a line starting with "-" or "." can close the block, or make gray-matter cut it elsewhere.
    const first = text.charCodeAt(start);
    if (first === 45 || first === 46) {
      if (DELIMITER.test(text.slice(start, end))) {
        return { closeStart: start, closeEnd: end, close, sameAsGrayMatter: !dashedBefore && text.startsWith('---', start) };
      }
      if (text.startsWith('---', start)) dashedBefore = true;
    }
    start = end + 1;
  }
  return undefined;
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
  const text = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  if (text.trim() === '') {
    report({ code: 'empty-file', message: 'the file has no content; it was skipped' });
    return record;
  }

  const firstLineEnd = text.indexOf('\n');
  if (/^---\s*$/.test(firstLineEnd < 0 ? text : text.slice(0, firstLineEnd))) {
    const from = firstLineEnd + 1;
    const bounds = firstLineEnd < 0 ? undefined : frontMatterBounds(text, from);
    if (!bounds) {
      report({ code: 'unterminated-front-matter', line: 1, message: 'the front matter opened by "---" on line 1 is never closed; the file was skipped', expected: 'a closing "---" line', hint: 'add a line holding only --- after the last field' });
      return record;
    }
    const { closeStart, closeEnd, close } = bounds;
    let data: unknown;
    try {
      const direct = bounds.sameAsGrayMatter;
      // When the fast path already failed on this very block, gray-matter goes straight to
      // js-yaml. Passing options also turns off gray-matter's unbounded cache of every input.
      data =
        (direct ? parseSimpleYaml(text, from, closeStart - 1) : undefined) ??
        matter(text, { engines: { yaml: direct ? fullYamlEngine : yamlEngine } }).data;
    } catch (error) {
      const yaml = error as YamlError;
      // js-yaml counts from the line after `---`; an error at the end of the stream is shown on
      // the closing delimiter rather than past it.
      const line = yaml.mark?.line !== undefined ? Math.min(yaml.mark.line + 2, close + 1) : undefined;
      const column = yaml.mark?.column !== undefined ? yaml.mark.column + 1 : undefined;
      const reason = yaml.reason ?? String(yaml.message ?? error).split('\n')[0];
      report({ code: 'yaml-syntax', line, column, message: `${reason}; the file was skipped`, expected: 'valid YAML between the --- lines', hint: 'quote values that contain ": " or start with a special character' });
      return record;
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      report({ code: 'front-matter-not-object', line: 2, message: 'the front matter is not a set of fields; the file was skipped', expected: 'key: value lines' });
      return record;
    }
    // Made on the first problem only: most files have none.
    let fieldLines: FieldLines | undefined;
    const frontMatterLines = () => (close === 1 ? [] : text.slice(from, closeStart - 1).split('\n'));
    const located = (problem: DiagnosticInput) =>
      report(problem.line === undefined && problem.field ? { ...problem, line: (fieldLines ??= new FieldLines(frontMatterLines(), 2)).lineOf(problem.field) } : problem);
    const body = capBody(parseMarkdownBody(closeEnd < text.length ? text.slice(closeEnd + 1) : ''), located);
    const article = normalizeArticle(file, data as Record<string, unknown>, body, located);
    if (article) record.article = article;
    return record;
  }

  const plain = parsePlainText(text);
  if (!plain) {
    report({ code: 'missing-title', message: 'no line of real text to use as a title; the file was skipped', expected: 'a headline on the first line' });
    return record;
  }
  let title = plain.title;
  if (title.length > LIMITS.title) {
    report({ code: 'field-truncated', line: plain.titleLine, field: 'title', message: `the first line is ${title.length} characters; cut to ${LIMITS.title}`, expected: `a headline of at most ${LIMITS.title} characters` });
    title = `${title.slice(0, LIMITS.title - 1).trimEnd()}…`;
  }
  record.plain = { file, title, titleLine: plain.titleLine, titleKey: titleKey(title), body: capBody(plain.body, report) };
  return record;
}
