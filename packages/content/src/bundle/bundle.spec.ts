import { ContentError } from '../errors.js';
import { parsePlainText } from '../plain/plain-text.js';
import { readSeed } from '../testing/fixtures.js';
import type { Bundle } from './bundle-types.js';
import { toBundle } from './to-bundle.js';
import { parseBundle } from './validate.js';

function validBundle(): Bundle {
  return {
    format: 'marginalia.bundle',
    version: 1,
    article: {
      slug: 'small-article',
      title: 'Small article',
      sourceUrl: 'https://example.com/small',
      publishedAt: '2024-03-25T17:06:00Z',
      blocks: [
        { kind: 'heading', level: 2, text: 'Intro' },
        { kind: 'paragraph', text: 'The quick brown fox jumps over the lazy dog.' },
        { kind: 'list_item', text: 'A source', ordered: false, href: 'https://example.com/source' },
      ],
    },
    comments: [
      { number: 1, authorName: 'Ann', postedAt: '2024-03-25T18:00:00Z', body: 'Page-level.' },
      {
        number: 2,
        authorName: 'Bob',
        postedAt: '2024-03-25T18:05:00+01:00',
        body: 'On the fox.',
        anchor: { start: 11, end: 26, exact: 'quick brown fox' },
      },
      { number: 3, authorName: 'Cy', postedAt: '2024-03-25T18:10:00.123Z', body: '@Bob yes.', parentNumber: 2 },
    ],
  };
}

type Path = readonly (string | number)[];

/** A fresh valid bundle as plain JSON with one field set (or deleted when value is undefined). */
function withField(path: Path, value: unknown): unknown {
  const root = JSON.parse(JSON.stringify(validBundle())) as Record<string, unknown>;
  let target: Record<string, unknown> = root;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = path[path.length - 1] ?? '';
  if (value === undefined) delete target[last];
  else target[last] = value;
  return root;
}

