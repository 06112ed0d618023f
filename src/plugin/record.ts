import type { ArticleDetail } from '../contract/article.ts';
import { storyCardBody, storyDetail, type StoryCardBody } from '../contract/story-summary.ts';
import type { DetailRef } from './detail-store.ts';
import type { Diagnostic } from './diagnostics.ts';
import { parseFile, type PlainTextRecord } from './parse.ts';
import { articleTerms, type ArticleTerms } from './stories/terms.ts';

/** An article without its heavy lists: what corpus-wide linking and the lists need. */
export type ArticleHead = Omit<ArticleDetail, 'related' | 'body' | 'images' | 'citedBy'>;

/** What linking needs of an article: its head and the keys it is found and finds others by. */
export interface ArticleRecord {
  head: ArticleHead;
  titleKey: string;
  identities: string[];
  /** Per related item (in emitted order), the identity keys of its URLs. */
  relatedKeys: string[][];
  hasBody: boolean;
  /** What a story card of this article alone says (made here, where its related coverage is read). */
  solo: StoryCardBody;
  /** Its headline's and excerpt's terms, for clustering (made here, in the parse workers, and cached). */
  terms: ArticleTerms;
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
  /** The unlinked detail, to be put in the detail store whole. */
  detail?: ArticleDetail;
}

export function parseSource(file: string, key: string, bytes: Uint8Array): ParseOutput {
  const parsed = parseFile(file, bytes);
  const record: SourceRecord = { file, key, diagnostics: parsed.diagnostics };
  if (parsed.plain) record.plain = parsed.plain;
  if (!parsed.article) return { record };
  const { detail, titleKey, identities, relatedKeys } = parsed.article;
  const { related: _related, body, images: _images, citedBy: _citedBy, ...head } = detail;
  record.article = {
    head,
    titleKey,
    identities,
    relatedKeys,
    hasBody: body.length > 0,
    solo: soloCard(detail, identities, relatedKeys),
    terms: articleTerms(head.title, head.excerpt),
  };
  return { record, detail };
}

/** The story card of an article alone, by the linker's URL identities (an article may list itself). */
export function soloCard(detail: ArticleDetail, identities: readonly string[], relatedKeys: readonly (readonly string[])[]): StoryCardBody {
  return storyCardBody(storyDetail(detail.slug, [{ detail, reason: { rule: 'first' }, identities, relatedKeys }], []), 'all')!;
}
