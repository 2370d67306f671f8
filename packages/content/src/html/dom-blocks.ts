import type { Block } from '../blocks.js';
import { safeHref } from '../text/links.js';
import { cleanBlockText } from '../text/whitespace.js';

/**
 * Sanitised DOM → blocks. Containers (div, td …) are walked for their blocks; inline
 * content between blocks becomes a paragraph (or a quote inside a blockquote).
 */

// Structural constants of the DOM spec, so this module needs no DOM lib typings.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The few DOM members used here, structurally typed. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const HEADING = /^H([1-6])$/;
const BLOCK_TAGS = new Set([
  'P',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'LI',
  'PRE',
  'DIV',
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'TH',
  'TD',
]);

function isBlock(node: DomNode): boolean {
  return node.nodeType === ELEMENT_NODE && (BLOCK_TAGS.has(node.nodeName) || HEADING.test(node.nodeName));
}

function children(node: DomNode): DomNode[] {
  return Array.from(node.childNodes);
}

/** Inline text with `<br>` as a line break; whitespace collapsed the way browsers do. */
function inlineText(nodes: readonly DomNode[]): string {
  let text = '';
  const visit = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) text += (node.textContent ?? '').replace(/\s+/g, ' ');
    else if (node.nodeName === 'BR') text += '\n';
    else if (node.nodeType === ELEMENT_NODE) children(node).forEach(visit);
  };
  nodes.forEach(visit);
  return cleanBlockText(text);
}

/** The href when the inline content is exactly one link. */
function soleLink(nodes: readonly DomNode[], base: string | undefined): string | undefined {
  const meaningful = nodes.filter((node) => node.nodeType !== TEXT_NODE || (node.textContent ?? '').trim() !== '');
  const [only] = meaningful;
  if (meaningful.length !== 1 || !only || only.nodeName !== 'A') return undefined;
  return safeHref(only.getAttribute?.('href'), base);
}

function codeText(node: DomNode): string {
  return (node.textContent ?? '')
    .replace(/\s+$/, '')
    .replace(/^\n/, '')
    .replace(/\n(?:[ \t]*\n)+/g, '\n');
}

interface Context {
  quote: boolean;
  ordered?: boolean;
  base?: string;
}

export function domToBlocks(root: DomNode, base?: string): Block[] {
  const blocks: Block[] = [];
  const push = (block: Block): void => {
    if (block.text) blocks.push(block);
  };

  const inlineBlock = (nodes: DomNode[], context: Context): void => {
    const text = inlineText(nodes);
    if (!text) return;
    const href = soleLink(nodes, context.base);
    const link = href ? { href } : {};
    if (context.ordered !== undefined) push({ kind: 'list_item', text, ordered: context.ordered, ...link });
    else push({ kind: context.quote ? 'quote' : 'paragraph', text, ...link });
  };

  const container = (node: DomNode, context: Context): void => {
    let run: DomNode[] = [];
    for (const child of children(node)) {
      if (isBlock(child)) {
        inlineBlock(run, context);
        run = [];
        element(child, context);
      } else {
        run.push(child);
      }
    }
    inlineBlock(run, context);
  };

  const element = (node: DomNode, context: Context): void => {
    const heading = HEADING.exec(node.nodeName);
    if (heading) {
      push({ kind: 'heading', level: Number(heading[1]), text: inlineText([node]).replace(/\n/g, ' ') });
      return;
    }
    switch (node.nodeName) {
      case 'P':
        inlineBlock(children(node), context);
        return;
      case 'PRE':
        push({ kind: 'code', text: codeText(node) });
        return;
      case 'BLOCKQUOTE':
        container(node, { ...context, quote: true });
        return;
      case 'UL':
      case 'OL':
        for (const item of children(node)) {
          if (item.nodeName === 'LI') container(item, { ...context, ordered: node.nodeName === 'OL' });
        }
        return;
      case 'TR': {
        const cells = children(node)
          .filter((cell) => cell.nodeName === 'TD' || cell.nodeName === 'TH')
          .map((cell) => inlineText([cell]).replace(/\n/g, ' '));
        push({ kind: 'paragraph', text: cells.filter(Boolean).join(' | ') });
        return;
      }
      default:
        container(node, context);
    }
  };

  container(root, { quote: false, ...(base ? { base } : {}) });
  return blocks;
}
