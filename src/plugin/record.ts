import type { ArticleDetail } from '../contract/article.ts';
import type { DetailRef } from './detail-store.ts';
import type { Diagnostic } from './diagnostics.ts';
import { parseFile, type PlainTextRecord } from './parse.ts';

/** An article without its heavy lists: what corpus-wide linking and the lists need. */
export type ArticleHead = Omit<ArticleDetail, 'related' | 'body' | 'images' | 'citedBy'>;

export interface ArticleRecord {
  head: ArticleHead;
  titleKey: string;
  identities: string[];
  /** Per related item (in emitted order), the identity keys of its URLs. */
  relatedKeys: string[][];
  /** Where each related item's `{` is in the stored detail JSON, so links are spliced in as text. */
  relatedAt: number[];
  hasBody: boolean;
}

/**
 * One file's contribution, small enough to keep 100,000 of in memory: the full article detail
 * (related coverage, body) lives in the detail store under the file's content key.
 */
export interface SourceRecord {
  file: string;
  key: string;
  diagnostics: Diagnostic[];
  article?: ArticleRecord;
  /** Where the article's detail is in the disk store, once written there. */
  detail?: DetailRef;
  plain?: PlainTextRecord;
}

export interface ParseOutput {
  record: SourceRecord;
  /** The unlinked detail's JSON, to be put in the detail store. */
  detailJson?: string;
}

const RELATED_MARKER = '"related":[]';

export function parseSource(file: string, key: string, bytes: Uint8Array): ParseOutput {
  const parsed = parseFile(file, bytes);
  const record: SourceRecord = { file, key, diagnostics: parsed.diagnostics };
  if (parsed.plain) record.plain = parsed.plain;
  if (!parsed.article) return { record };
  const { detail, titleKey, identities, relatedKeys } = parsed.article;
  const { related: _related, body, images: _images, citedBy: _citedBy, ...head } = detail;
  // Exactly JSON.stringify(detail), built in two parts to learn where each related item starts.
  const shell = JSON.stringify({ ...detail, related: [] });
  const insertAt = shell.indexOf(RELATED_MARKER) + RELATED_MARKER.length - 1;
  const items = detail.related.map((item) => JSON.stringify(item));
  const relatedAt: number[] = [];
  let position = insertAt;
  for (const item of items) {
    relatedAt.push(position);
    position += item.length + 1;
  }
  record.article = { head, titleKey, identities, relatedKeys, relatedAt, hasBody: body.length > 0 };
  return { record, detailJson: shell.slice(0, insertAt) + items.join(',') + shell.slice(insertAt) };
}
