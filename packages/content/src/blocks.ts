import { codePointLength } from '@marginalia/anchoring/codepoints';

/**
 * The block model of an article revision. A revision is an ordered list of blocks; its
 * canonical text is the blocks' text joined by "\n\n". Offsets are Unicode code points.
 */
export type BlockKind = 'heading' | 'paragraph' | 'quote' | 'list_item' | 'turn' | 'code';

export interface Block {
  kind: BlockKind;
  /** Plain text of the block, no markup; never contains "\n\n". */
  text: string;
  /** Heading level 1–6 (heading blocks only). */
  level?: number;
  /** Speaker label of a debate turn, e.g. "L" or "C" (turn blocks only). */
  speaker?: string;
  /** Ordered list numbering (list_item only). */
  ordered?: boolean;
  /** Link target kept from the source (e.g. a source link line or list item link). */
  href?: string;
}

export interface PositionedBlock extends Block {
  /** Code-point offset of the block's first character in the canonical text. */
  start: number;
  /** Code-point offset one past the block's last character. */
  end: number;
}

export const BLOCK_SEPARATOR = '\n\n';

export { codePointLength };

/** Joins blocks into canonical text and records each block's code-point range. */
export function canonicalize(blocks: readonly Block[]): { text: string; blocks: PositionedBlock[] } {
  const positioned: PositionedBlock[] = [];
  let offset = 0;
  const parts: string[] = [];
  blocks.forEach((block, i) => {
    if (i > 0) offset += BLOCK_SEPARATOR.length;
    const length = codePointLength(block.text);
    positioned.push({ ...block, start: offset, end: offset + length });
    parts.push(block.text);
    offset += length;
  });
  return { text: parts.join(BLOCK_SEPARATOR), blocks: positioned };
}
