import { beforeEach, describe, expect, it } from 'vitest';
import { offsetsToRange, rangeToOffsets, selectionToOffsets } from './selection.ts';

/*
 * Canonical text of the fixture (blocks joined by "\n\n"):
 *   [0,5)   "Intro"                 heading
 *   [7,25)  "Hello world 😀 done"   paragraph, split by a <mark> around "wor"
 *   [27,36) "Yes 👍🏽 ok"            debate turn; the "L" badge sits outside the block element
 *   [38,41) "one"                   list item
 *   [43,46) "two"                   list item
 */
const FIXTURE =
  '<p id="before">Outside before</p>' +
  '<article id="root">' +
  '<h2 data-start="0" data-end="5">Intro</h2>' +
  '<p id="para" data-start="7" data-end="25">Hello <mark>wor</mark>ld 😀 done</p>' +
  '<div class="turn"><span id="badge">L</span><p id="turn" data-start="27" data-end="36">Yes 👍🏽 ok</p></div>' +
  '<ul id="list"><li data-start="38" data-end="41">one</li><li id="two" data-start="43" data-end="46">two</li></ul>' +
  '</article>' +
  '<p id="after">Outside after</p>';

let root: HTMLElement;
const $ = (selector: string): Element => {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`missing ${selector}`);
  return el;
};
const text = (selector: string, index = 0): Text => {
  const nodes = [...$(selector).childNodes].filter((n): n is Text => n.nodeType === Node.TEXT_NODE);
  const node = nodes[index];
  if (!node) throw new Error(`missing text ${index} in ${selector}`);
  return node;
};
function range(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Range {
  const r = document.createRange();
  r.setStart(startNode, startOffset);
  r.setEnd(endNode, endOffset);
  return r;
}

beforeEach(() => {
  document.body.innerHTML = FIXTURE;
  root = $('#root') as HTMLElement;
});

describe('rangeToOffsets', () => {
  it('maps a selection inside one text node', () => {
    expect(rangeToOffsets(range(text('#para'), 0, text('#para'), 5), root)).toEqual({ start: 7, end: 12 });
  });

  it('counts across highlight markup that splits the block text', () => {
    const markText = $('#para mark').firstChild!;
    expect(rangeToOffsets(range(text('#para'), 3, markText, 2), root)).toEqual({ start: 10, end: 15 });
    // End in the text node after the mark: "ld" is 2 more code points after "wor".
    expect(rangeToOffsets(range(markText, 0, text('#para', 1), 2), root)).toEqual({ start: 13, end: 18 });
  });

  it('counts an emoji as one code point', () => {
    const tail = text('#para', 1); // "ld 😀 done": the emoji occupies UTF-16 indices 3–4
    expect(rangeToOffsets(range(tail, 3, tail, 5), root)).toEqual({ start: 19, end: 20 });
    expect(rangeToOffsets(range(tail, 5, tail, tail.length), root)).toEqual({ start: 20, end: 25 });
  });

  it('widens boundary points that split a surrogate pair to cover the whole emoji', () => {
    const tail = text('#para', 1);
    expect(rangeToOffsets(range(tail, 4, tail, 5), root)).toEqual({ start: 19, end: 20 });
    expect(rangeToOffsets(range(tail, 3, tail, 4), root)).toEqual({ start: 19, end: 20 });
  });

  it('treats an emoji with a skin-tone modifier as two code points', () => {
    const turn = text('#turn'); // "Yes 👍🏽 ok"
    expect(rangeToOffsets(range(turn, 4, turn, 8), root)).toEqual({ start: 31, end: 33 });
    expect(rangeToOffsets(range(turn, 8, turn, turn.length), root)).toEqual({ start: 33, end: 36 });
  });

  it('spans several blocks, including the separators between them', () => {
    const heading = $('h2').firstChild!;
    expect(rangeToOffsets(range(heading, 2, text('#two'), 1), root)).toEqual({ start: 2, end: 44 });
  });

  it('selects a whole block when the range is expressed with element boundary points', () => {
    expect(rangeToOffsets(range($('#list'), 0, $('#list'), 1), root)).toEqual({ start: 38, end: 41 });
  });

  it('snaps a start outside any block forward and an end between blocks back', () => {
    // Start inside the speaker badge, which is not canonical text.
    expect(rangeToOffsets(range(text('#badge'), 0, text('#turn'), 3), root)).toEqual({ start: 27, end: 30 });
    // End at the list element between its two items.
    expect(rangeToOffsets(range(text('#turn'), 0, $('#list'), 1), root)).toEqual({ start: 27, end: 41 });
  });

  it('clamps selections that begin or end outside the article', () => {
    expect(rangeToOffsets(range(text('#before'), 3, text('#para'), 5), root)).toEqual({ start: 0, end: 12 });
    expect(rangeToOffsets(range(text('#para'), 6, text('#after'), 4), root)).toEqual({ start: 13, end: 46 });
    expect(rangeToOffsets(range(text('#before'), 0, text('#after'), 4), root)).toEqual({ start: 0, end: 46 });
  });

  it('returns null for collapsed selections and selections outside the article', () => {
    expect(rangeToOffsets(range(text('#para'), 2, text('#para'), 2), root)).toBeNull();
    expect(rangeToOffsets(range(text('#before'), 0, text('#before'), 5), root)).toBeNull();
    expect(rangeToOffsets(range(text('#after'), 0, text('#after'), 5), root)).toBeNull();
    // Only the badge (non-canonical text) selected: nothing to anchor to.
    expect(rangeToOffsets(range(text('#badge'), 0, text('#badge'), 1), root)).toBeNull();
  });

  it('returns null for a range in another document', () => {
    const other = document.implementation.createHTMLDocument('other');
    other.body.innerHTML = '<p>elsewhere</p>';
    const r = other.createRange();
    r.selectNodeContents(other.body);
    expect(rangeToOffsets(r, root)).toBeNull();
  });

  it('reads the document selection', () => {
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    expect(selectionToOffsets(selection, root)).toBeNull();
    selection.addRange(range(text('#para'), 6, text('#para', 1), 2));
    expect(selectionToOffsets(selection, root)).toEqual({ start: 13, end: 18 });
  });
});

describe('offsetsToRange', () => {
  it('finds the DOM text of an offset range', () => {
    expect(offsetsToRange(root, 10, 15)?.toString()).toBe('lo wo');
    expect(offsetsToRange(root, 19, 20)?.toString()).toBe('😀');
    expect(offsetsToRange(root, 31, 33)?.toString()).toBe('👍🏽');
  });

  it('spans blocks', () => {
    expect(offsetsToRange(root, 3, 9)?.toString()).toBe('roHe');
    expect(offsetsToRange(root, 39, 45)?.toString()).toBe('netw');
  });

  it('clamps ranges that start or end in a block separator', () => {
    expect(offsetsToRange(root, 5, 9)?.toString()).toBe('He');
    expect(offsetsToRange(root, 0, 6)?.toString()).toBe('Intro');
    expect(offsetsToRange(root, 40, 99)?.toString()).toBe('etwo');
  });

  it('returns null for empty ranges and ranges that cover no text', () => {
    expect(offsetsToRange(root, 4, 4)).toBeNull();
    expect(offsetsToRange(root, 5, 7)).toBeNull();
    expect(offsetsToRange(root, 46, 50)).toBeNull();
  });

  it('round-trips with rangeToOffsets for every range inside block text', () => {
    const blocks: Array<[number, number]> = [
      [0, 5],
      [7, 25],
      [27, 36],
      [38, 41],
      [43, 46],
    ];
    const inText = (o: number, side: 'start' | 'end'): boolean =>
      blocks.some(([s, e]) => (side === 'start' ? o >= s && o < e : o > s && o <= e));
    for (let start = 0; start < 46; start++) {
      if (!inText(start, 'start')) continue;
      for (let end = start + 1; end <= 46; end++) {
        if (!inText(end, 'end')) continue;
        const r = offsetsToRange(root, start, end);
        expect(r, `${start}-${end}`).not.toBeNull();
        expect(rangeToOffsets(r!, root), `${start}-${end}`).toEqual({ start, end });
      }
    }
  });
});
