/**
 * The varied corpus style: the same data as the plain style, written the ways real Smartable
 * files, other tools and hand edits write YAML. Per file: strings plain where YAML allows it
 * (as the Smartable files write `type: video`), single- or double-quoted, long ones as folded
 * (`>-`) or literal (`|-`) blocks; indentation of 2, 3 or 4 spaces; list dashes at the key's
 * column or indented; keys in another order; blank lines anywhere or nowhere; comment lines and
 * trailing comments; topics as a flow list; nulls written empty or `~`. Every form chosen
 * parses (js-yaml) to the value the plain style writes: the choices never change the data.
 */
import type { FrontMatterFile, YamlEntry, YamlNode, YamlString, YamlToken } from './front-matter.ts';
import type { Rng } from './rng.ts';

type Quoting = 'minimal' | 'double' | 'single' | 'mixed';

interface FileStyle {
  quoting: Quoting;
  step: number;
  flushLists: boolean;
  gaps: 'plain' | 'none' | 'random';
  comments: boolean;
  flowTopics: boolean;
  blocks: boolean;
  foldWidth: number;
  shuffleTop: boolean;
}

const COMMENTS = [
  '# edited by hand',
  '# from the Smartable feed',
  '# TODO: check the excerpt',
  '# keep: used by the topic page',
  '# images: first one is the card image',
  '# related coverage, newest first',
  '#',
];

/**
 * Whether `s` may be written as a plain scalar and still read back as this string (not a
 * number, boolean, null, timestamp, or a cut-short value). Conservative: anything doubtful is
 * quoted, as a careful hand would.
 */
