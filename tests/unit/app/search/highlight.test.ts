import { describe, expect, it } from 'vitest';
import { foldWord, textWords } from '../../../../src/app/features/search/engine/fold';
import { matchSpans, splitAtSpans } from '../../../../src/app/features/search/engine/highlight';
import { parseQuery } from '../../../../src/app/features/search/engine/query';
import { bodySnippet, termsNotIn } from '../../../../src/app/features/search/engine/snippet';

/** The marked substrings of `text` for `q`. */
const marked = (text: string, q: string) => matchSpans(text, parseQuery(q)).map((s) => text.slice(s.start, s.end));

describe('foldWord and textWords', () => {
  it('fold like the index: letters, digits and _ kept, lowercased, diacritics removed', () => {
    expect(foldWord('Ünïcödé')).toBe('unicode');
    expect(foldWord('“Rekognition,”')).toBe('rekognition');
    expect(foldWord('snake_case')).toBe('snake_case');
    expect(foldWord('—')).toBe('');
  });

  it('split words at spaces, spans without surrounding punctuation, compound parts at ASCII punctuation and camelCase', () => {
    const [word] = textWords('(face-ID)');
    expect(word).toMatchObject({ start: 1, end: 8, folded: 'faceid' });
    expect(word!.parts.map((p) => p.folded)).toEqual(['face', 'id']);
    expect(textWords('iPhone')[0]!.parts.map((p) => p.folded)).toEqual(['i', 'phone']);
    expect(textWords('plain')[0]!.parts).toEqual([]);
  });
});

describe('matchSpans', () => {
  it('marks each word a query word is a prefix of, whatever its case or accents', () => {
    expect(marked('Facial recognition: the FACE of Café culture', 'fac cafe')).toEqual(['Facial', 'FACE', 'Café']);
  });

  it('does not mark a word that only contains the query word, nor a shorter word', () => {
    expect(marked('surface interface', 'face')).toEqual([]);
    expect(marked('election', 'elections')).toEqual([]);
  });

  it('marks a compound part the query word is a prefix of', () => {
    expect(marked('the e-mail was sent', 'mail')).toEqual(['mail']);
    expect(marked('the e-mail was sent', 'email')).toEqual(['e-mail']);
  });

  it('marks a phrase only where its words are consecutive and whole', () => {
    expect(marked('Saira Hussain said; Hussain, Saira and Saira Hussainova', '"saira hussain"')).toEqual(['Saira Hussain']);
  });

  it('merges overlapping marks and never marks exclusions', () => {
    expect(marked('Amazon Rekognition', 'rek "amazon rekognition" -amazon')).toEqual(['Amazon Rekognition']);
    expect(marked('Amazon Rekognition', 'rek -amazon')).toEqual(['Rekognition']);
  });

  it('marks markup in the text as text', () => {
    expect(marked('<img src=x onerror=alert(1)> here', 'img')).toEqual(['img']);
  });
});

describe('splitAtSpans', () => {
  it('cuts a text into marked and unmarked pieces that join back to it', () => {
    const text = 'a Rekognition b';
    const pieces = splitAtSpans(text, matchSpans(text, parseQuery('rek')));
    expect(pieces).toEqual([
      { text: 'a ', marked: false },
      { text: 'Rekognition', marked: true },
      { text: ' b', marked: false },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });
});

describe('bodySnippet', () => {
  const query = parseQuery('rekognition');
  it('is undefined when no block matches', () => {
    expect(bodySnippet(['nothing here', 'nor here'], query)).toBeUndefined();
  });

  it('shows a window around the first match, cut at spaces, with ellipses, and its spans shifted into it', () => {
    const before = 'word '.repeat(60);
    const after = ' more'.repeat(60);
    const snippet = bodySnippet(['unrelated', `${before}known as Rekognition for one year${after}`], query, 100)!;
    expect(snippet.text.startsWith('… ')).toBe(true);
    expect(snippet.text.endsWith(' …')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(104);
    expect(snippet.spans.map((s) => snippet.text.slice(s.start, s.end))).toEqual(['Rekognition']);
  });

  it('keeps a short block whole', () => {
    const snippet = bodySnippet(['Amazon Rekognition.'], query)!;
    expect(snippet).toEqual({ text: 'Amazon Rekognition.', spans: [{ start: 7, end: 18 }] });
  });
});

describe('termsNotIn', () => {
  it('keeps the words and phrases a text does not match', () => {
    const query = parseQuery('microsoft rekog "saira hussain" "facial recognition"');
    expect(termsNotIn('Microsoft won’t sell facial recognition technology', query)).toEqual({ words: ['rekog'], phrases: [['saira', 'hussain']] });
  });

  it('finds a snippet for the missing terms and marks every term in it', () => {
    const query = parseQuery('microsoft rekognition');
    const snippet = bodySnippet(['Microsoft said so.', 'Microsoft and Amazon Rekognition.'], termsNotIn('Microsoft', query), 180, query)!;
    expect(snippet.spans.map((s) => snippet.text.slice(s.start, s.end))).toEqual(['Microsoft', 'Rekognition']);
  });
});
