import { detectFormat, type ImportFormat } from './detect.js';
import { ContentError, type ContentErrorCode } from './errors.js';
import { MAX_IMPORT_BYTES } from './input.js';
import { parseAny } from './parse-any.js';
import { summarize } from './summarize.js';
import { SEEDS, readFixture } from './testing/fixtures.js';
import { toBundle } from './bundle/to-bundle.js';
import { parsePlainText } from './plain/plain-text.js';

function codeOf(run: () => unknown): ContentErrorCode | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentError) return error.code;
    throw error;
  }
  return undefined;
}

describe('detectFormat', () => {
  it.each(Object.values(SEEDS))('reads seed %s as plain text', (name) => {
    expect(detectFormat(readFixture(name))).toBe('text');
  });

  it.each<[string, string, ImportFormat]>([
    ['a Markdown heading', '# Title\n\nText', 'markdown'],
    ['a Markdown link', 'See [the docs](https://example.com) for more.', 'markdown'],
    ['a fenced code block', 'Intro\n\n```\ncode\n```', 'markdown'],
    ['a list plus emphasis', '- one\n- **two**', 'markdown'],
    ['a legacy comment header', '#1 Comment By Ann On 1 Jan 2020 @ 1:00 pm', 'text'],
    ['a single bullet', '- just a dash line', 'text'],
    ['a full HTML document', '<!DOCTYPE html><html><body><p>x</p></body></html>', 'html'],
    ['an HTML fragment', '<p>Hello</p>', 'html'],
    ['HTML after prose', 'Intro<p>a</p><p>b</p><div>c</div>', 'html'],
    ['a less-than sign', '<3 this article', 'text'],
    ['a JSON bundle', JSON.stringify({ format: 'marginalia.bundle', version: 1 }), 'bundle'],
    ['other JSON', '[1, 2]', 'bundle'],
    ['prose in braces', '{not json} but words', 'text'],
  ])('sniffs %s', (_name, input, format) => {
    expect(detectFormat(input)).toBe(format);
  });

  it('follows a file name or MIME type hint', () => {
    expect(detectFormat('# looks like markdown', 'notes.txt')).toBe('text');
    expect(detectFormat('plain', 'text/markdown; charset=utf-8')).toBe('markdown');
    expect(detectFormat('<p>x</p>', 'page.HTM')).toBe('html');
    expect(detectFormat('{}', 'application/json')).toBe('bundle');
    expect(detectFormat('# T', 'something-unknown')).toBe('markdown');
  });
});

describe('parseAny', () => {
  it('parses each seed with the structure the text parser finds', () => {
    const summaries = Object.values(SEEDS).map((name) => summarize(parseAny(Buffer.from(readFixture(name), 'utf8'))));
    expect(summaries).toEqual([
      { blocks: 59, sections: 15, comments: 0, anchoredThreads: 0, replies: 0, pageThreads: 0 },
      { blocks: 12, sections: 0, comments: 19, anchoredThreads: 2, replies: 8, pageThreads: 9 },
      { blocks: 24, sections: 5, comments: 0, anchoredThreads: 0, replies: 0, pageThreads: 0 },
      { blocks: 9, sections: 0, comments: 0, anchoredThreads: 0, replies: 0, pageThreads: 0 },
    ]);
  });

  it('dispatches on the detected or requested format', () => {
    expect(parseAny('# Md Title\n\nBody').title).toBe('Md Title');
    expect(parseAny('<h1>Html Title</h1><p>Body</p>').title).toBe('Html Title');
    expect(parseAny('# Not a heading here\n\nBody', { format: 'text' }).title).toBe('# Not a heading here');
    const bundle = JSON.stringify(toBundle(parsePlainText('Bundle Title\n\nBody.')));
    expect(parseAny(bundle).title).toBe('Bundle Title');
    expect(parseAny(Buffer.from(bundle), { hint: 'export.json' }).title).toBe('Bundle Title');
  });

  it('decodes UTF-8 with a BOM and UTF-16 with a BOM', () => {
    expect(parseAny(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café Title\n\nBody.')])).title).toBe(
      'Café Title',
    );
    expect(
      parseAny(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('UTF16 Title\n\nBody.', 'utf16le')])).title,
    ).toBe('UTF16 Title');
  });
});

