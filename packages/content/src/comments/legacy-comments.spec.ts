import MarkdownIt from 'markdown-it';
import { canonicalize } from '../blocks.js';
import { parsePlainText } from '../plain/plain-text.js';
import { summarize } from '../summarize.js';
import { sliceCodePoints } from '@marginalia/anchoring/codepoints';
import { readSeed } from '../testing/fixtures.js';
import { splitLegacyComments } from './legacy.js';

const parsed = parsePlainText(readSeed('opinion'));
const canonical = canonicalize(parsed.blocks).text;
const byNumber = new Map(parsed.comments.map((comment) => [comment.number, comment]));

describe('opinion seed (001): the article', () => {
  it('recovers site, title, author and the article paragraphs only', () => {
    expect(parsed.siteName).toBe('The American Conservative');
    expect(parsed.sourceUrl).toBe('https://www.theamericanconservative.com');
    expect(parsed.title).toBe('Is Rapprochement with Russia Still Possible?');
    expect(parsed.author).toBe('Daniel Larison');
    expect(parsed.blocks).toHaveLength(12);
    expect(parsed.blocks.every((block) => block.kind === 'paragraph')).toBe(true);
    expect(parsed.blocks[0]?.text).toMatch(/^U\.S\.-Russian relations are at one of their lowest points/);
    // The byline sentence stays in the text; the comments section does not.
    expect(parsed.blocks[11]?.text).toBe('Daniel Larison is senior editor at The American Conservative.');
    expect(canonical).not.toMatch(/Comments \(Open \| Close\)|Comments To|Comment By/);
    expect(parsed.warnings).toEqual([]);
  });
});

