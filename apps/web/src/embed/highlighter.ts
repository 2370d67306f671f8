import { anchor, CodePointIndex, prepareText } from '@marginalia/anchoring';
import type { HighlightInfo, Quote } from './protocol.ts';

/** The attribute on each element wrapping a discussed passage of the host's text; its value is the thread id. */
export const HIGHLIGHT_ATTRIBUTE = 'data-marginalia-highlight';
/** Context kept on each side of a quote the reader selects (as the anchoring package's describe does). */
const CONTEXT = 32;

/** The article's text as one string, with the text node each stretch of it comes from. */
export interface TextMap {
  text: string;
  nodes: { node: Text; start: number }[];
}

/** Text of `root` in document order, leaving out scripts, styles and Marginalia's own controls. */
export function textMapOf(root: Element): TextMap {
  const nodes: TextMap['nodes'] = [];
  let text = '';
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('script, style, noscript, template, [data-marginalia-ui]')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (!data) continue;
    nodes.push({ node: node as Text, start: text.length });
    text += data;
  }
  return { text, nodes };
}

/** The quote of a DOM range inside `root`, with its context, or null when it is empty or outside. */
export function quoteOfRange(root: Element, range: Range): Quote | null {
  if (!root.contains(range.commonAncestorContainer)) return null;
  const map = textMapOf(root);
  const offsetOf = (container: Node, offset: number): number | null => {
    if (container.nodeType === Node.TEXT_NODE) {
      const entry = map.nodes.find((n) => n.node === container);
      return entry ? entry.start + offset : null;
    }
    // An element boundary: the text before the child at `offset`.
    const probe = root.ownerDocument.createRange();
    probe.setStart(root, 0);
    probe.setEnd(container, offset);
    let length = 0;
    for (const { node, start } of map.nodes) {
      if (probe.intersectsNode(node) && !node.contains(container)) length = start + node.data.length;
    }
    return length;
  };
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  const exact = map.text.slice(start, end);
  if (!exact.trim()) return null;
  return {
    exact,
    prefix: map.text.slice(Math.max(0, start - CONTEXT), start),
    suffix: map.text.slice(end, end + CONTEXT),
  };
}

/** Where each thread's passage is in the host's text (UTF-16 offsets); passages not found are left out. */
export function locate(
  text: string,
  highlights: readonly HighlightInfo[],
): { id: string; count: number; start: number; end: number }[] {
  const prepared = prepareText(text);
  const index = new CodePointIndex(text);
  const found: { id: string; count: number; start: number; end: number }[] = [];
  for (const highlight of highlights) {
    const result = anchor(prepared, { quote: highlight.quote });
    if (result.status === 'ORPHANED') continue;
    found.push({
      id: highlight.id,
      count: highlight.count,
      start: index.toUtf16(result.start),
      end: index.toUtf16(result.end),
    });
  }
  return found;
}

/** Background of a passage, darker with more comments (as the reader's heat). */
export function shade(count: number): string {
  const alpha = Math.min(0.12 + 0.06 * Math.max(1, count), 0.45);
  return `rgba(255, 196, 0, ${alpha.toFixed(2)})`;
}

/**
 * Wraps each located passage in inline elements carrying HIGHLIGHT_ATTRIBUTE. Only inline
 * styles (a background, the cursor): the host's layout and its own styles stay as they were.
 */
export function drawHighlights(root: Element, highlights: readonly HighlightInfo[]): number {
  clearHighlights(root);
  const map = textMapOf(root);
  const located = locate(map.text, highlights).sort((a, b) => b.start - a.start);
  // From the end backwards: splitting a text node leaves the offsets before it unchanged.
  for (const passage of located) wrap(map, passage);
  return located.length;
}

function wrap(map: TextMap, passage: { id: string; count: number; start: number; end: number }): void {
  const document = map.nodes[0]?.node.ownerDocument;
  if (!document) return;
  for (let i = map.nodes.length - 1; i >= 0; i -= 1) {
    const entry = map.nodes[i]!;
    const nodeEnd = entry.start + entry.node.data.length;
    if (nodeEnd <= passage.start || entry.start >= passage.end) continue;
    if (!entry.node.data.slice(Math.max(0, passage.start - entry.start), passage.end - entry.start).trim()) continue;
    let target = entry.node;
    const from = Math.max(0, passage.start - entry.start);
    const to = Math.min(target.data.length, passage.end - entry.start);
    if (to < target.data.length) target.splitText(to);
    if (from > 0) target = target.splitText(from);
    const mark = document.createElement('mark');
    mark.setAttribute(HIGHLIGHT_ATTRIBUTE, passage.id);
    mark.setAttribute('data-marginalia-count', String(passage.count));
    mark.tabIndex = 0;
    mark.setAttribute('role', 'button');
    // The name stays the passage's own text (what a reader sees); the count is its description.
    mark.title = `Open the discussion of this passage (${passage.count} comment${passage.count === 1 ? '' : 's'})`;
    mark.style.cssText = `background:${shade(passage.count)};color:inherit;cursor:pointer;padding:0;margin:0;font:inherit;`;
    target.parentNode!.insertBefore(mark, target);
    mark.appendChild(target);
  }
}

/** Takes every highlight out again, leaving the host's text nodes as they were joined. */
export function clearHighlights(root: Element): void {
  for (const mark of Array.from(root.querySelectorAll(`mark[${HIGHLIGHT_ATTRIBUTE}]`))) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
}
