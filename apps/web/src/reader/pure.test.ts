import { describe, expect, it } from 'vitest';
import type { Block, Comment, Thread } from '../api/types.ts';
import { groupBlocks } from './groupBlocks.ts';
import { intensity, segmentBlock } from './segments.ts';
import { buildCommentTree, classifyThreads, sortCommentNodes, sortThreads, type PlacedThread } from './threads.ts';
import { heatMarkers } from './Heatmap.tsx';
import { thread } from '../test/fixtures.ts';

const block = (kind: Block['kind'], text: string, extra: Partial<Block> = {}): Block => ({
  kind,
  text,
  start: 0,
  end: text.length,
  ...extra,
});

describe('segmentBlock', () => {
  it('returns the whole text when nothing is highlighted', () => {
    expect(segmentBlock('plain', 10, [])).toEqual([{ text: 'plain', start: 10, end: 15, ids: [], weight: 0 }]);
  });

  it('splits at overlapping highlights using code-point offsets', () => {
    // "a😀bcd" starts at 100; highlight "😀b" (101–103) and "bc" (102–104).
    const segments = segmentBlock('a😀bcd', 100, [
      { id: 'x', start: 101, end: 103, weight: 2 },
      { id: 'y', start: 102, end: 104, weight: 1 },
    ]);
    expect(segments.map((s) => [s.text, s.ids, s.weight])).toEqual([
      ['a', [], 0],
      ['😀', ['x'], 2],
      ['b', ['x', 'y'], 3],
      ['c', ['y'], 1],
      ['d', [], 0],
    ]);
  });

  it('clamps highlights that continue into other blocks and orders ids narrowest first', () => {
    const segments = segmentBlock('hello', 10, [
      { id: 'wide', start: 0, end: 100, weight: 1 },
      { id: 'narrow', start: 11, end: 13, weight: 1 },
    ]);
    expect(segments.map((s) => [s.text, s.ids])).toEqual([
      ['h', ['wide']],
      ['el', ['narrow', 'wide']],
      ['lo', ['wide']],
    ]);
  });

  it('maps weights to four intensity steps', () => {
    expect([0, 1, 2, 3, 5, 8, 50].map(intensity)).toEqual([0, 1, 2, 2, 3, 4, 4]);
  });
});

describe('groupBlocks', () => {
  it('groups consecutive list items by ordering and opens a section per heading', () => {
    const sections = groupBlocks([
      block('paragraph', 'lead'),
      block('heading', 'One', { level: 1 }),
      block('list_item', 'a'),
      block('list_item', 'b'),
      block('list_item', '1', { ordered: true }),
      block('paragraph', 'p'),
      block('list_item', 'c'),
    ]);
    expect(sections.map((s) => s.heading?.text ?? null)).toEqual([null, 'One']);
    expect(
      sections[1]!.children.map((c) =>
        c.type === 'list' ? `${c.ordered ? 'ol' : 'ul'}:${c.items.length}` : c.block.kind,
      ),
    ).toEqual(['ul:2', 'ol:1', 'paragraph', 'ul:1']);
  });

  it('omits an empty lead-in section', () => {
    expect(groupBlocks([block('heading', 'H'), block('paragraph', 'p')])).toHaveLength(1);
  });
});

const comment = (id: string, parentId: string | null = null): Comment => ({
  id,
  threadId: 't',
  parentId,
  authorName: id,
  author: null,
  legacyNumber: null,
  postedAt: '2024-01-01T00:00:00Z',
  bodyHtml: `<p>${id}</p>`,
  status: 'PUBLISHED',
  statusReason: null,
  editedAt: null,
  isOwn: false,
  reactions: [],
  viewerReactions: [],
});

describe('buildCommentTree', () => {
  it('nests replies under their parents, keeping order, and roots orphaned replies', () => {
    const tree = buildCommentTree([
      comment('a'),
      comment('b', 'a'),
      comment('c'),
      comment('d', 'b'),
      comment('e', 'gone'),
    ]);
    expect(tree.map((n) => n.comment.id)).toEqual(['a', 'c', 'e']);
    expect(tree[0]!.children[0]!.comment.id).toBe('b');
    expect(tree[0]!.children[0]!.children[0]!.comment.id).toBe('d');
  });
});