describe('opinion seed (001): the 19 legacy comments', () => {
  it('extracts every comment with its author and UTC timestamp', () => {
    expect(parsed.comments.map((comment) => [comment.number, comment.authorName, comment.postedAt])).toEqual([
      [1, 'cornel lencar', '2017-12-06T23:18:00.000Z'],
      [2, 'Dr. Bill Wedin', '2017-12-07T00:55:00.000Z'],
      [3, 'Fran Macadam', '2017-12-07T08:36:00.000Z'],
      [4, 'craigsummers', '2017-12-07T10:06:00.000Z'],
      [5, 'Michael Kenny', '2017-12-07T10:10:00.000Z'],
      [6, 'collin', '2017-12-07T11:27:00.000Z'],
      [7, 'VikingLS', '2017-12-07T11:35:00.000Z'],
      [8, 'Paul', '2017-12-07T12:20:00.000Z'],
      [9, 'Stephen J', '2017-12-07T12:59:00.000Z'],
      [10, 'b.', '2017-12-07T13:02:00.000Z'],
      [11, 'Will Harrington', '2017-12-07T13:49:00.000Z'],
      [12, 'craigsummers', '2017-12-07T16:11:00.000Z'],
      [13, 'Ken Zaretzke', '2017-12-07T16:35:00.000Z'],
      [14, 'John', '2017-12-08T06:23:00.000Z'],
      [15, 'Dr. Diprospan', '2017-12-08T13:11:00.000Z'],
      [16, 'peter', '2017-12-08T16:00:00.000Z'],
      [17, 'Gazza', '2017-12-10T05:43:00.000Z'],
      [18, 'Gazza', '2017-12-10T05:58:00.000Z'],
      [19, 'JoAnne BRALEY', '2018-05-20T10:32:00.000Z'],
    ]);
  });

  it('anchors #4 and #10 on the article passages they quote', () => {
    const anchored = parsed.comments.filter((comment) => comment.anchor).map((comment) => comment.number);
    expect(anchored).toEqual([4, 10]);
    const four = byNumber.get(4)?.anchor;
    expect(four?.exact).toBe(
      'Nothing compels the U.S. to compete with Russia in its own backyard, and no U.S. interests are threatened by Russia’s maintenance of its handful of clients. In short, the U.S. and Russia do not have to be rivals in most cases, and the U.S. has no need to counter Russia wherever it has influence.',
    );
    const ten = byNumber.get(10)?.anchor;
    expect(ten?.exact).toBe(
      'Is a normal, productive relationship with Russia possible for the U.S.? Despite the significant obstacles outlined above, the answer is still yes.',
    );
    for (const anchor of [four, ten]) {
      if (!anchor) throw new Error('missing anchor');
      expect(sliceCodePoints(canonical, anchor.start, anchor.end)).toBe(anchor.exact);
      expect(sliceCodePoints(canonical, anchor.start - anchor.prefix.length, anchor.start)).toBe(anchor.prefix);
      expect(sliceCodePoints(canonical, anchor.end, anchor.end + anchor.suffix.length)).toBe(anchor.suffix);
      // @marginalia/anchoring's context: 32–64 code points, cut at a word boundary.
      expect(anchor.prefix.length).toBeGreaterThanOrEqual(32);
      expect(anchor.prefix.length).toBeLessThanOrEqual(64);
      expect(anchor.suffix.length).toBeGreaterThanOrEqual(32);
      expect(anchor.suffix.length).toBeLessThanOrEqual(64);
    }
    expect(four?.prefix).toBe('threat to the U.S. and our allies. ');
    // #10 quotes from the middle of the paragraph: the anchor skips its first clause.
    expect(ten?.prefix).toMatch(/\n\nAll of this raises a question: $/);
  });

  it('links every reply to the comment it answers', () => {
    const replies = Object.fromEntries(
      parsed.comments
        .filter((comment) => comment.parentNumber !== undefined)
        .map((comment) => [comment.number, comment.parentNumber]),
    );
    expect(replies).toEqual({
      2: 1, // "Cornell (above) is right" → cornel lencar
      7: 5, // "@Micheal Kenny" → Michael Kenny
      9: 4, // quotes craigsummers' "There is absolutely nothing in international law …"
      11: 4, // "Craig Summers" alone on the first line → craigsummers' only comment so far
      12: 11, // craigsummers answering Will Harrington right after being addressed
      16: 12, // "Craig Summers:" → craigsummers' latest comment
      17: 6, // quotes collin's "The evidence does indicate the Russians hacked DNC …"
      18: 5, // quotes Michael Kenny's "General Flynn's testimony …"
    });
  });

  it('keeps the quotation that produced each link', () => {
    expect(byNumber.get(9)?.quote).toBe(
      'There is absolutely nothing in international law that recognizes a sphere of influence, Mr. Larison.',
    );
    expect(byNumber.get(17)?.quote).toMatch(/^The evidence does indicate the Russians hacked DNC/);
    expect(byNumber.get(4)?.quote).toMatch(/^…….Nothing compels/);
    expect(byNumber.get(7)?.quote).toBeUndefined();
  });

  it('leaves the other comments as page-level threads', () => {
    const page = parsed.comments
      .filter((comment) => comment.parentNumber === undefined && !comment.anchor)
      .map((comment) => comment.number);
    expect(page).toEqual([1, 3, 5, 6, 8, 13, 14, 15, 19]);
  });

  it('summarises the import', () => {
    expect(summarize(parsed)).toEqual({
      blocks: 12,
      sections: 0,
      comments: 19,
      anchoredThreads: 2,
      replies: 8,
      pageThreads: 9,
    });
  });

  it('writes bodies as Markdown that renders back to the original text', () => {
    const markdown = new MarkdownIt({ html: false });
    const rendered = (source: string): string =>
      markdown
        .parse(source, {})
        .filter((token) => token.type === 'inline')
        .map((token) =>
          (token.children ?? [])
            .map((child) => (child.type === 'hardbreak' ? '\n' : child.type === 'softbreak' ? ' ' : child.content))
            .join(''),
        )
        .join('\n\n');
    const plain = splitLegacyComments(readSeed('opinion')).comments;
    expect(plain).toHaveLength(19);
    for (const [i, comment] of parsed.comments.entries()) {
      expect(rendered(comment.bodyMarkdown)).toBe((plain[i]?.body ?? '').replace(/^blockquote>/gm, ''));
    }
    expect(byNumber.get(4)?.bodyMarkdown).toMatch(/^Mr\. Larison\n\n> ”…….Nothing compels/);
    expect(byNumber.get(16)?.bodyMarkdown.split('\n')[0]).toBe('Craig Summers:\\');
  });
});
