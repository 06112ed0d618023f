import type { Span } from './fold';
import { matchSpans } from './highlight';
import type { ParsedQuery } from './query';

export interface Snippet {
  text: string;
  /** Match spans within `text`. */
  spans: Span[];
}

type Terms = Pick<ParsedQuery, 'words' | 'phrases'>;

/**
 * A short window of the body around its first match of `find` (about `length` characters, cut
 * at spaces, with an ellipsis where text was left out) with every match of `mark` in it, or
 * undefined when the body does not match.
 */
export function bodySnippet(blocks: readonly string[], find: Terms, length = 180, mark: Terms = find): Snippet | undefined {
  for (const block of blocks) {
    const first = matchSpans(block, find)[0];
    if (!first) continue;
    let start = Math.max(0, first.start - Math.floor(length / 3));
    let end = Math.min(block.length, start + length);
    start = Math.max(0, Math.min(start, end - length));
    if (start > 0) {
      const space = block.indexOf(' ', start);
      start = space !== -1 && space < first.start ? space + 1 : start;
    }
    if (end < block.length) {
      const space = block.lastIndexOf(' ', end);
      end = space > first.end ? space : end;
    }
    const prefix = start > 0 ? '… ' : '';
    const suffix = end < block.length ? ' …' : '';
    const shift = prefix.length - start;
    const inWindow = matchSpans(block, mark)
      .filter((s) => s.start >= start && s.end <= end)
      .map((s) => ({ start: s.start + shift, end: s.end + shift }));
    return { text: prefix + block.slice(start, end) + suffix, spans: inWindow };
  }
  return undefined;
}

/** The terms a text does not match: a result's snippet is for what its headline and excerpt do not show. */
export function termsNotIn(text: string, query: Terms): Terms {
  return {
    words: query.words.filter((word) => matchSpans(text, { words: [word], phrases: [] }).length === 0),
    phrases: query.phrases.filter((phrase) => matchSpans(text, { words: [], phrases: [phrase] }).length === 0),
  };
}
