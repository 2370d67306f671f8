import { DomainError } from '../errors/domain-error.js';
import { decodeCursor, decodeTimeCursor, encodeCursor, encodeTimeCursor } from './cursor.js';

const id = '0b6c1b9e-4a57-4b7c-9d2e-1f0a3c5d7e9f';

describe('cursors', () => {
  it('round-trip an integer key, or none, with the id', () => {
    expect(decodeCursor('TOP', encodeCursor('TOP', { id, key: 42 }))).toEqual({ id, key: 42 });
    expect(decodeCursor('NEWEST', encodeCursor('NEWEST', { id, key: null }))).toEqual({ id, key: null });
  });

  it('round-trip a creation time (to the millisecond) with the id', () => {
    const cursor = { id, createdAt: new Date('2026-01-02T03:04:05.678Z') };
    expect(decodeTimeCursor('QUEUE', encodeTimeCursor('QUEUE', cursor))).toEqual(cursor);
  });

  it('are opaque: no raw id or time in the string', () => {
    const value = encodeTimeCursor('QUEUE', { id, createdAt: new Date() });
    expect(value).not.toContain(id);
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('mean nothing under another order', () => {
    expect(() => decodeCursor('OLDEST', encodeCursor('NEWEST', { id, key: null }))).toThrow(/another sort order/);
  });

  it.each([
    '',
    'not-a-cursor',
    Buffer.from('2026-01-01T00:00:00Z|x').toString('base64url'),
    encodeCursor('QUEUE', { id: 'x', key: null }),
    encodeCursor('QUEUE', { id, key: 2 ** 40 }),
  ])('refuse a forged cursor %p as bad input on `after`', (value) => {
    expect(() => decodeCursor('QUEUE', value)).toThrow(DomainError);
    expect(() => decodeCursor('QUEUE', value)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
    );
  });

  it('refuse a time cursor whose key is not a time', () => {
    expect(() => decodeTimeCursor('QUEUE', encodeCursor('QUEUE', { id, key: 12 }))).toThrow(DomainError);
  });
});
