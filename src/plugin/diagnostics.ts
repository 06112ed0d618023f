/**
 * Every content problem the pipeline can report. Errors skip the file (nothing usable is left);
 * warnings drop only the offending field so the article survives.
 */
export const DIAGNOSTIC_CODES = {
  'not-text': { severity: 'error', title: 'Not a text file' },
  'empty-file': { severity: 'error', title: 'Empty file' },
  'file-too-large': { severity: 'error', title: 'File too large' },
  'unreadable-file': { severity: 'error', title: 'File could not be read' },
  'skipped-entry': { severity: 'warning', title: 'Folder entry not read' },
  'yaml-syntax': { severity: 'error', title: 'Broken YAML front matter' },
  'unterminated-front-matter': { severity: 'error', title: 'Front matter never closed' },
  'front-matter-not-object': { severity: 'error', title: 'Front matter is not a mapping' },
  'unsupported-front-matter-language': { severity: 'error', title: 'Front matter not in YAML' },
  'front-matter-too-deep': { severity: 'error', title: 'Front matter nested too deeply' },
  'missing-title': { severity: 'error', title: 'No usable title' },
  'invalid-type': { severity: 'warning', title: 'Field has the wrong type' },
  'invalid-value': { severity: 'warning', title: 'Field has an unexpected value' },
  'invalid-url': { severity: 'warning', title: 'Invalid URL' },
  'unsafe-url': { severity: 'warning', title: 'URL scheme not allowed' },
  'invalid-date': { severity: 'warning', title: 'Invalid date' },
  'invalid-related': { severity: 'warning', title: 'Related item dropped' },
  'featured-content-dropped': { severity: 'warning', title: 'Featured content not embeddable' },
  'field-truncated': { severity: 'warning', title: 'Field truncated' },
  'duplicate-article': { severity: 'warning', title: 'Duplicate article' },
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** Path relative to the content folder, with `/` separators. */
  file: string;
  /** 1-based, in the file as written (front matter delimiters included). */
  line?: number;
  column?: number;
  /** Dotted path of the field, e.g. `related[3].webUrl`. */
  field?: string;
  message: string;
  expected?: string;
  hint?: string;
}

export type DiagnosticInput = Omit<Diagnostic, 'severity' | 'file'>;

export function diagnostic(file: string, input: DiagnosticInput): Diagnostic {
  return { ...input, severity: DIAGNOSTIC_CODES[input.code].severity, file };
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}

/** Code-unit order: the same on every machine, whatever its locale (unlike `localeCompare`). */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders problems by file, then line, then field, then code, so reports are stable between runs. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) => byCodeUnits(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || byCodeUnits(a.field ?? '', b.field ?? '') || byCodeUnits(a.code, b.code),
  );
}

/**
 * C0 and C1 controls, DEL, bidirectional overrides and isolates, line and paragraph separators,
 * and lone surrogates. File names and field values are the content author's: printed raw, they
 * could clear the terminal, set its title, forge a log line or reorder what the reader sees.
 */
const UNPRINTABLE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every unprintable character (see UNPRINTABLE) written as a visible escape. */
export function escapeForLog(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return NAMED_ESCAPES[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/**
 * JSON text with the characters `JSON.stringify` leaves raw but a terminal acts on (C1 controls,
 * DEL, bidi and line separators) written as `\\u` escapes: the same JSON value, safe to print.
 */
export function escapeJsonForLog(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line per problem, `file:line:column`, as editors and CI logs link them. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [escapeForLog(d.file), d.line, d.line !== undefined ? d.column : undefined].filter((p) => p !== undefined).join(':');
  const field = d.field ? ` [${escapeForLog(d.field)}]` : '';
  const expected = d.expected ? ` (expected ${escapeForLog(d.expected)})` : '';
  const hint = d.hint ? `\n    hint: ${escapeForLog(d.hint)}` : '';
  return `${where}: ${d.severity} ${d.code}${field}: ${escapeForLog(d.message)}${expected}${hint}`;
}

export function formatSummary(diagnostics: readonly Diagnostic[], files: number): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
