import { snippetParts } from './comment-search.service.js';

describe('snippetParts', () => {
  it('splits a marked headline into matched and plain pieces', () => {
    expect(snippetParts('the \u0001rivers\u0002 run to \u0001sea\u0002.')).toEqual([
      { text: 'the ', match: false },
      { text: 'rivers', match: true },
      { text: ' run to ', match: false },
      { text: 'sea', match: true },
      { text: '.', match: false },
    ]);
  });

  it('keeps a headline without matches as one plain piece', () => {
    expect(snippetParts('nothing matched here')).toEqual([{ text: 'nothing matched here', match: false }]);
  });
});
