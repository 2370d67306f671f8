import { DEFAULT_DISCUSSION_SETTINGS, parseDiscussionSettings } from './discussion-settings.js';
import { decodeCursor, encodeCursor } from '../infra/pagination/cursor.js';

describe('discussion settings', () => {
  it('defaults to a 15 minute edit window', () => {
    expect(DEFAULT_DISCUSSION_SETTINGS.editWindowMinutes).toBe(15);
    expect(parseDiscussionSettings(null)).toEqual({ editWindowMinutes: 15 });
  });

  it('takes a stored window, and ignores nonsense', () => {
    expect(parseDiscussionSettings({ editWindowMinutes: 0 })).toEqual({ editWindowMinutes: 0 });
    expect(parseDiscussionSettings({ editWindowMinutes: 90 })).toEqual({ editWindowMinutes: 90 });
    expect(parseDiscussionSettings({ editWindowMinutes: -1 })).toEqual({ editWindowMinutes: 15 });
    expect(parseDiscussionSettings({ editWindowMinutes: '30' })).toEqual({ editWindowMinutes: 15 });
    expect(parseDiscussionSettings([1, 2])).toEqual({ editWindowMinutes: 15 });
  });
});

describe('page cursors', () => {
  const id = '3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f';

  it('round-trips and is bound to its sort order', () => {
    const cursor = encodeCursor('POSITION', { id, key: 120 });
    expect(decodeCursor('POSITION', cursor)).toEqual({ id, key: 120 });
    expect(() => decodeCursor('NEWEST', cursor)).toThrow(/another sort order/);
  });

  it('refuses tampered cursors with BAD_USER_INPUT', () => {
    const forged = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const bad of ['%%%', forged({ s: 'POSITION', id: 'x', k: 1 }), forged({ s: 'POSITION', id, k: 1e12 })]) {
      expect(() => decodeCursor('POSITION', bad)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
      );
    }
    expect(decodeCursor('POSITION', null)).toBeNull();
  });
});
