import { parseMarkdown } from './markdown.js';

const SAMPLE = `# The Title

Intro paragraph with *emphasis*, **strong**, \`code\` and a [link](https://example.com/a).
A soft break joins lines.

## Section One

> A quoted paragraph
> over two lines.
>
> A second quoted paragraph.

- First item
- Second item with a [link](https://example.com/b) inside
  - Nested item
- [Only a link](https://example.com/c)

1. Ordered one
2. Ordered two

\`\`\`ts
const a = 1;


const b = 2;
\`\`\`

### Sub-section

[Read the source](https://example.com/source)

| Name | Value |
| ---- | ----- |
| a    | 1     |
`;

describe('parseMarkdown', () => {
  const parsed = parseMarkdown(SAMPLE);

  it('takes the first h1 as the title and removes it from the blocks', () => {
    expect(parsed.title).toBe('The Title');
    expect(parsed.blocks.some((block) => block.text === 'The Title')).toBe(false);
  });

  it('maps every construct to a block', () => {
    expect(parsed.blocks).toEqual([
      { kind: 'paragraph', text: 'Intro paragraph with emphasis, strong, code and a link. A soft break joins lines.' },
      { kind: 'heading', level: 2, text: 'Section One' },
      { kind: 'quote', text: 'A quoted paragraph over two lines.' },
      { kind: 'quote', text: 'A second quoted paragraph.' },
      { kind: 'list_item', text: 'First item', ordered: false },
      { kind: 'list_item', text: 'Second item with a link inside', ordered: false },
      { kind: 'list_item', text: 'Nested item', ordered: false },
      { kind: 'list_item', text: 'Only a link', ordered: false, href: 'https://example.com/c' },
      { kind: 'list_item', text: 'Ordered one', ordered: true },
      { kind: 'list_item', text: 'Ordered two', ordered: true },
      { kind: 'code', text: 'const a = 1;\nconst b = 2;' },
      { kind: 'heading', level: 3, text: 'Sub-section' },
      { kind: 'paragraph', text: 'Read the source', href: 'https://example.com/source' },
      { kind: 'paragraph', text: 'Name | Value' },
      { kind: 'paragraph', text: 'a | 1' },
    ]);
  });

  it('reduces raw HTML to its text and never links script URLs', () => {
    const parsed = parseMarkdown(
      [
        '# Title <b>bold</b>',
        'Hello <script>alert(1)</script> world <img src=x onerror="alert(2)">',
        '[click](javascript:alert(3)) and <a href="javascript:alert(4)" onclick="alert(5)">x</a>',
        '<div onmouseover="alert(6)">raw block</div>',
        '<style>\np { background: url(javascript:alert(7)) }\n</style>',
        '[data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox(8))',
        'Plain comparisons stay: a < b and c > d, AT&T.',
      ].join('\n\n'),
    );
    expect(parsed.title).toBe('Title bold');
    expect(parsed.blocks.map((block) => block.text)).toEqual([
      'Hello world',
      'click and x',
      'raw block',
      'data vb',
      'Plain comparisons stay: a < b and c > d, AT&T.',
    ]);
    expect(parsed.blocks.every((block) => block.href === undefined)).toBe(true);
    expect(JSON.stringify(parsed)).not.toMatch(
      /alert|msgbox|javascript|vbscript|data:|onerror|onclick|onmouseover|<script|<img/,
    );
  });

  it('keeps code literally, tags included', () => {
    const parsed = parseMarkdown('Use the `<script>` element.\n\n```html\n<script src="app.js"></script>\n```');
    expect(parsed.blocks).toEqual([
      { kind: 'paragraph', text: 'Use the <script> element.' },
      { kind: 'code', text: '<script src="app.js"></script>' },
    ]);
  });

  it('keeps multi-paragraph list items in one block and hard breaks as line breaks', () => {
    const parsed = parseMarkdown('- first paragraph\n\n  second paragraph\n- next\n\nline one\\\nline two');
    expect(parsed.blocks.map((block) => block.text)).toEqual([
      'first paragraph\nsecond paragraph',
      'next',
      'line one\nline two',
    ]);
  });

  it('derives a title when there is no h1: first heading, else first sentence', () => {
    expect(parseMarkdown('## Only h2\n\nText.').title).toBe('Only h2');
    expect(parseMarkdown('Plain start. More text.').title).toBe('Plain start');
  });

  it('reads front matter', () => {
    const parsed = parseMarkdown(
      '---\ntitle: "Front Title"\nauthor: Ada\nurl: https://example.com/x\ndate: 2024-03-25\n---\n# Heading One\n\nBody.',
    );
    expect(parsed).toMatchObject({
      title: 'Front Title',
      author: 'Ada',
      sourceUrl: 'https://example.com/x',
      publishedAt: '2024-03-25T00:00:00.000Z',
    });
    expect(parsed.blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Heading One' });
  });

  it('drops images with a warning and rejects a document of images only', () => {
    expect(parseMarkdown('Text ![alt](https://x/y.png) here.').warnings).toEqual([
      'Dropped 1 image(s): articles are imported as text.',
    ]);
    expect(() => parseMarkdown('![alt](https://x/y.png)')).toThrow(
      expect.objectContaining({ code: 'NOTHING_READABLE' }),
    );
  });
});
