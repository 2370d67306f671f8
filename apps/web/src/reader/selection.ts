/**
 * Conversion between DOM Ranges inside the rendered article and canonical code-point
 * offsets into the revision text.
 *
 * The rendered article marks every block with `data-start`/`data-end` (its code-point range
 * in the canonical text). Inside a block element, the concatenated content text nodes are
 * exactly the block's text; markup such as <mark> highlights or <a> links may split it into
 * several text nodes. Decorative text that is not part of the canonical text (e.g. a speaker
 * badge) must sit outside the block element or inside an element marked
 * `data-offset-ignore`.
 *
 * Canonical text joins blocks with "\n\n", so offsets between two blocks never correspond to
 * a DOM position; boundary points that fall between or outside blocks snap inward to the
 * nearest block edge.
 */
import { codePointLength, snapToCodePoint, utf16IndexOf } from './codepoints.ts';

export interface OffsetRange {
  start: number;
  end: number;
}

const BLOCK_SELECTOR = '[data-start][data-end]';
const IGNORE_SELECTOR = '[data-offset-ignore]';

interface BlockElement {
  el: Element;
  start: number;
  end: number;
}

function readBlocks(root: Element): BlockElement[] {
  const blocks: BlockElement[] = [];
  for (const el of root.querySelectorAll(BLOCK_SELECTOR)) {
    const start = Number(el.getAttribute('data-start'));
    const end = Number(el.getAttribute('data-end'));
    if (Number.isInteger(start) && Number.isInteger(end) && end >= start) blocks.push({ el, start, end });
  }
  return blocks;
}

/** Text nodes that carry canonical text, in document order. */
function contentTextNodes(block: Element): Text[] {
  const doc = block.ownerDocument;
  const walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      const ignored = node.parentElement?.closest(IGNORE_SELECTOR);
      return ignored && block.contains(ignored) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** -1 if the point lies before `el`'s contents, 0 inside them, 1 after; null if incomparable. */
function comparePointToElement(el: Element, node: Node, offset: number): -1 | 0 | 1 | null {
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  try {
    return range.comparePoint(node, offset) as -1 | 0 | 1;
  } catch {
    // Different document or tree, or a node type that cannot hold a boundary point.
    return null;
  }
}

/** Code points of block text that precede the boundary point (node, offset) inside `block`. */
function offsetWithinBlock(block: BlockElement, node: Node, offset: number, side: 'start' | 'end'): number {
  const beforePoint = block.el.ownerDocument.createRange();
  beforePoint.setStart(block.el, 0);
  beforePoint.setEnd(node, offset);
  let count = 0;
  for (const text of contentTextNodes(block.el)) {
    if (text === node) {
      const index = snapToCodePoint(text.data, offset, side === 'start' ? 'backward' : 'forward');
      count += codePointLength(text.data.slice(0, index));
      break;
    }
    // Text nodes arrive in document order: stop at the first one that ends after the point.
    if (beforePoint.comparePoint(text, text.length) > 0) break;
    count += codePointLength(text.data);
  }
  return block.start + Math.min(count, block.end - block.start);
}

function pointToOffset(
  blocks: readonly BlockElement[],
  node: Node,
  offset: number,
  side: 'start' | 'end',
): number | null {
  if (side === 'start') {
    for (const block of blocks) {
      const rel = comparePointToElement(block.el, node, offset);
      if (rel === null) return null;
      if (rel < 0) return block.start; // before this block: snap forward to its start
      if (rel === 0) return offsetWithinBlock(block, node, offset, side);
    }
    return null; // after every block
  }
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    const rel = comparePointToElement(block.el, node, offset);
    if (rel === null) return null;
    if (rel > 0) return block.end; // after this block: snap back to its end
    if (rel === 0) return offsetWithinBlock(block, node, offset, side);
  }
  return null; // before every block
}

/**
 * Canonical offsets covered by `range` within the article rendered under `root`. A range
 * that starts before or ends after the article is clamped to it; a collapsed range, or one
 * that does not touch any block text, yields null.
 */
export function rangeToOffsets(range: Range, root: Element): OffsetRange | null {
  if (range.collapsed) return null;
  const blocks = readBlocks(root);
  if (blocks.length === 0) return null;
  const start = pointToOffset(blocks, range.startContainer, range.startOffset, 'start');
  const end = pointToOffset(blocks, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || start >= end) return null;
  return { start, end };
}

/** Offsets of the document selection's first range, or null when nothing usable is selected. */
export function selectionToOffsets(selection: Selection | null, root: Element): OffsetRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  return rangeToOffsets(selection.getRangeAt(0), root);
}

function locate(
  block: BlockElement,
  cp: number,
  side: 'start' | 'end',
  nodesOf: (el: Element) => Text[] = contentTextNodes,
): { node: Node; offset: number } {
  const nodes = nodesOf(block.el);
  let remaining = cp;
  for (let i = 0; i < nodes.length; i++) {
    const text = nodes[i]!;
    const length = codePointLength(text.data);
    const isLast = i === nodes.length - 1;
    // At a node boundary a start prefers the next node and an end the previous one, so the
    // range does not pick up an empty sliver of a neighbouring element.
    if (remaining < length || (remaining === length && (side === 'end' || isLast))) {
      return { node: text, offset: utf16IndexOf(text.data, remaining) };
    }
    remaining -= length;
  }
  return { node: block.el, offset: side === 'start' ? 0 : block.el.childNodes.length };
}

/**
 * The DOM Range that displays canonical offsets [start, end) under `root`, clamped to block
 * text (a range that begins in a block separator starts at the next block). Null when the
 * offsets are empty or cover no rendered text.
 */
export function offsetsToRange(root: Element, start: number, end: number): Range | null {
  return createRangeMapper(root)(start, end);
}

/**
 * offsetsToRange for many ranges over one rendering: the blocks are read once and each
 * lookup is a binary search, so measuring a thousand passages stays cheap.
 */
export function createRangeMapper(root: Element): (start: number, end: number) => Range | null {
  const blocks = readBlocks(root);
  // Blocks are in document order, which is offset order.
  const firstEndingAfter = (offset: number): number => {
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.end > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo < blocks.length ? lo : -1;
  };
  const lastStartingBefore = (offset: number): number => {
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  // Text nodes per block, walked once however many passages a block holds.
  const nodeCache = new Map<Element, Text[]>();
  const nodesOf = (el: Element): Text[] => {
    let nodes = nodeCache.get(el);
    if (!nodes) nodeCache.set(el, (nodes = contentTextNodes(el)));
    return nodes;
  };
  return (start, end) => {
    if (!(end > start)) return null;
    const first = firstEndingAfter(start);
    const last = lastStartingBefore(end);
    if (first === -1 || last === -1 || first > last) return null;
    const startBlock = blocks[first]!;
    const endBlock = blocks[last]!;
    const from = locate(startBlock, Math.max(start, startBlock.start) - startBlock.start, 'start', nodesOf);
    const to = locate(endBlock, Math.min(end, endBlock.end) - endBlock.start, 'end', nodesOf);
    const range = root.ownerDocument.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  };
}
