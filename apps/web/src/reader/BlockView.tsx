import { memo, type ReactNode } from 'react';
import type { Block } from '../api/types.ts';
import { safeHttpUrl } from '../ui/format.ts';
import { BlockText } from './BlockText.tsx';
import type { HighlightSpan } from './segments.ts';

export interface BlockViewProps {
  block: Block;
  spans: readonly HighlightSpan[];
  activeId: string | null;
}

/** Offsets carried by every block element; selection.ts relies on them. */
const offsets = (block: Block) => ({ 'data-start': block.start, 'data-end': block.end });

/** Renders the block text, as a link when the source had one (http(s) only). */
function Content({ block, spans, activeId }: BlockViewProps) {
  const text = <BlockText block={block} spans={spans} activeId={activeId} />;
  const href = safeHttpUrl(block.href);
  return href ? (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank">
      {text}
    </a>
  ) : (
    text
  );
}

/** Heading level inside the article: the article title is the page's h1, so blocks start at h2. */
export function headingTag(level: number | null | undefined): 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
  const n = Math.min(6, Math.max(2, (level ?? 1) + 1));
  return `h${n}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
}

export const headingId = (block: Block): string => `section-${block.start}`;

/** Speakers get stable colours: the usual L/C pair first, anything else by hash. */
export function speakerTone(speaker: string): 'a' | 'b' | 'c' | 'd' {
  const known: Record<string, 'a' | 'b'> = { L: 'a', C: 'b' };
  const upper = speaker.trim().toUpperCase();
  if (known[upper]) return known[upper];
  let hash = 0;
  for (const ch of upper) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return (['a', 'b', 'c', 'd'] as const)[hash % 4]!;
}

/** Memoised: a block re-renders only when its own highlights or active state change. */
export const BlockView = memo(function BlockView(props: BlockViewProps): ReactNode {
  const { block } = props;
  switch (block.kind) {
    case 'heading': {
      const Tag = headingTag(block.level);
      return (
        <Tag id={headingId(block)} className="block block-heading" {...offsets(block)}>
          <Content {...props} />
        </Tag>
      );
    }
    case 'quote':
      return (
        <blockquote className="block block-quote">
          <p {...offsets(block)}>
            <Content {...props} />
          </p>
        </blockquote>
      );
    case 'list_item':
      return (
        <li className="block block-list-item" {...offsets(block)}>
          <Content {...props} />
        </li>
      );
    case 'code':
      return (
        <pre className="block block-code">
          <code {...offsets(block)}>
            <BlockText block={block} spans={props.spans} activeId={props.activeId} />
          </code>
        </pre>
      );
    case 'turn': {
      const speaker = block.speaker?.trim() || '?';
      return (
        // The badge sits outside the offset-bearing <p> so it is never counted as article text.
        <div className={`block block-turn speaker-${speakerTone(speaker)}`}>
          <span className="speaker-badge" title={`Speaker ${speaker}`}>
            <span aria-hidden="true">{speaker}</span>
            <span className="visually-hidden">Speaker {speaker}:</span>
          </span>
          <p {...offsets(block)}>
            <Content {...props} />
          </p>
        </div>
      );
    }
    case 'paragraph':
    default:
      return (
        <p className="block block-paragraph" {...offsets(block)}>
          <Content {...props} />
        </p>
      );
  }
});
