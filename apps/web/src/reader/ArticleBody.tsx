import { memo, useMemo, type Ref } from 'react';
import type { Block } from '../api/types.ts';
import { BlockView, headingId } from './BlockView.tsx';
import { groupBlocks, type BlockNode } from './groupBlocks.ts';
import type { HighlightSpan } from './segments.ts';

interface ArticleBodyProps {
  blocks: readonly Block[];
  spans: readonly HighlightSpan[];
  activeId: string | null;
  ref?: Ref<HTMLDivElement>;
}

const NO_SPANS: readonly HighlightSpan[] = [];

/**
 * The article text, one element per block with its code-point range in data-start/data-end.
 * Memoised so that selection and margin updates in the page do not re-render the text (a
 * re-render that replaced text nodes would drop the reader's selection).
 */
export const ArticleBody = memo(function ArticleBody({ blocks, spans, activeId, ref }: ArticleBodyProps) {
  const sections = useMemo(() => groupBlocks(blocks), [blocks]);
  const spansFor = useMemo(() => {
    return (block: Block): readonly HighlightSpan[] => {
      const hits = spans.filter((s) => s.end > block.start && s.start < block.end);
      return hits.length > 0 ? hits : NO_SPANS;
    };
  }, [spans]);

  const renderNode = (node: BlockNode) => {
    if (node.type === 'list') {
      const List = node.ordered ? 'ol' : 'ul';
      return (
        <List key={`list-${node.items[0]!.start}`} className="block-list">
          {node.items.map((item) => (
            <BlockView key={item.start} block={item} spans={spansFor(item)} activeId={activeId} />
          ))}
        </List>
      );
    }
    return <BlockView key={node.block.start} block={node.block} spans={spansFor(node.block)} activeId={activeId} />;
  };

  return (
    <div ref={ref} className="article-body" tabIndex={-1}>
      {sections.map((section) =>
        section.heading ? (
          <section key={section.heading.start} aria-labelledby={headingId(section.heading)}>
            <BlockView block={section.heading} spans={spansFor(section.heading)} activeId={activeId} />
            {section.children.map(renderNode)}
          </section>
        ) : (
          <div key="lead" className="article-lead">
            {section.children.map(renderNode)}
          </div>
        ),
      )}
    </div>
  );
});
