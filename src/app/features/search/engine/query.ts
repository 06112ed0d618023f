import { MAX_SEARCHED_QUERY_LENGTH } from '../../../../contract/search';
import { foldWord } from './fold';

/**
 * A query in the reader's syntax, folded as the index is: plain words (each matches as a
 * prefix of an indexed word; all must match), `"quoted phrases"` (consecutive whole words; one
 * quoted word matches only as a whole word) and
 * `-word` / `-"a phrase"` exclusions. An unclosed quote is read as plain words, so a phrase
 * being typed still finds results.
 */
export interface ParsedQuery {
  words: string[];
  phrases: string[][];
  /** Each exclusion: one word (prefix) or several (a phrase). */
  excluded: string[][];
}

const TOKEN = /(-?)"([^"]*)"|(\S+)/gu;

function foldAll(text: string): string[] {
  return text.split(/\s+/u).map(foldWord).filter(Boolean);
}

export function parseQuery(input: string): ParsedQuery {
  let text = input.slice(0, MAX_SEARCHED_QUERY_LENGTH);
  // An odd quote count: the last quote opens a phrase still being typed; read it as words.
  if ((text.match(/"/g) ?? []).length % 2 === 1) {
    const last = text.lastIndexOf('"');
    text = `${text.slice(0, last)} ${text.slice(last + 1)}`;
  }
  const parsed: ParsedQuery = { words: [], phrases: [], excluded: [] };
  for (const m of text.matchAll(TOKEN)) {
    const [, minus, quoted, bare] = m;
    if (quoted !== undefined) {
      const words = foldAll(quoted);
      if (words.length === 0) continue;
      if (minus) parsed.excluded.push(words);
      else parsed.phrases.push(words);
    } else if (bare!.startsWith('-') && bare!.length > 1) {
      const words = foldAll(bare!.slice(1));
      if (words.length) parsed.excluded.push(words);
    } else {
      const word = foldWord(bare!);
      if (word) parsed.words.push(word);
    }
  }
  parsed.words = [...new Set(parsed.words)];
  return parsed;
}

/** Whether the query has anything to search for (exclusions alone find nothing). */
export function hasPositiveTerms(query: ParsedQuery): boolean {
  return query.words.length > 0 || query.phrases.length > 0;
}