describe('classifyThreads', () => {
  const thread = (id: string, extra: Partial<Thread>): Thread => ({
    id,
    articleId: 'a',
    anchor: null,
    originalQuote: null,
    anchorStatus: null,
    commentCount: 1,
    createdAt: '2024-01-01T00:00:00Z',
    comments: [],
    ...extra,
  });
  const anchor = (start: number, status: 'ANCHORED' | 'FUZZY' | 'ORPHANED' = 'ANCHORED', revisionId = 'r2') => ({
    revisionId,
    start,
    end: start + 4,
    exact: 'text',
    prefix: '',
    suffix: '',
    status,
  });

  it('separates anchored (in text order), orphaned and page-level threads', () => {
    const result = classifyThreads(
      [
        thread('late', { anchor: anchor(50), anchorStatus: 'ANCHORED' }),
        thread('page', {}),
        thread('fuzzy', { anchor: anchor(10, 'FUZZY'), anchorStatus: 'FUZZY' }),
        thread('lost', { anchorStatus: 'ORPHANED', originalQuote: 'gone' }),
        thread('old-revision', { anchor: anchor(5, 'ANCHORED', 'r1') }),
      ],
      'r2',
    );
    expect(result.anchored.map((t) => t.id)).toEqual(['fuzzy', 'late']);
    expect(result.orphaned.map((t) => t.id)).toEqual(['lost', 'old-revision']);
    expect(result.page.map((t) => t.id)).toEqual(['page']);
  });
});

describe('heatMarkers', () => {
  const placed = (id: string, start: number) =>
    ({
      ...thread(id),
      anchor: { revisionId: 'r1', start, end: start + 5, exact: id, prefix: '', suffix: '', status: 'ANCHORED' },
    }) as PlacedThread;

  it('gives each thread a marker in a short discussion', () => {
    const threads = [placed('a', 0), placed('b', 10)];
    expect(heatMarkers(threads, 100).map((m) => m.first.id)).toEqual(['a', 'b']);
  });

  it('groups a long discussion into one marker per slice of the text', () => {
    const threads = Array.from({ length: 200 }, (_, i) => placed(`t${i}`, i * 5));
    const markers = heatMarkers(threads, 1000, 10);
    expect(markers).toHaveLength(10);
    expect(markers[0]!.first.id).toBe('t0');
    expect(markers.reduce((n, m) => n + m.threads.length, 0)).toBe(200);
  });
});

describe('sorting the discussion', () => {
  const withComment = (id: string, postedAt: string, likes = 0) =>
    thread(id, {
      comments: [
        {
          ...thread(id).comments[0]!,
          id: `${id}-c`,
          postedAt,
          reactions: likes ? [{ kind: 'LIKE', count: likes }] : [],
        },
      ],
    });
  const threads = [
    withComment('a', '2024-05-02T00:00:00Z', 1),
    withComment('b', '2024-05-01T00:00:00Z', 5),
    withComment('c', '2024-05-03T00:00:00Z'),
  ];

  it('orders threads by position, age or reactions', () => {
    expect(sortThreads(threads, 'position').map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(sortThreads(threads, 'oldest').map((t) => t.id)).toEqual(['b', 'a', 'c']);
    expect(sortThreads(threads, 'newest').map((t) => t.id)).toEqual(['c', 'a', 'b']);
    expect(sortThreads(threads, 'reactions').map((t) => t.id)).toEqual(['b', 'a', 'c']);
  });

  it('orders top-level comments and keeps replies beneath them', () => {
    const nodes = threads.flatMap((t) => buildCommentTree(t.comments));
    expect(sortCommentNodes(nodes, 'newest').map((n) => n.comment.id)).toEqual(['c-c', 'a-c', 'b-c']);
    expect(sortCommentNodes(nodes, 'reactions').map((n) => n.comment.id)).toEqual(['b-c', 'a-c', 'c-c']);
  });
});
