import { normalizeOrigin } from './site-origin.js';

describe('normalizeOrigin', () => {
  it.each([
    ['https://News.Example', 'https://news.example'],
    ['https://news.example/', 'https://news.example'],
    ['https://news.example:443', 'https://news.example'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['  https://xn--bcher-kva.example ', 'https://xn--bcher-kva.example'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
  ])('%s → %s', (raw, origin) => {
    expect(normalizeOrigin(raw)).toEqual({ origin });
  });

  it.each([
    ['news.example', /not an origin/],
    ['ftp://news.example', /https:\/\/ or http:\/\//],
    ['javascript:alert(1)', /https:\/\/ or http:\/\//],
    ['https://user:pw@news.example', /credentials/],
    ['https://news.example/story', /origin only/],
    ['https://news.example/?a=1', /origin only/],
    ['https://news.example/#top', /origin only/],
  ])('refuses %s', (raw, reason) => {
    const result = normalizeOrigin(raw);
    expect('error' in result && result.error).toMatch(reason);
  });
});