describe('bad input', () => {
  it.each<[string, () => unknown, ContentErrorCode]>([
    ['an empty string', () => parseAny(''), 'EMPTY'],
    ['whitespace only', () => parseAny(' \n\t\u00a0\r\n'), 'EMPTY'],
    ['an empty buffer', () => parseAny(Buffer.alloc(0)), 'EMPTY'],
    ['a BOM only', () => parseAny(Buffer.from([0xef, 0xbb, 0xbf])), 'EMPTY'],
    ['NUL bytes', () => parseAny(Buffer.from([0x48, 0x69, 0x00, 0x21])), 'BINARY'],
    ['a NUL character in a string', () => parseAny('Title\n\nBody\u0000'), 'BINARY'],
    ['invalid UTF-8', () => parseAny(Buffer.from([0x48, 0x69, 0xc3, 0x28, 0x20, 0x61])), 'BINARY'],
    ['mostly control characters', () => parseAny(`Title ${'\u0001\u0002\u0003'.repeat(20)} body text`), 'BINARY'],
    ['a zip archive (docx)', () => parseAny(Buffer.from('504b0304140006000800000021000000', 'hex')), 'BINARY'],
    ['more than 2 MiB of text', () => parseAny('a'.repeat(MAX_IMPORT_BYTES + 1)), 'TOO_LARGE'],
    ['a buffer over the limit', () => parseAny(Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61)), 'TOO_LARGE'],
    ['multi-byte text over the byte limit', () => parseAny('é'.repeat(MAX_IMPORT_BYTES / 2 + 1)), 'TOO_LARGE'],
    ['a PDF', () => parseAny('%PDF-1.7\n1 0 obj'), 'UNSUPPORTED_FORMAT'],
    ['an RTF file', () => parseAny('{\\rtf1\\ansi hello}'), 'UNSUPPORTED_FORMAT'],
    ['a PDF hint', () => parseAny('whatever', { hint: 'application/pdf' }), 'UNSUPPORTED_FORMAT'],
    ['a Word file name', () => parseAny('whatever', { hint: 'essay.docx' }), 'UNSUPPORTED_FORMAT'],
    ['an unknown format option', () => parseAny('text', { format: 'docx' as ImportFormat }), 'UNSUPPORTED_FORMAT'],
    ['non-HTML XML', () => parseAny('<?xml version="1.0"?><rss><channel/></rss>'), 'UNSUPPORTED_FORMAT'],
    ['HTML with nothing readable', () => parseAny('<div><script>alert(1)</script></div>'), 'NOTHING_READABLE'],
    ['text that is only a link placeholder', () => parseAny('Read the original article here'), 'NOTHING_READABLE'],
    ['JSON that is not a bundle', () => parseAny('{"hello": "world"}'), 'INVALID_BUNDLE'],
    [
      'a bundle with a broken comment',
      () =>
        parseAny(
          '{"format":"marginalia.bundle","version":1,"article":{"title":"t","blocks":[{"kind":"paragraph","text":"x"}]},"comments":[{"number":1,"authorName":"a","postedAt":"soon","body":"b"}]}',
        ),
      'INVALID_BUNDLE',
    ],
  ])('rejects %s', (_name, run, code) => {
    expect(codeOf(run)).toBe(code);
  });

  it('accepts exactly MAX_IMPORT_BYTES (2 MiB)', () => {
    expect(MAX_IMPORT_BYTES).toBe(2 * 1024 * 1024);
    const line = 'A sentence of filler text for the size limit test.\n';
    const text = `Size Title\n${line.repeat(Math.floor((MAX_IMPORT_BYTES - 11) / line.length))}`;
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
    expect(parseAny(text).title).toBe('Size Title');
  });

  it('raises ContentError: an Error with a code', () => {
    try {
      parseAny('');
      throw new Error('not rejected');
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(ContentError);
      expect(error).toMatchObject({ name: 'ContentError', code: 'EMPTY', message: 'The import is empty.' });
    }
  });
});
