/**
 * A fast path for the YAML that Smartable tools generate (block mappings and sequences of
 * double-quoted strings, numbers, booleans and timestamps), giving exactly what js-yaml's safe
 * schema gives. Anything outside that subset returns undefined and the caller lets gray-matter's
 * js-yaml parse it, so hand-written files keep full YAML and js-yaml's error messages.
 * Parsing front matter is most of the build's time; this makes it several times faster.
 */

class Unsupported extends Error {}
const bail = (): never => {
  throw new Unsupported();
};

// js-yaml 3's own timestamp patterns (type/timestamp.js), so dates resolve identically.
const YAML_DATE = /^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$/;
const YAML_TIMESTAMP =
  /^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$/;

function timestamp(text: string): Date | undefined {
  const date = YAML_DATE.exec(text);
  if (date) return new Date(Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!));
  const m = YAML_TIMESTAMP.exec(text);
  if (!m) return undefined;
  let fraction = 0;
  if (m[7]) fraction = +m[7].slice(0, 3).padEnd(3, '0');
  const result = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, fraction));
  if (m[9]) {
    let delta = (+m[10]! * 60 + +(m[11] ?? 0)) * 60000;
    if (m[9] === '-') delta = -delta;
    if (delta) result.setTime(result.getTime() - delta);
  }
  return result;
}

/** `text`'s digits from `at` to `at + count` as a number, or -1 if one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The form nearly every generated date takes, `2020-07-14T19:45:00Z`, read without the regular
 * expressions above (it is what they would give); undefined for any other form.
 */
function utcSeconds(text: string): Date | undefined {
  if (text.length !== 20 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH || text.charCodeAt(10) !== 84 /* T */) return undefined;
  if (text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON || text.charCodeAt(19) !== 90 /* Z */) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, 0));
}

