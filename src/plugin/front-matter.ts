import matter from 'gray-matter';
import type { DiagnosticInput } from './diagnostics.ts';

/**
 * The one way front matter is read: cut as gray-matter cuts it, parsed by gray-matter's own
 * js-yaml engine (js-yaml 3's safe schema). `matter()` itself is not called: without options it
 * caches every input it sees, for the life of the process, and it would run the `---js` engine
 * (an `eval`) on any file that asks for it.
 */
const jsYaml = (matter as unknown as { engines: { yaml: { parse(text: string): unknown } } }).engines.yaml;

export interface FrontMatter {
  /** The fields, as js-yaml returns them (dates as `Date`). */
  data: Record<string, unknown>;
  /** Offset in the text given where the body starts: just past the closing line's line break. */
  bodyStart: number;
  /**
   * The 1-based line of the text where `field` is written: a top-level key (`title`) or an item
   * of a top-level list (`related[3]`, `images[0].url`); any deeper path gives its top-level
   * key's line. Undefined when the field is not written.
   */
  lineOf(field: string): number | undefined;
}

/** A file that opens front matter which cannot be read; the file is skipped. */
export interface FrontMatterProblem {
  problem: DiagnosticInput;
}

/** Any line break a file may hold: CRLF, LF, and the lone CR of old Mac editors. */
const LINE_BREAK = /\r\n?|\n/g;

interface Line {
  start: number;
  /** Where its line break begins (the text's length for the last line). */
  end: number;
  /** Where the next line begins (past the text's end for the last line). */
  next: number;
}

function lineAt(text: string, start: number): Line {
  LINE_BREAK.lastIndex = start;
  const found = LINE_BREAK.exec(text);
  return found ? { start, end: found.index, next: found.index + found[0].length } : { start, end: text.length, next: text.length + 1 };
}

/** A line that closes the block for the body: `---` or YAML's document end `...`, then only spaces. */
const CLOSING_LINE = /^(---|\.\.\.)\s*$/;

/**
 * What may follow the opening `---` as the name of a front-matter language (`---js`,
 * `--- coffee`), as gray-matter reads it. Anything else on that line (`--- Breaking: … ---`)
 * is not front matter at all but the first line of a plain-text article, as it always was.
 */
const LANGUAGE_NAME = /^[A-Za-z][\w+-]*$/;
const YAML_NAMES = new Set(['yaml', 'yml']);

/**
 * Reads the front matter that opens `text` (a leading BOM is skipped; any line breaks).
 * Returns undefined when the text does not open with front matter: a plain-text article.
 *
 * The block is cut by gray-matter's rules so that every file reads as it always has: the YAML
 * runs from the line after the opening `---` to the first later line that starts with `---`, or
 * to a closing `...` line; the body starts after the first line that is only `---` or `...`.
 * The two differ only for odd files (a `---x` line inside the block).
 */
export function readFrontMatter(text: string): FrontMatter | FrontMatterProblem | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // `----` opens no front matter (gray-matter's rule): it is a rule line in plain text.
  if (!text.startsWith('---', start) || text.charAt(start + 3) === '-') return undefined;
  const opening = lineAt(text, start);
  const language = text.slice(start + 3, opening.end).trim();
  if (language !== '') {
    if (!LANGUAGE_NAME.test(language)) return undefined;
    if (!YAML_NAMES.has(language.toLowerCase())) {
      return {
        problem: {
          code: 'unsupported-front-matter-language',
          line: 1,
          message: `the front matter is declared as "${language}", and only YAML front matter is read; the file was skipped`,
          expected: 'YAML front matter opened by a line holding only ---',
          hint: 'write the fields as YAML "key: value" lines and open the block with --- alone',
        },
      };
    }
  }

  // The YAML is cut at the first line starting with `---`; the body starts after the closing line.
  let yamlEnd: number | undefined;
  let yamlEndLine: number | undefined;
  let closing: Line | undefined;
  let closingLine = 0;
  let lineNo = 2;
  for (let line = lineAt(text, opening.next); opening.next <= text.length && line.start <= text.length; line = lineAt(text, line.next), lineNo++) {
    const content = text.slice(line.start, line.end);
    if (yamlEnd === undefined && content.startsWith('---')) {
      yamlEnd = line.start;
      yamlEndLine = lineNo;
    }
    if (CLOSING_LINE.test(content)) {
      closing = line;
      closingLine = lineNo;
      break;
    }
  }
  if (!closing) {
    return {
      problem: {
        code: 'unterminated-front-matter',
        line: 1,
        message: 'the front matter opened by "---" on line 1 is never closed; the file was skipped',
        expected: 'a closing "---" line',
        hint: 'add a line holding only --- after the last field',
      },
    };
  }
  // The block stops before the line break that precedes the cut line. A `...` closing line ends
  // the YAML document where gray-matter, which knows only `---`, would read on to the next one.
  const cutAt = yamlEnd ?? closing.start;
  const yamlText = withLf(text.slice(opening.next, lineBreakBefore(text, cutAt)));
  const lastLine = yamlEndLine ?? closingLine;

  const read = parseYaml(yamlText, lastLine);
  if ('problem' in read) return read;
  const { data } = read;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      problem: {
        code: 'front-matter-not-object',
        line: 2,
        message: 'the front matter is not a set of fields; the file was skipped',
        expected: 'key: value lines',
      },
    };
  }

  // Made on the first lookup only: most files have no problem to locate.
  let lines: FieldLines | undefined;
  const fieldLines = () =>
    (lines ??= new FieldLines(closingLine === 2 ? [] : withLf(text.slice(opening.next, lineBreakBefore(text, closing.start))).split('\n'), 2));
  return {
    data: data as Record<string, unknown>,
    bodyStart: Math.min(closing.next, text.length),
    lineOf: (field) => fieldLines().lineOf(field),
  };
}

