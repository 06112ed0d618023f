/**
 * An article's front matter as the generator builds it, before it is written as YAML text:
 * the data and nothing of its form, so that each corpus style (write-plain.ts, write-varied.ts)
 * writes the same data its own way.
 */

/** A string. `bare`: the plain style writes it unquoted (`type: video`, `domain: cnet.com`). */
export interface YamlString {
  kind: 'string';
  value: string;
  bare?: boolean;
}

/** A value written as its YAML text: a number, boolean, null or timestamp. */
export interface YamlToken {
  kind: 'token';
  text: string;
  /** What the token stands for, so a style may write it another way with the same meaning. */
  type: 'number' | 'boolean' | 'null' | 'timestamp';
}

export interface YamlList {
  kind: 'list';
  items: YamlNode[];
}

export interface YamlMap {
  kind: 'map';
  entries: YamlEntry[];
}

export type YamlNode = YamlString | YamlToken | YamlList | YamlMap;

export interface YamlEntry {
  key: string;
  value: YamlNode;
  /** The plain style writes a blank line before this entry. */
  gap?: boolean;
}

export interface FrontMatterFile {
  data: YamlMap;
  /** Markdown below the front matter ('' for none). */
  body: string;
}

export const str = (value: string): YamlString => ({ kind: 'string', value });
export const bare = (value: string): YamlString => ({ kind: 'string', value, bare: true });
export const num = (text: string | number): YamlToken => ({ kind: 'token', text: String(text), type: 'number' });
export const bool = (value: boolean): YamlToken => ({ kind: 'token', text: String(value), type: 'boolean' });
export const nil = (): YamlToken => ({ kind: 'token', text: 'null', type: 'null' });
export const time = (text: string): YamlToken => ({ kind: 'token', text, type: 'timestamp' });
export const list = (items: YamlNode[]): YamlList => ({ kind: 'list', items });
export const map = (entries: YamlEntry[]): YamlMap => ({ kind: 'map', entries });
export const entry = (key: string, value: YamlNode, gap = false): YamlEntry => (gap ? { key, value, gap } : { key, value });