/** Characters and escapes that mean the same in JSON and in YAML double quotes. */
const JSON_COMPATIBLE = /^(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*$/;

/** What makes a double-quoted body more than its own characters. */
const QUOTE_ESCAPE_OR_CONTROL = /["\\\u0000-\u001f]/;

function doubleQuoted(text: string): string {
  // The closing quote must end the line: no folding across lines, no trailing comment.
  if (text.length < 2 || !text.endsWith('"')) bail();
  const body = text.slice(1, -1);
  // Most strings hold no escape: they are their own value.
  if (!QUOTE_ESCAPE_OR_CONTROL.test(body)) return body;
  // An unescaped quote inside would end the string early; YAML-only escapes need js-yaml.
  if (!JSON_COMPATIBLE.test(body)) bail();
  return JSON.parse(text) as string;
}

const INT = /^[-+]?(0|[1-9][0-9]*)$/;
const FLOAT = /^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/;
/** Inside a plain scalar, what would make it a comment, a nested mapping or not plain at all. */
const NOT_PLAIN_INSIDE = /\s#|:\s|:$|\t/;
/** A first character that is a YAML indicator. */
const INDICATOR_FIRST = /^[-?:,[\]{}#&*!|>'"%@`]/;

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function plain(text: string): unknown {
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  // Most plain values are words ("article", "microsoft.com", "Open Source"): none of the
  // number, timestamp or indicator forms below can start with a letter.
  if (isLetter(text.charCodeAt(0))) {
    if (NOT_PLAIN_INSIDE.test(text)) bail();
    return text;
  }
  const utc = utcSeconds(text);
  if (utc) return utc;
  if (INT.test(text)) return Number(text);
  if (FLOAT.test(text)) return Number(text);
  if (/^[0-9]{4}-/.test(text)) return timestamp(text) ?? bail();
  // Indicators, comments, nested "key: value", other number forms (0x, 1_000, .inf, 1:30):
  // all left to js-yaml.
  if (INDICATOR_FIRST.test(text) || NOT_PLAIN_INSIDE.test(text) || /^[-+.]?[0-9]/.test(text) || /^\.(inf|nan)/i.test(text)) bail();
  return text;
}

function scalar(text: string): unknown {
  return text.charCodeAt(0) === QUOTE ? doubleQuoted(text) : plain(text);
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const QUOTE = 34;

function isKeyStart(code: number): boolean {
  return isLetter(code) || code === 95; // _
}
function isKeyPart(code: number): boolean {
  return isKeyStart(code) || (code >= 48 && code <= 57) || code === DASH;
}

/**
 * The keys of the Smartable format, as constants: a key sliced from the source is a new string
 * that every property store would have to look up in V8's string table again.
 */
const KEYS_BY_LENGTH: string[][] = [];
for (const key of [
  'title', 'excerpt', 'publishedDateTime', 'updatedDateTime', 'originalUrl', 'webUrl', 'ampWebUrl', 'cdnAmpWebUrl',
  'type', 'quality', 'heat', 'published', 'provider', 'name', 'domain', 'images', 'url', 'width', 'height',
  'isCached', 'topics', 'related', 'secured', 'category', 'featuredContent',
]) {
  (KEYS_BY_LENGTH[key.length] ??= []).push(key);
}

function keyAt(source: string, start: number, end: number): string {
  const known = KEYS_BY_LENGTH[end - start];
  if (known) for (const key of known) if (source.startsWith(key, start)) return key;
  return source.slice(start, end);
}

/**
 * The front matter as its meaningful lines: for line n, `indent[n]` spaces, then text from
 * `start[n]` to `end[n]` (trailing blanks cut) in the source. Positions, not substrings: a
 * generated file has a hundred lines and most of their text becomes values anyway.
 */
class Lines {
  indent: number[] = [];
  start: number[] = [];
  end: number[] = [];
  get length(): number {
    return this.start.length;
  }
}

/**
 * Splits `source[from, to)` into lines; undefined when a line is indented with anything but
 * spaces or holds a document marker (js-yaml's business).
 */
function splitLines(source: string, from: number, to: number): Lines | undefined {
  const lines = new Lines();
  let at = from;
  while (at < to) {
    const lineStart = at;
    let eol = source.indexOf('\n', at);
    if (eol < 0 || eol > to) eol = to;
    let s = at;
    while (s < eol && source.charCodeAt(s) === SPACE) s++;
    let e = eol;
    while (e > s && isBlank(source.charCodeAt(e - 1))) e--;
    at = eol + 1;
    if (s === e) continue;
    const first = source.charCodeAt(s);
    if (first === HASH) continue;
    // A tab or other space in the indentation, or a document marker.
    if (isBlank(first) || isOtherSpace(first)) return undefined;
    if (e - s === 3 && (source.startsWith('---', s) || source.startsWith('...', s))) return undefined;
    lines.indent.push(s - lineStart);
    lines.start.push(s);
    lines.end.push(e);
  }
  return lines;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** Whitespace JavaScript trims that YAML does not count as indentation or separation. */
function isOtherSpace(code: number): boolean {
  return code === 0x0b || code === 0x0c || code === 0x0d || code === 0xa0 || code === 0xfeff || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly lines: Lines,
  ) {}

  parseDocument(): Record<string, unknown> {
    if (this.lines.length === 0) bail();
    const value = this.node(0);
    if (this.i < this.lines.length) bail();
    if (typeof value !== 'object' || value === null || Array.isArray(value)) bail();
    return value as Record<string, unknown>;
  }

  private isItem(n: number): boolean {
    const s = this.lines.start[n]!;
    return this.src.charCodeAt(s) === DASH && (s + 1 === this.lines.end[n] || this.src.charCodeAt(s + 1) === SPACE);
  }

  /** Where the key of line n ends (at its colon), or -1 when the line is not `key:` / `key: value`. */
  private keyEnd(n: number): number {
    const { src } = this;
    const s = this.lines.start[n]!;
    const e = this.lines.end[n]!;
    if (!isKeyStart(src.charCodeAt(s))) return -1;
    let k = s + 1;
    while (k < e && isKeyPart(src.charCodeAt(k))) k++;
    if (k === e || src.charCodeAt(k) !== COLON) return -1;
    // "key:" alone, or "key:" and spaces before the value.
    return k + 1 === e || src.charCodeAt(k + 1) === SPACE ? k : -1;
  }

  private node(indent: number): unknown {
    const { lines } = this;
    if (this.i >= lines.length || lines.indent[this.i] !== indent) bail();
    return this.isItem(this.i) ? this.sequence(indent) : this.mapping(indent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const { lines, src } = this;
    const map: Record<string, unknown> = {};
    while (this.i < lines.length) {
      const n = this.i;
      const lineIndent = lines.indent[n]!;
      if (lineIndent < indent) break;
      if (lineIndent > indent) bail();
      const colon = this.keyEnd(n);
      if (colon < 0) bail();
      const key = keyAt(src, lines.start[n]!, colon);
      // js-yaml rejects duplicate keys; let it say so. `__proto__` must not touch the prototype.
      if (Object.prototype.hasOwnProperty.call(map, key) || key === '__proto__') bail();
      this.i++;
      let v = colon + 1;
      const e = lines.end[n]!;
      while (v < e && src.charCodeAt(v) === SPACE) v++;
      if (v < e) {
        map[key] = scalar(src.slice(v, e));
        // A more indented line after a scalar would be a multi-line plain scalar.
        if (this.i < lines.length && lines.indent[this.i]! > indent) bail();
        continue;
      }
      if (this.i < lines.length && lines.indent[this.i]! > indent) map[key] = this.node(lines.indent[this.i]!);
      // YAML lets a sequence sit at its parent key's indentation.
      else if (this.i < lines.length && lines.indent[this.i] === indent && this.isItem(this.i)) map[key] = this.sequence(indent);
      else map[key] = null;
    }
    return map;
  }

  private sequence(indent: number): unknown[] {
    const { lines, src } = this;
    const list: unknown[] = [];
    while (this.i < lines.length) {
      const n = this.i;
      if (lines.indent[n] !== indent || !this.isItem(n)) {
        if (lines.indent[n]! > indent) bail();
        break;
      }
      const e = lines.end[n]!;
      let c = lines.start[n]! + 1;
      while (c < e && src.charCodeAt(c) === SPACE) c++;
      if (c === e) {
        this.i++;
        list.push(this.i < lines.length && lines.indent[this.i]! > indent ? this.node(lines.indent[this.i]!) : null);
        continue;
      }
      if (isBlank(src.charCodeAt(c)) || isOtherSpace(src.charCodeAt(c))) bail();
      const offset = c - lines.start[n]! - 1;
      // "- key: value" opens a mapping whose keys align with `key`: the line is read again as one.
      lines.start[n] = c;
      if (this.keyEnd(n) >= 0) {
        lines.indent[n] = indent + 1 + offset;
        list.push(this.mapping(indent + 1 + offset));
      } else {
        if (src.charCodeAt(c) === DASH && c + 1 < e && src.charCodeAt(c + 1) === SPACE) bail();
        this.i++;
        list.push(scalar(src.slice(c, e)));
        if (this.i < lines.length && lines.indent[this.i]! > indent) bail();
      }
    }
    return list;
  }
}

/**
 * The mapping js-yaml would return for `source[from, to)`, or undefined when the text needs the
 * full YAML parser.
 */
export function parseSimpleYaml(source: string, from = 0, to = source.length): Record<string, unknown> | undefined {
  const lines = splitLines(source, from, to);
  if (!lines) return undefined;
  try {
    return new Parser(source, lines).parseDocument();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
