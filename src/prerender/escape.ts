/** Text and attribute values in HTML (content is untrusted: every value goes through here). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** XML 1.0 text and attribute values; characters XML forbids are dropped. */
export function escapeXml(value: string): string {
  return value

    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}

/**
 * JSON for the inside of a `<script>` element (JSON-LD, dehydrated state): `<`, `>` and `&` are
 * written as \u escapes, so no `</script>` or `<!--` can appear, and the JSON still parses the same.
 */
export function jsonForScript(value: unknown): string {
  return scriptSafeJson(JSON.stringify(value));
}

/** The same escaping for JSON that is already text. */
export function scriptSafeJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
