import { compressible } from './compression.js';

describe('which answers are compressed', () => {
  it('compresses JSON, GraphQL, JSON-LD, HTML, scripts and SVG', () => {
    for (const type of [
      'application/json; charset=utf-8',
      'application/graphql-response+json',
      'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
      'text/html; charset=utf-8',
      'text/javascript',
      'image/svg+xml',
    ])
      expect(compressible(type)).toBe(true);
  });

  it('never buffers an event stream, nor recompresses images and archives', () => {
    for (const type of ['text/event-stream', 'text/event-stream; charset=utf-8', 'image/png', 'application/gzip'])
      expect(compressible(type)).toBe(false);
  });
});
