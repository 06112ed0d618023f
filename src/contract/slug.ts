/**
 * URL-safe, lowercase, ASCII slug: accents folded, `&` read as "and", everything else that is
 * not a letter or digit becomes a single hyphen. Shared so that topic URLs built by the app
 * match the files the plugin wrote.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** The URL form of a topic name; empty names fall back to `topic`. */
export function topicSlug(name: string): string {
  return slugify(name, 60) || 'topic';
}
