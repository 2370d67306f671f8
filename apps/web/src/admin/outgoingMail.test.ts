import { describe, expect, it } from 'vitest';
import { linkify } from './outgoingMail.ts';

describe('linkify', () => {
  it('makes the http(s) links of a text part clickable, leaving sentence punctuation out', () => {
    expect(linkify('Open http://localhost:3000/verify-email?token=a_b-c. It works once (https://x.test/y).')).toEqual([
      { text: 'Open ' },
      { href: 'http://localhost:3000/verify-email?token=a_b-c' },
      { text: '. It works once (' },
      { href: 'https://x.test/y' },
      { text: ').' },
    ]);
  });

  it('leaves text without links as it is, and never links other schemes', () => {
    expect(linkify('javascript:alert(1) and mailto:a@b.test')).toEqual([
      { text: 'javascript:alert(1) and mailto:a@b.test' },
    ]);
  });
});