/** `text` with CRLF and lone CR line breaks read as LF, as js-yaml and the body readers expect. */
export function withLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Where the line break ending the line before the one at `lineStart` begins. */
function lineBreakBefore(text: string, lineStart: number): number {
  return text.charAt(lineStart - 2) === '\r' && text.charAt(lineStart - 1) === '\n' ? lineStart - 2 : lineStart - 1;
}

interface YamlError {
  reason?: string;
  message?: string;
  mark?: { line?: number; column?: number };
}

/** A line holding only a YAML comment, which gray-matter drops before deciding a block is empty. */
const COMMENT_LINE = /^\s*#[^\n]+/gm;

/**
 * `yaml` (the block's text, its first line being line 2 of the file) parsed; `lastLine` is the
 * file's line where the block was cut, where an error at the end of the stream is shown.
 */
function parseYaml(yaml: string, lastLine: number): { data: unknown } | FrontMatterProblem {
  // gray-matter gives an empty block (or one of comments alone) as no fields, not as null.
  if (yaml.replace(COMMENT_LINE, '').trim() === '') return { data: {} };
  try {
    return { data: jsYaml.parse(yaml) };
  } catch (error) {
    if (isStackOverflow(error)) {
      return {
        problem: {
          code: 'front-matter-too-deep',
          line: overflowLine(yaml),
          message: 'the front matter nests lists or mappings too deeply to be read; the file was skipped',
          expected: 'fields nested a few levels deep',
        },
      };
    }
    const yamlError = error as YamlError;
    const line = yamlError.mark?.line !== undefined ? Math.min(yamlError.mark.line + 2, lastLine) : 2;
    const column = yamlError.mark?.column !== undefined ? yamlError.mark.column + 1 : undefined;
    const reason = yamlError.reason ?? String(yamlError.message ?? error).split('\n')[0];
    return {
      problem: {
        code: 'yaml-syntax',
        line,
        column,
        message: `${reason}; the file was skipped`,
        expected: 'valid YAML between the --- lines',
        hint: 'quote values that contain ": " or start with a special character',
      },
    };
  }
}

/** V8's RangeError for a full stack; other RangeErrors (a string too long) are not nesting. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * The file line where parsing `yaml` runs out of stack: the first line whose prefix of the block
 * already overflows (js-yaml recurses as it reads, so every longer prefix overflows as well).
 * Found by bisection, so a pathological file costs a few dozen partial parses, not one per line.
 */
function overflowLine(yaml: string): number {
  const lineStarts = [0];
  for (let at = yaml.indexOf('\n'); at >= 0; at = yaml.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const overflows = (lines: number) => {
    try {
      jsYaml.parse(yaml.slice(0, lines < lineStarts.length ? lineStarts[lines]! : yaml.length));
      return false;
    } catch (error) {
      return isStackOverflow(error);
    }
  };
  let low = 1;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (overflows(mid)) high = mid;
    else low = mid + 1;
  }
  return low + 1;
}

/**
 * Maps a field path to the line where it is written, so warnings point into the file. Only the
 * shapes Smartable files use are located: top-level keys and items of top-level lists
 * (`related[3]`, `images[0].url`); anything else falls back to its top-level key's line.
 */
class FieldLines {
  private readonly keys = new Map<string, number>();
  private readonly items = new Map<string, number[]>();

  /** `lines` are the front matter's lines; `firstLine` is the 1-based line of the first one. */
  constructor(lines: readonly string[], firstLine: number) {
    let current: string | undefined;
    let itemIndent: number | undefined;
    lines.forEach((line, index) => {
      const lineNo = firstLine + index;
      const key = /^([A-Za-z_$][\w$-]*)\s*:/.exec(line);
      if (key) {
        current = key[1]!;
        itemIndent = undefined;
        if (!this.keys.has(current)) this.keys.set(current, lineNo);
        return;
      }
      const item = /^(\s*)-(\s|$)/.exec(line);
      if (item && current) {
        const indent = item[1]!.length;
        itemIndent ??= indent;
        if (indent === itemIndent) {
          const list = this.items.get(current) ?? [];
          list.push(lineNo);
          this.items.set(current, list);
        }
      }
    });
  }

  lineOf(field: string): number | undefined {
    const match = /^([^.[]+)(?:\[(\d+)\])?/.exec(field);
    if (!match) return undefined;
    const [, key, index] = match;
    if (index !== undefined) {
      const line = this.items.get(key!)?.[Number(index)];
      if (line !== undefined) return line;
    }
    return this.keys.get(key!);
  }
}
