import { DomainError } from '../../infra/errors/domain-error.js';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('queue cursors', () => {
  const cursor = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id: '0b6c1b9e-4a57-4b7c-9d2e-1f0a3c5d7e9f' };

  it('round-trips the creation time (to the millisecond) and the id', () => {
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('is opaque: no raw id or time in the string', () => {
    expect(encodeCursor(cursor)).not.toContain(cursor.id);
    expect(encodeCursor(cursor)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each(['', 'not-a-cursor', Buffer.from('2026-01-01T00:00:00Z|x').toString('base64url')])(
    'refuses a forged cursor %p as bad input on `after`',
    (value) => {
      expect(() => decodeCursor(value)).toThrow(DomainError);
      expect(() => decodeCursor(value)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }));
    },
  );
});
