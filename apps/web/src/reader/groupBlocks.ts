/**
 * Shapes the flat block list into what HTML needs: consecutive list items become one
 * <ul>/<ol>, and each heading opens a <section> so the article outline is navigable.
 */
import type { Block } from '../api/types.ts';

export type BlockNode = { type: 'block'; block: Block } | { type: 'list'; ordered: boolean; items: Block[] };

export interface Section {
  heading: Block | null;
  children: BlockNode[];
}

export function groupBlocks(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [{ heading: null, children: [] }];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      sections.push({ heading: block, children: [] });
      continue;
    }
    const children = sections.at(-1)!.children;
    if (block.kind === 'list_item') {
      const ordered = block.ordered === true;
      const previous = children.at(-1);
      if (previous?.type === 'list' && previous.ordered === ordered) previous.items.push(block);
      else children.push({ type: 'list', ordered, items: [block] });
      continue;
    }
    children.push({ type: 'block', block });
  }
  // Drop the lead-in section when the article starts with a heading.
  return sections.filter((s, i) => i > 0 || s.children.length > 0);
}
