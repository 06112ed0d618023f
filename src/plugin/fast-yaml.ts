/**
 * A fast path for the YAML that Smartable tools generate (block mappings and sequences of
 * double-quoted strings, numbers, booleans and timestamps), giving exactly what js-yaml's safe
 * schema gives. Anything outside that subset returns undefined and the caller lets gray-matter's
 * js-yaml parse it, so hand-written files keep full YAML and js-yaml's error messages.
 * Parsing front matter is most of the build's time; this makes it several times faster.
 */

interface Line {
  indent: number;
  text: string;
}

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

function plain(text: string): unknown {
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (/^[-+]?(0|[1-9][0-9]*)$/.test(text)) return Number(text);
  if (/^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  if (/^[0-9]{4}-/.test(text)) return timestamp(text) ?? bail();
  // Indicators, comments, nested "key: value", other number forms (0x, 1_000, .inf, 1:30):
  // all left to js-yaml.
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) || /\s#|:\s|:$|\t/.test(text) || /^[-+.]?[0-9]/.test(text) || /^\.(inf|nan)/i.test(text)) bail();
  return text;
}

function scalar(text: string): unknown {
  return text.startsWith('"') ? doubleQuoted(text) : plain(text);
}

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;

class Parser {
  private i = 0;
  constructor(private readonly lines: Line[]) {}

  parseDocument(): Record<string, unknown> {
    if (this.lines.length === 0) bail();
    const value = this.node(0);
    if (this.i < this.lines.length) bail();
    if (typeof value !== 'object' || value === null || Array.isArray(value)) bail();
    return value as Record<string, unknown>;
  }

  private node(indent: number): unknown {
    const line = this.lines[this.i];
    if (!line || line.indent !== indent) bail();
    return line!.text === '-' || line!.text.startsWith('- ') ? this.sequence(indent) : this.mapping(indent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.indent < indent) break;
      if (line.indent > indent) bail();
      const match = KEY.exec(line.text);
      if (!match) bail();
      const key = match![1]!;
      // js-yaml rejects duplicate keys; let it say so. `__proto__` must not touch the prototype.
      if (Object.prototype.hasOwnProperty.call(map, key) || key === '__proto__') bail();
      this.i++;
      const rest = (match![2] ?? '').trimEnd();
      if (rest !== '') {
        map[key] = scalar(rest);
        // A more indented line after a scalar would be a multi-line plain scalar.
        if ((this.lines[this.i]?.indent ?? -1) > indent) bail();
        continue;
      }
      const next = this.lines[this.i];
      if (next && next.indent > indent) map[key] = this.node(next.indent);
      // YAML lets a sequence sit at its parent key's indentation.
      else if (next && next.indent === indent && (next.text === '-' || next.text.startsWith('- '))) map[key] = this.sequence(indent);
      else map[key] = null;
    }
    return map;
  }

  private sequence(indent: number): unknown[] {
    const list: unknown[] = [];
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.indent !== indent || !(line.text === '-' || line.text.startsWith('- '))) {
        if (line.indent > indent) bail();
        break;
      }
      const after = line.text.slice(1);
      const offset = after.length - after.trimStart().length;
      const content = after.trimStart();
      if (content === '') {
        this.i++;
        const next = this.lines[this.i];
        list.push(next && next.indent > indent ? this.node(next.indent) : null);
      } else if (KEY.test(content)) {
        // "- key: value" opens a mapping whose keys align with `key`.
        this.lines[this.i] = { indent: indent + 1 + offset, text: content };
        list.push(this.mapping(indent + 1 + offset));
      } else {
        if (content.startsWith('- ')) bail();
        this.i++;
        list.push(scalar(content));
        if ((this.lines[this.i]?.indent ?? -1) > indent) bail();
      }
    }
    return list;
  }
}

/** The mapping js-yaml would return, or undefined when the text needs the full YAML parser. */
export function parseSimpleYaml(source: string): Record<string, unknown> | undefined {
  return parseSimpleYamlLines(source.split('\n'));
}

/** `parseSimpleYaml` for text already split into lines (the front matter of a split file). */
export function parseSimpleYamlLines(source: readonly string[]): Record<string, unknown> | undefined {
  const lines: Line[] = [];
  for (const raw of source) {
    const text = raw.trimEnd();
    const body = text.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    if (/^\s*\t/.test(raw) || body === '---' || body === '...') return undefined;
    lines.push({ indent: text.length - body.length, text: body });
  }
  try {
    return new Parser(lines).parseDocument();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