export function plainSafe(s: string, flow = false): boolean {
  if (s === '' || s !== s.trim()) return false;
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`~+.\d]/.test(s)) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (/^(?:y|n|yes|no|on|off|true|false|null|<<)$/i.test(s)) return false;
  if (flow && /[,[\]{}]/.test(s)) return false;
  return true;
}

const singleSafe = (s: string) => !/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(s);
const single = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** Folded and literal blocks hold one line of text here: no line breaks, no edge spaces. */
const blockSafe = (s: string) => s.length > 100 && s === s.trim() && singleSafe(s) && !s.includes('\t');

/** Splits `s` into lines of about `width` at single spaces only (a folded block turns each break back into one space). */
function foldLines(s: string, width: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let lastBreak = -1;
  for (let k = 1; k < s.length - 1; k++) {
    if (s[k] === ' ' && s[k - 1] !== ' ' && s[k + 1] !== ' ') lastBreak = k;
    if (k - start >= width && lastBreak > start) {
      lines.push(s.slice(start, lastBreak));
      start = lastBreak + 1;
      lastBreak = -1;
    }
  }
  lines.push(s.slice(start));
  return lines;
}

class VariedWriter {
  private readonly out: string[] = [];
  /** The last line written ended a block scalar: no comment line may follow it directly. */
  private afterBlock = false;

  constructor(
    private readonly rng: Rng,
    private readonly style: FileStyle,
  ) {}

  private pad(col: number): string {
    return ' '.repeat(col);
  }

  private line(text: string, isBlockEnd = false): void {
    this.out.push(text);
    this.afterBlock = isBlockEnd;
  }

  private token(node: YamlToken): string {
    const r = this.rng.next();
    if (node.type === 'null') return r < 0.4 ? '' : r < 0.7 ? '~' : 'null';
    if (node.type === 'boolean' && r < 0.1) return node.text === 'true' ? 'True' : 'False';
    return node.text;
  }

  /** A one-line form of the string: plain, single- or double-quoted, per the file's quoting. */
  private inline(node: YamlString, flow = false): string {
    const s = node.value;
    const canPlain = plainSafe(s, flow);
    const canSingle = singleSafe(s);
    switch (this.style.quoting) {
      case 'double':
        return JSON.stringify(s);
      case 'single':
        return canSingle ? single(s) : JSON.stringify(s);
      case 'minimal':
        return canPlain ? s : canSingle && this.rng.chance(0.3) ? single(s) : JSON.stringify(s);
      case 'mixed': {
        const r = this.rng.next();
        if (canPlain && r < 0.4) return s;
        if (canSingle && r < 0.7) return single(s);
        return JSON.stringify(s);
      }
    }
  }

  private trailingComment(): string {
    return this.style.comments && this.rng.chance(0.05) ? `  ${this.rng.pick(COMMENTS)}` : '';
  }

  /** Writes `key: value` at `col`; `prefix` replaces the indentation of its first line (a list item's dash). */
  private entry(e: YamlEntry, col: number, prefix: string | undefined): void {
    const head = prefix ?? this.pad(col);
    const v = e.value;
    if (v.kind === 'token') {
      const text = this.token(v);
      this.line(`${head}${e.key}:${text === '' ? '' : ' ' + text}${this.trailingComment()}`);
    } else if (v.kind === 'string') {
      if (this.style.blocks && blockSafe(v.value) && this.rng.chance(0.6)) {
        const inner = this.pad(col + this.style.step);
        const folded = v.value.includes(' ') && this.rng.chance(0.7);
        this.line(`${head}${e.key}: ${folded ? '>-' : '|-'}`);
        const lines = folded ? foldLines(v.value, this.style.foldWidth) : [v.value];
        lines.forEach((l, k) => this.line(inner + l, k === lines.length - 1));
        return;
      }
      const text = this.inline(v);
      const quoted = text.startsWith('"') || text.startsWith("'");
      this.line(`${head}${e.key}: ${text}${quoted ? this.trailingComment() : ''}`);
    } else if (v.kind === 'map') {
      this.line(`${head}${e.key}:`);
      this.entries(v.entries, col + this.style.step, undefined, this.rng.chance(0.2));
    } else {
      const scalars = v.items.every((i) => i.kind === 'string');
      if (e.key === 'topics' && scalars && this.style.flowTopics) {
        this.line(`${head}${e.key}: [${v.items.map((i) => this.inline(i as YamlString, true)).join(', ')}]`);
        return;
      }
      this.line(`${head}${e.key}:`);
      const flush = this.rng.chance(0.1) ? !this.style.flushLists : this.style.flushLists;
      this.items(v.items, flush ? col : col + this.style.step);
    }
  }

  private items(items: readonly YamlNode[], col: number): void {
    for (const item of items) {
      const dash = `${this.pad(col)}- `;
      if (item.kind === 'map') this.entries(item.entries, col + 2, dash, this.rng.chance(0.15));
      else if (item.kind === 'string') this.line(dash + this.inline(item));
      else if (item.kind === 'token') this.line(dash + this.token(item));
      else throw new Error('lists of lists are not part of the format');
    }
  }

  /** Writes a map's entries at `col`; the first one after `firstPrefix` when the map is a list item. */
  private entries(entries: readonly YamlEntry[], col: number, firstPrefix: string | undefined, shuffle: boolean): void {
    const ordered = shuffle ? this.rng.shuffle(entries) : entries;
    ordered.forEach((e, k) => {
      const first = k === 0 && firstPrefix !== undefined;
      if (!first) {
        const gap = this.style.gaps === 'plain' ? e.gap === true : this.style.gaps === 'random' && this.rng.chance(0.12);
        if (gap) this.line(this.rng.chance(0.15) ? '\n' : '');
        if (this.style.comments && !this.afterBlock && this.rng.chance(col === 0 ? 0.12 : 0.03)) this.line(this.pad(col) + this.rng.pick(COMMENTS));
      }
      this.entry(e, col, first ? firstPrefix : undefined);
    });
  }

  write(file: FrontMatterFile): string {
    if (this.style.comments && this.rng.chance(0.5)) this.line(this.rng.pick(COMMENTS));
    this.entries(file.data.entries, 0, undefined, this.style.shuffleTop);
    return `---\n${this.out.join('\n')}\n---\n\n${file.body}`;
  }
}

function chooseStyle(rng: Rng): FileStyle {
  const q = rng.next();
  return {
    quoting: q < 0.4 ? 'minimal' : q < 0.6 ? 'double' : q < 0.75 ? 'single' : 'mixed',
    step: rng.pick([2, 2, 2, 2, 2, 2, 2, 3, 4, 4]),
    flushLists: rng.chance(0.5),
    gaps: rng.pick(['plain', 'plain', 'none', 'random'] as const),
    comments: rng.chance(0.3),
    flowTopics: rng.chance(0.15),
    blocks: rng.chance(0.4),
    foldWidth: rng.pick([60, 72, 80, 100]),
    shuffleTop: rng.chance(0.35),
  };
}

/** Writes `file` in forms drawn from `rng` (the file's own stream of form choices). */
export function writeVaried(file: FrontMatterFile, rng: Rng): string {
  return new VariedWriter(rng, chooseStyle(rng)).write(file);
}