function errorFor(path: Path, value: unknown): ContentError {
  try {
    parseBundle(JSON.stringify(withField(path, value)));
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected the bundle to be rejected');
}

describe('parseBundle', () => {
  it('reads a valid bundle and completes the anchor context', () => {
    const parsed = parseBundle(JSON.stringify(validBundle()));
    expect(parsed.title).toBe('Small article');
    expect(parsed.slug).toBe('small-article');
    expect(parsed.comments[1]?.anchor).toEqual({
      start: 11,
      end: 26,
      exact: 'quick brown fox',
      prefix: 'Intro\n\nThe ',
      suffix: ' jumps over the lazy dog.\n\nA source', // word-aligned by @marginalia/anchoring
    });
    expect(parsed.comments[2]).toEqual({
      number: 3,
      authorName: 'Cy',
      postedAt: '2024-03-25T18:10:00.123Z',
      bodyMarkdown: '@Bob yes.',
      parentNumber: 2,
    });
  });

  it.each<[name: string, path: Path, value: unknown, field: string, message: RegExp]>([
    ['a wrong format', ['format'], 'other', 'format', /expected "marginalia\.bundle"/],
    ['a newer version', ['version'], 2, 'version', /unsupported version 2/],
    ['an unknown top-level field', ['extra'], true, 'extra', /unknown field/],
    ['a missing title', ['article', 'title'], undefined, 'article.title', /expected a string, got nothing/],
    ['a blank title', ['article', 'title'], '  ', 'article.title', /non-empty/],
    ['a bad slug', ['article', 'slug'], 'Not A Slug', 'article.slug', /hyphens/],
    ['a non-web source URL', ['article', 'sourceUrl'], 'ftp://example.com', 'article.sourceUrl', /http\(s\) URL/],
    ['a bad publishedAt', ['article', 'publishedAt'], 'March 2024', 'article.publishedAt', /expected ISO date/],
    ['no blocks', ['article', 'blocks'], [], 'article.blocks', /at least one block/],
    [
      'an unknown block kind',
      ['article', 'blocks', 1, 'kind'],
      'table',
      'article.blocks[1].kind',
      /expected one of heading/,
    ],
    ['a blank line inside a block', ['article', 'blocks', 1, 'text'], 'a\n\nb', 'article.blocks[1].text', /blank line/],
    [
      'a heading without level',
      ['article', 'blocks', 0, 'level'],
      undefined,
      'article.blocks[0].level',
      /expected an integer/,
    ],
    ['a level on a paragraph', ['article', 'blocks', 1, 'level'], 2, 'article.blocks[1].level', /only heading/],
    ['a javascript: href', ['article', 'blocks', 2, 'href'], 'javascript:alert(1)', 'article.blocks[2].href', /URL/],
    ['an unknown block field', ['article', 'blocks', 1, 'html'], '<b>x</b>', 'article.blocks[1].html', /unknown field/],
    [
      'a turn without speaker',
      ['article', 'blocks', 1, 'kind'],
      'turn',
      'article.blocks[1].speaker',
      /expected a string/,
    ],
    ['comments that are not an array', ['comments'], {}, 'comments', /expected an array/],
    ['a free-text date', ['comments', 2, 'postedAt'], 'yesterday', 'comments[2].postedAt', /expected ISO date/],
    [
      'an impossible date',
      ['comments', 0, 'postedAt'],
      '2024-02-30T10:00:00Z',
      'comments[0].postedAt',
      /expected ISO date/,
    ],
    ['a fractional number', ['comments', 0, 'number'], 1.5, 'comments[0].number', /expected an integer/],
    ['a duplicate number', ['comments', 1, 'number'], 1, 'comments[1].number', /duplicate comment number 1/],
    ['an empty body', ['comments', 0, 'body'], '', 'comments[0].body', /non-empty/],
    [
      'a reply to a later comment',
      ['comments', 1],
      { number: 2, authorName: 'Bob', postedAt: '2024-03-25T18:05:00Z', body: 'x', parentNumber: 3 },
      'comments[1].parentNumber',
      /no earlier comment #3/,
    ],
    [
      'a reply with an anchor',
      ['comments', 2, 'anchor'],
      { start: 0, end: 5, exact: 'Intro' },
      'comments[2].anchor',
      /cannot have an anchor/,
    ],
    [
      'an anchor whose text differs',
      ['comments', 1, 'anchor', 'exact'],
      'quick brown cat',
      'comments[1].anchor.exact',
      /does not match the article text/,
    ],
    ['an anchor past the end', ['comments', 1, 'anchor', 'end'], 10_000, 'comments[1].anchor.end', /from 0 to 61/],
    ['an empty anchor', ['comments', 1, 'anchor', 'end'], 11, 'comments[1].anchor.end', /after start/],
    ['a wrong prefix', ['comments', 1, 'anchor', 'prefix'], 'The slow ', 'comments[1].anchor.prefix', /before start/],
    ['a wrong suffix', ['comments', 1, 'anchor', 'suffix'], ' sleeps', 'comments[1].anchor.suffix', /after end/],
  ])('rejects %s, naming the field', (_name, path, value, field, message) => {
    const error = errorFor(path, value);
    expect(error.code).toBe('INVALID_BUNDLE');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: `));
    expect(error.message).toMatch(message);
  });

  it('gives the exact message for a bad comment date', () => {
    expect(errorFor(['comments', 2, 'postedAt'], 'yesterday').message).toBe(
      'comments[2].postedAt: expected ISO date (e.g. 2024-03-25T17:06:00Z), got string "yesterday"',
    );
  });

  it('rejects text that is not JSON', () => {
    expect(() => parseBundle('{"format": ')).toThrow(
      expect.objectContaining({
        code: 'INVALID_BUNDLE',
        message: expect.stringMatching(/^The bundle is not valid JSON/),
      }),
    );
  });
});

describe('toBundle round-trip', () => {
  it.each(['debate', 'opinion', 'wiki', 'news'] as const)('exports and re-imports the %s seed unchanged', (seed) => {
    const parsed = parsePlainText(readSeed(seed));
    const exported = JSON.stringify(toBundle(parsed));
    const imported = parseBundle(exported);
    expect(imported.title).toBe(parsed.title);
    expect(imported.author).toBe(parsed.author);
    expect(imported.siteName).toBe(parsed.siteName);
    expect(imported.blocks).toEqual(parsed.blocks);
    // `quote` is a parse-time diagnostic and not part of the bundle.
    expect(imported.comments).toEqual(parsed.comments.map(({ quote: _quote, ...comment }) => comment));
    expect(JSON.stringify(toBundle(imported))).toBe(exported);
  });

  it('carries anchors and replies of the legacy comments', () => {
    const bundle = toBundle(parsePlainText(readSeed('opinion')));
    expect(bundle.comments).toHaveLength(19);
    expect(bundle.comments.filter((comment) => comment.anchor).map((comment) => comment.number)).toEqual([4, 10]);
    expect(bundle.comments.find((comment) => comment.number === 12)?.parentNumber).toBe(11);
  });

  it('refuses to export an article that would not import', () => {
    const parsed = parsePlainText('Title\n\nSome text.');
    parsed.blocks[0] = { kind: 'paragraph', text: 'broken\n\ntext' };
    expect(() => toBundle(parsed)).toThrow(
      expect.objectContaining({ code: 'INVALID_BUNDLE', field: 'article.blocks[0].text' }),
    );
  });
});
