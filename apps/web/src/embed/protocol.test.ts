import { describe, expect, it } from 'vitest';
import { parseFrameMessage, parseHostMessage, PROTOCOL } from './protocol.ts';

const id = '2b0c7f1e-8a55-4c4e-9a57-9f1d1c2b3a4d';
const quote = { exact: 'the sea', prefix: 'meets ', suffix: ' twice' };

describe('the embed protocol', () => {
  it('accepts the host’s messages in their exact shapes only', () => {
    expect(parseHostMessage({ protocol: PROTOCOL, type: 'login', token: 'a.b.c' })).toEqual({
      protocol: PROTOCOL,
      type: 'login',
      token: 'a.b.c',
    });
    expect(parseHostMessage({ protocol: PROTOCOL, type: 'compose', quote, extra: 1 })).toEqual({
      protocol: PROTOCOL,
      type: 'compose',
      quote,
    });
    for (const bad of [
      null,
      'login',
      { type: 'login', token: 'x' },
      { protocol: PROTOCOL, type: 'login', token: 7 },
      { protocol: PROTOCOL, type: 'login', token: 'x'.repeat(5000) },
      { protocol: PROTOCOL, type: 'compose', quote: { exact: '', prefix: '', suffix: '' } },
      { protocol: PROTOCOL, type: 'open-thread', threadId: '../me' },
      { protocol: PROTOCOL, type: 'eval', code: 'alert(1)' },
    ]) {
      expect(parseHostMessage(bad)).toBeNull();
    }
  });

  it('accepts the iframe’s highlights, and copies only their known fields', () => {
    const parsed = parseFrameMessage({
      protocol: PROTOCOL,
      type: 'highlights',
      highlights: [{ id, quote: { ...quote, note: 'x' }, count: 3, author: 'someone' }],
    });
    expect(parsed).toEqual({ protocol: PROTOCOL, type: 'highlights', highlights: [{ id, quote, count: 3 }] });
    expect(
      parseFrameMessage({ protocol: PROTOCOL, type: 'highlights', highlights: [{ id, quote, count: -1 }] }),
    ).toBeNull();
    expect(parseFrameMessage({ protocol: PROTOCOL, type: 'resize', height: Infinity })).toBeNull();
    expect(parseFrameMessage({ protocol: PROTOCOL, type: 'resize', height: 420 })).toMatchObject({ height: 420 });
  });
});
