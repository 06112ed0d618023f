/**
 * What an article is about, from its headline and excerpt: its terms (for similarity) and its
 * named entities (for telling apart events that share vocabulary: IBM's, Amazon's and
 * Microsoft's facial-recognition pledges of one week share every word but the company's).
 */

/** Words that say nothing about the event. English: every known Smartable corpus is English. */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does ' +
    'doing down during each even ever every few for from further get gets got had has have having he her here hers him his how i if in into is it its ' +
    'itself just like may might more most much must my new news no nor not now of off on once one only or other our out over own per said same says say ' +
    'she should since so some still such than that the their them then there these they this those through to too under until up upon us very via was ' +
    'we were what when where which while who whom why will with without won would yet you your ' +
    "can't didn't doesn't don't isn't it's won't wouldn't aren't wasn't weren't hasn't haven't shouldn't couldn't"
  ).split(' '),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** A word as a term: lower case, apostrophes straightened, possessive and dots dropped ("A.I." → "ai"). */
export function normaliseWord(word: string): string {
  const lower = word.toLowerCase();
  return /['’.]/.test(lower)
    ? lower
        .replace(/['’]s$/, '')
        .replace(/\./g, '')
        .replace(/’/g, "'")
    : lower;
}

interface Word {
  text: string;
  term: string;
  /** First word of a sentence (or of the headline): its capital says nothing. */
  initial: boolean;
}

function words(text: string): Word[] {
  const found: Word[] = [];
  // Each part between breaks starts with an initial word.
  for (const part of text.split(/[!?:;—–"“(]|\.(?=\s|$)/)) {
    let initial = true;
    for (const match of part.matchAll(WORD)) {
      found.push({ text: match[0], term: normaliseWord(match[0]), initial });
      initial = false;
    }
  }
  return found;
}

const isStopword = (term: string) => STOPWORDS.has(term) || term.length < 2 || /^\d{1,2}$/.test(term);
const capitalised = (word: string) => /^\p{Lu}/u.test(word);
/** "IBM", "iPhone", "PowerApps": a name whatever its position. */
const shapedLikeName = (word: string) => /^\p{Lu}{2,}$/u.test(word.replace(/[.&'’-]/g, '')) || /\p{Ll}\p{Lu}/u.test(word);

export interface ArticleTerms {
  /** Distinct terms of the headline and excerpt, headline first. */
  terms: string[];
  /** Distinct terms of the headline. */
  titleTerms: string[];
  /** Named entities in the headline, in order (see `titleEntities`). */
  titleEntities: string[];
}

/**
 * The terms and headline entities of an article. An entity is a word written with a capital
 * where a common word would not have one: after the first word of a sentence, or shaped like a
 * name (IBM, iPhone). In a headline written in title case every word has a capital, so there a
 * word is an entity only when the excerpt also writes it with one.
 */
export function articleTerms(title: string, excerpt = ''): ArticleTerms {
  const head = words(title);
  const body = words(excerpt);
  const capitalInExcerpt = new Set(body.filter((w) => capitalised(w.text)).map((w) => w.term));
  const longWords = head.filter((w) => w.term.length >= 4 && !STOPWORDS.has(w.term));
  const titleCase = longWords.length >= 3 && longWords.filter((w) => capitalised(w.text)).length / longWords.length >= 0.75;
  const titleEntities: string[] = [];
  for (const w of head) {
    if (isStopword(w.term) || titleEntities.includes(w.term)) continue;
    const entity = shapedLikeName(w.text) || (capitalised(w.text) && (titleCase || w.initial ? capitalInExcerpt.has(w.term) : true));
    if (entity) titleEntities.push(w.term);
  }
  const distinct = (list: Word[]) => [...new Set(list.map((w) => w.term).filter((t) => !isStopword(t)))];
  const titleTerms = distinct(head);
  return { terms: [...new Set([...titleTerms, ...distinct(body)])], titleTerms, titleEntities };
}
