import { articleUrlOf } from './embed-url.js';

describe('articleUrlOf', () => {
  it.each([
    [
      'https://News.Example/2026/story?utm_source=x#comments',
      'https://news.example/2026/story',
      'https://news.example',
    ],
    ['http://127.0.0.1:8080/post', 'http://127.0.0.1:8080/post', 'http://127.0.0.1:8080'],
    ['https://news.example:443/a/', 'https://news.example/a/', 'https://news.example'],
  ])('%s is known as %s', (raw, url, origin) => {
    expect(articleUrlOf(raw)).toEqual({ url, origin });
  });

  it.each([
    ['not a url', /absolute/],
    ['ftp://news.example/a', /http/],
    ['https://u:p@news.example/a', /credentials/],
    ['https://news.example/', /whole site/],
  ])('refuses %s', (raw, reason) => {
    const result = articleUrlOf(raw);
    expect('error' in result && result.error).toMatch(reason);
  });
});
