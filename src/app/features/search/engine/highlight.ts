import { textWords, type Span, type TextWord } from './fold';
import type { ParsedQuery } from './query';

/**
 * Where a query matches a text, by the index's rules: a plain word marks every word (or
 * compound part) it is a prefix of; a phrase marks each run of consecutive words equal to its
 * words. Exclusions mark nothing. Spans are sorted and do not overlap.
 */
export function matchSpans(text: string, query: Pick<ParsedQuery, 'words' | 'phrases'>): Span[] {
  if (!text || (query.words.length === 0 && query.phrases.length === 0)) return [];
  const words = textWords(text);
  const spans: Span[] = [];
  for (const word of words) spans.push(...prefixMatches(word, query.words));
  for (const phrase of query.phrases) spans.push(...phraseMatches(words, phrase));
  return merge(spans);
}

function prefixMatches(word: TextWord, prefixes: readonly string[]): Span[] {
  if (prefixes.some((p) => word.folded.startsWith(p))) return [{ start: word.start, end: word.end }];
  return word.parts.filter((part) => prefixes.some((p) => part.folded.startsWith(p)));
}

function phraseMatches(words: readonly TextWord[], phrase: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((w, j) => words[i + j]!.folded === w)) spans.push({ start: words[i]!.start, end: words[i + phrase.length - 1]!.end });
  }
  return spans;
}

function merge(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** A piece of text: marked (a match) or not. */
export interface TextPiece {
  text: string;
  marked: boolean;
}

/** Cuts a text at its spans, for rendering matches as `<mark>` elements. */
export function splitAtSpans(text: string, spans: readonly Span[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const { start, end } of spans) {
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
