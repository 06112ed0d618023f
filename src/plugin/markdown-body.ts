import type { BodyBlock } from '../contract/article.ts';

/**
 * The markdown body under the front matter, reduced to plain-text blocks. The app renders text
 * only, so inline markup is unwrapped (links keep their text) and raw HTML is stripped rather
 * than passed on.
 */
function inlineText(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_](.+?)[*_](?=\W|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseMarkdownBody(markdown: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const text = inlineText(paragraph.join(' '));
    if (text) blocks.push({ kind: 'paragraph', text });
    paragraph = [];
  };
  let inFence = false;
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    if (/^\s*(```|~~~)/.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    const quote = /^\s{0,3}>\s?(.*)$/.exec(line);
    const item = /^\s{0,3}(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (line.trim() === '') flush();
    else if (heading) {
      flush();
      const text = inlineText(heading[1]!);
      if (text) blocks.push({ kind: 'heading', text });
    } else if (quote) {
      flush();
      const text = inlineText(quote[1]!);
      if (text) blocks.push({ kind: 'quote', text });
    } else if (item) {
      flush();
      const text = inlineText(item[1]!);
      if (text) blocks.push({ kind: 'list-item', text });
    } else if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) flush();
    else paragraph.push(line);
  }
  flush();
  return blocks;
}
