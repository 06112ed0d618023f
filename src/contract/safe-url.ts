/**
 * Only http(s) URLs may reach an `href` or `src`. Returns the URL as parsed and re-serialised,
 * or undefined for anything else (`javascript:`, `data:`, relative or malformed input, or a
 * user name or password before the host: a leaked secret or a phishing shape).
 */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (!url.hostname || url.username || url.password) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}
