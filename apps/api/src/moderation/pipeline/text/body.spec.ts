import { analyzeBody } from './body.js';

describe('analyzeBody', () => {
  it('extracts visible prose without markdown syntax or code', () => {
    const analysis = analyzeBody('# Title\n\nSome *emphasis* and `code`.\n\n```\nblock\n```');
    expect(analysis.text).toBe('Title\nSome emphasis and .');
    expect(analysis.wordCount).toBe(4);
  });

  it('lists external links with normalized hosts', () => {
    expect(analyzeBody('[a](HTTPS://WWW.Example.COM/x) http://xn--bcher-kva.example/y').links).toEqual([
      { href: 'HTTPS://WWW.Example.COM/x', host: 'example.com' },
      { href: 'http://xn--bcher-kva.example/y', host: 'xn--bcher-kva.example' },
    ]);
  });

  it('does not turn javascript: links into links', () => {
    expect(analyzeBody('[x](javascript:alert(1))').links).toEqual([]);
  });

  it('counts protocol-relative links as external', () => {
    expect(analyzeBody('[x](//evil.example/p)').links).toEqual([{ href: '//evil.example/p', host: 'evil.example' }]);
  });
});
