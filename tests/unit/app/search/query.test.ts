import { describe, expect, it } from 'vitest';
import { hasPositiveTerms, parseQuery } from '../../../../src/app/features/search/engine/query';
import { MAX_SEARCHED_QUERY_LENGTH } from '../../../../src/contract/search';

describe('parseQuery', () => {
  it('folds plain words as the index does: lowercase, no diacritics, no punctuation', () => {
    expect(parseQuery('Café  e-mail, DEA!')).toEqual({ words: ['cafe', 'email', 'dea'], phrases: [], excluded: [] });
  });

  it('reads quoted phrases anywhere in the query, and one quoted word as a one-word phrase', () => {
    expect(parseQuery('police "Saira Hussain" ban "DEA"')).toEqual({ words: ['police', 'ban'], phrases: [['saira', 'hussain'], ['dea']], excluded: [] });
  });

  it('reads -word and -"a phrase" as exclusions; a lone or inner dash is not one', () => {
    expect(parseQuery('facial -amazon -"brad smith" - well-known')).toEqual({
      words: ['facial', 'wellknown'],
      phrases: [],
      excluded: [['amazon'], ['brad', 'smith']],
    });
  });

  it('reads an unclosed quote as plain words (a phrase being typed)', () => {
    expect(parseQuery('"saira huss')).toEqual({ words: ['saira', 'huss'], phrases: [], excluded: [] });
    expect(parseQuery('"a b" "c d')).toEqual({ words: ['c', 'd'], phrases: [['a', 'b']], excluded: [] });
  });

  it('drops duplicate words and tokens with no letters or digits', () => {
    expect(parseQuery('ai AI "" -- \\ ... ai')).toEqual({ words: ['ai'], phrases: [], excluded: [] });
  });

  it('reads markup, backslashes and RTL marks as words, never as syntax', () => {
    expect(parseQuery('<img src=x onerror=alert(1)>')).toEqual({ words: ['img', 'srcx', 'onerroralert1'], phrases: [], excluded: [] });
    expect(parseQuery('\u202Eevil\u202C back\\slash')).toEqual({ words: ['evil', 'backslash'], phrases: [], excluded: [] });
  });

  it(`searches only the first ${MAX_SEARCHED_QUERY_LENGTH} characters of a long query`, () => {
    const parsed = parseQuery('word '.repeat(2000) + 'tail');
    expect(parsed.words).toEqual(['word']);
    const long = parseQuery('x'.repeat(10_000));
    expect(long.words).toEqual(['x'.repeat(MAX_SEARCHED_QUERY_LENGTH)]);
  });

  it('has positive terms only with words or phrases', () => {
    expect(hasPositiveTerms(parseQuery('-amazon'))).toBe(false);
    expect(hasPositiveTerms(parseQuery('"a b"'))).toBe(true);
    expect(hasPositiveTerms(parseQuery('  '))).toBe(false);
  });
});
