/**
 * Word folding as Pagefind indexes and searches (language `unknown`, no stemmer): a word is a
 * run of non-space characters; it is indexed as its letters, digits and `_` only, lowercased,
 * with diacritics removed (NFD, combining marks dropped), and again as each of its parts when it
 * joins words with ASCII punctuation or camelCase (`e-mail` → `email`, `e`, `mail`).
 */

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const COMBINING_MARK = /\p{M}/gu;

/** A word's indexed form (possibly empty, for a word of punctuation only). */
export function foldWord(raw: string): string {
  let kept = '';
  for (const char of raw) if (WORD_CHAR.test(char)) kept += char;
  return kept.toLowerCase().normalize('NFD').replace(COMBINING_MARK, '');
}

/** A span of the source text: `[start, end)` in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

export interface TextWord extends Span {
  /** The whole word's indexed form. */
  folded: string;
  /** Its compound parts (empty when it has none), each with its own span. */
  parts: (Span & { folded: string })[];
}

const PART_BOUNDARY = /[!-/:-@[-`{-~]+|(?<=\p{Ll})(?=\p{Lu})/u;

function compoundParts(raw: string, offset: number): TextWord['parts'] {
  const parts: TextWord['parts'] = [];
  const boundary = new RegExp(PART_BOUNDARY.source, 'gu');
  let from = 0;
  const push = (start: number, end: number) => {
    const folded = foldWord(raw.slice(start, end));
    if (folded) parts.push({ start: offset + start, end: offset + end, folded });
  };
  for (let m = boundary.exec(raw); m; m = boundary.exec(raw)) {
    push(from, m.index);
    from = m.index + m[0].length;
    if (m[0].length === 0) boundary.lastIndex++;
  }
  push(from, raw.length);
  return parts.length > 1 ? parts : [];
}

/** The words of a text, in order, with the span of their word characters. */
export function textWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  for (const m of text.matchAll(/\S+/gu)) {
    const raw = m[0];
    const folded = foldWord(raw);
    if (!folded) continue;
    // The highlight covers the word without leading or trailing punctuation.
    let start = 0;
    let end = raw.length;
    while (start < end && !WORD_CHAR.test(raw[start]!)) start++;
    while (end > start && !WORD_CHAR.test(raw[end - 1]!)) end--;
    words.push({ start: m.index + start, end: m.index + end, folded, parts: compoundParts(raw, m.index) });
  }
  return words;
}
