import type { Span } from './fold';
import { matchSpans } from './highlight';
import type { ParsedQuery } from './query';

export interface Snippet {
  text: string;
  /** Match spans within `text`. */
  spans: Span[];
}

/**
 * A short window of the body around its first match (about `length` characters, cut at spaces,
 * with an ellipsis where text was left out), or undefined when the body does not match.
 */
export function bodySnippet(blocks: readonly string[], query: Pick<ParsedQuery, 'words' | 'phrases'>, length = 180): Snippet | undefined {
  for (const block of blocks) {
    const spans = matchSpans(block, query);
    const first = spans[0];
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
    const inWindow = spans.filter((s) => s.start >= start && s.end <= end).map((s) => ({ start: s.start + shift, end: s.end + shift }));
    return { text: prefix + block.slice(start, end) + suffix, spans: inWindow };
  }
  return undefined;
}
