import type { BodyBlock } from '../../../../contract';

/** Plain-text blocks rendered as text (never as HTML); list items grouped into lists. */
export function ArticleBody({ blocks }: { blocks: BodyBlock[] }) {
  const groups: (BodyBlock | BodyBlock[])[] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    if (block.kind === 'list-item' && Array.isArray(last)) last.push(block);
    else groups.push(block.kind === 'list-item' ? [block] : block);
  }
  return (
    <div className="prose-body mt-6">
      {groups.map((group, i) => {
        if (Array.isArray(group)) {
          return (
            <ul key={i}>
              {group.map((item, j) => (
                <li key={j}>{item.text}</li>
              ))}
            </ul>
          );
        }
        switch (group.kind) {
          case 'heading':
            return <h2 key={i}>{group.text}</h2>;
          case 'quote':
            return <blockquote key={i}>{group.text}</blockquote>;
          default:
            return <p key={i}>{group.text}</p>;
        }
      })}
    </div>
  );
}
