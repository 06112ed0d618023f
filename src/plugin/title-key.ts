/**
 * A title's matching key: case, quote style, dashes and whitespace do not make two titles
 * different ("won’t" and "won't" match).
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
