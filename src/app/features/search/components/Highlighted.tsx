import type { Span } from '../engine/fold';
import { splitAtSpans } from '../engine/highlight';

/** Text with its matches in `<mark>`: built from match spans, every piece rendered as text. */
export function Highlighted({ text, spans }: { text: string; spans: readonly Span[] }) {
  if (spans.length === 0) return <>{text}</>;
  return <>{splitAtSpans(text, spans).map((piece, i) => (piece.marked ? <mark key={i}>{piece.text}</mark> : piece.text))}</>;
}
