import type { BodyBlock } from '../contract/article.ts';
import { titleKey } from './title-key.ts';

/**
 * Plain-text articles are pages' text as scraped: navigation, player and consent notices,
 * captions with photo credits, the author's bio and teasers for other stories surround the
 * article. These rules remove that debris without knowing the site.
 */
const DEBRIS_LINES = [
  /^skip to (main )?content$/i,
  /^skip to (main )?navigation$/i,
  /^recommended videos?$/i,
  /^please enable javascript( to view this content)?\.?$/i,
  /^(this content|javascript) (is )?(required|disabled).*$/i,
  /^advertisement$/i,
  /^(sponsored|sponsored content)$/i,
  /^(share|share this|share this article|tweet|email|print|comments?)$/i,
  /^(sign up|subscribe|log ?in|sign in)( now)?$/i,
  /^read more$/i,
  /^(related|related articles|related stories|more stories|you may also like|trending)$/i,
];

const PHOTO_CREDIT = [
  /^(photo|image|photograph|credit|illustration|video)( by| credit)?\s*:/i,
  /\b(getty images|ap photo|shutterstock|istock(photo)?|unsplash|afp|reuters\/|pool\/|bloomberg via getty)\b/i,
  /^©/,
];

const READ_MORE = /^read more$/i;
/** Bylines in a bio's second line: "Former Digital Trends Contributor", "Senior Writer". */
const ROLE_LINE = /\b(contributor|writer|editor|reporter|correspondent|columnist|journalist|author|staff)\b/i;

function isDebris(line: string): boolean {
  return DEBRIS_LINES.some((re) => re.test(line));
}

function isPhotoCredit(line: string): boolean {
  return line.length <= 100 && !/[.!?]["”’]?$/.test(line) && PHOTO_CREDIT.some((re) => re.test(line));
}

/** Short and without closing punctuation: a headline, caption or name rather than prose. */
function isShortLabel(line: string, max = 120): boolean {
  return line.length <= max && !/[.!?:;"”’)]$/.test(line);
}

function looksLikeName(line: string): boolean {
  return /^(\p{Lu}[\p{L}'’.-]+)( \p{Lu}[\p{L}'’.-]+){1,3}$/u.test(line);
}

/**
 * Where the author's bio starts: a name line, then within two lines either a role line or a line
 * that starts with the same name ("Allison Matyus is a general news reporter…").
 */
function bioStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const name = lines[i]!;
    if (!looksLikeName(name)) continue;
    const next = lines.slice(i + 1, i + 3);
    if (next.some((l) => l.startsWith(`${name} `)) || (next[0] !== undefined && ROLE_LINE.test(next[0]) && isShortLabel(next[0], 80))) {
      return i;
    }
  }
  return -1;
}

/** Where the first "Read more" teaser starts, walking back over its paragraphs and its headline. */
function teaserStart(lines: readonly string[]): number {
  const first = lines.findIndex((l) => READ_MORE.test(l));
  if (first < 0) return -1;
  let i = first - 1;
  while (i >= 0 && !isShortLabel(lines[i]!)) i--;
  while (i > 0 && isShortLabel(lines[i - 1]!)) i--;
  return Math.max(i, 0);
}

export interface PlainTextArticle {
  title: string;
  /** 1-based line of the title in the file. */
  titleLine: number;
  body: BodyBlock[];
}

/** Undefined when no line is real text (the caller reports a missing title). */
export function parsePlainText(text: string): PlainTextArticle | undefined {
  const numbered = text
    .split('\n')
    .map((raw, index) => ({ text: raw.replace(/\s+/g, ' ').trim(), line: index + 1 }))
    .filter((l) => l.text !== '' && !isDebris(l.text));
  const titleEntry = numbered.find((l) => /\p{L}/u.test(l.text));
  if (!titleEntry) return undefined;
  const key = titleKey(titleEntry.text);

  let lines = numbered.filter((l) => l !== titleEntry && titleKey(l.text) !== key).map((l) => l.text);
  const bio = bioStart(lines);
  if (bio >= 0) lines = lines.slice(0, bio);
  const teaser = teaserStart(lines);
  if (teaser >= 0) lines = lines.slice(0, teaser);

  const kept: string[] = [];
  for (const line of lines) {
    if (isPhotoCredit(line)) {
      // A caption sits right above its credit line.
      if (kept.length && isShortLabel(kept[kept.length - 1]!, 100)) kept.pop();
      continue;
    }
    kept.push(line);
  }
  return {
    title: titleEntry.text,
    titleLine: titleEntry.line,
    body: kept.map((line) => ({ kind: 'paragraph', text: line })),
  };
}
