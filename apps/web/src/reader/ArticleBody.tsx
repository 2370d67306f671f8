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
  // Spans per block, computed once per change of the spans (one sweep, not blocks × spans).
  const spansByBlock = useMemo(() => {
    const map = new Map<Block, HighlightSpan[]>();
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    let from = 0;
    for (const block of blocks) {
      while (from < sorted.length && sorted[from]!.end <= block.start && sorted[from]!.start < block.start) from++;
      const hits: HighlightSpan[] = [];
      for (let i = from; i < sorted.length && sorted[i]!.start < block.end; i++) {
        if (sorted[i]!.end > block.start) hits.push(sorted[i]!);
      }
      if (hits.length > 0) map.set(block, hits);
    }
    return map;
  }, [blocks, spans]);
  const spansFor = (block: Block): readonly HighlightSpan[] => spansByBlock.get(block) ?? NO_SPANS;
  // Only blocks that show the active thread re-render when it changes.
  const activeFor = (block: Block): string | null =>
    activeId && spansByBlock.get(block)?.some((s) => s.id === activeId) ? activeId : null;

  const renderNode = (node: BlockNode) => {
    if (node.type === 'list') {
      const List = node.ordered ? 'ol' : 'ul';
      return (
        <List key={`list-${node.items[0]!.start}`} className="block-list">
          {node.items.map((item) => (
            <BlockView key={item.start} block={item} spans={spansFor(item)} activeId={activeFor(item)} />
          ))}
        </List>
      );
    }
    return (
      <BlockView
        key={node.block.start}
        block={node.block}
        spans={spansFor(node.block)}
        activeId={activeFor(node.block)}
      />
    );
  };

  return (
    <div ref={ref} className="article-body" tabIndex={-1}>
      {sections.map((section) =>
        section.heading ? (
          <section key={section.heading.start} aria-labelledby={headingId(section.heading)}>
            <BlockView
              block={section.heading}
              spans={spansFor(section.heading)}
              activeId={activeFor(section.heading)}
            />
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
