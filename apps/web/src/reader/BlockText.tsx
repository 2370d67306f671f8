import type { Block } from '../api/types.ts';
import { intensity, segmentBlock, type HighlightSpan } from './segments.ts';

/** Id of the temporary highlight shown while a new comment is being written. */
export const DRAFT_ID = '__draft';

interface BlockTextProps {
  block: Block;
  spans: readonly HighlightSpan[];
  activeId: string | null;
}

/** A block's text with its discussed passages wrapped in <mark>, strongest where most discussed. */
export function BlockText({ block, spans, activeId }: BlockTextProps) {
  if (spans.length === 0) return <>{block.text}</>;
  return (
    <>
      {segmentBlock(block.text, block.start, spans).map((segment) => {
        if (segment.ids.length === 0) return segment.text;
        const isDraft = segment.ids.includes(DRAFT_ID);
        const classes = [
          'hl',
          isDraft ? 'hl-draft' : `hl-${intensity(segment.weight)}`,
          activeId && segment.ids.includes(activeId) ? 'is-active' : '',
        ];
        return (
          <mark key={segment.start} className={classes.filter(Boolean).join(' ')} data-threads={segment.ids.join(' ')}>
            {segment.text}
          </mark>
        );
      })}
    </>
  );
}
