/**
 * The plain corpus style: every file from one template, strings double-quoted by
 * `JSON.stringify` (a JSON string is a valid YAML double-quoted scalar), two-space indentation,
 * keys in one order. The generator's original form, byte for byte.
 */
import type { FrontMatterFile, YamlEntry, YamlNode } from './front-matter.ts';

function scalar(node: YamlNode): string {
  if (node.kind === 'string') return node.bare ? node.value : JSON.stringify(node.value);
  if (node.kind === 'token') return node.text;
  throw new Error(`not a scalar: ${node.kind}`);
}

function writeEntries(entries: readonly YamlEntry[], indent: string): string {
  let s = '';
  for (const e of entries) {
    if (e.gap) s += '\n';
    const v = e.value;
    if (v.kind === 'map') s += `${indent}${e.key}:\n${writeEntries(v.entries, indent + '  ')}`;
    else if (v.kind === 'list') s += `${indent}${e.key}:\n${writeItems(v.items, indent + '  ')}`;
    else s += `${indent}${e.key}: ${scalar(v)}\n`;
  }
  return s;
}

function writeItems(items: readonly YamlNode[], indent: string): string {
  let s = '';
  for (const item of items) {
    if (item.kind === 'map') s += `${indent}- ${writeEntries(item.entries, indent + '  ').slice(indent.length + 2)}`;
    else s += `${indent}- ${scalar(item)}\n`;
  }
  return s;
}

export function writePlain(file: FrontMatterFile): string {
  return `---\n${writeEntries(file.data.entries, '')}---\n\n${file.body}`;
}
