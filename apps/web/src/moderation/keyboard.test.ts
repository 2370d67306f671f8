import { describe, expect, it } from 'vitest';
import { commandForKey, consoleReducer, initialConsoleState, type ConsoleState } from './keyboard.ts';

const withItems = (ids: string[], cursor = 0): ConsoleState => ({
  ...consoleReducer(initialConsoleState, { type: 'items', ids }),
  cursor,
});

describe('commandForKey', () => {
  it('maps the documented keys', () => {
    const keys = {
      j: 'next',
      k: 'prev',
      a: 'approve',
      r: 'reject',
      h: 'hold',
      b: 'ban',
      d: 'dismiss',
      v: 'history',
      '/': 'search',
      x: 'toggleSelect',
      '?': 'help',
    };
    for (const [key, command] of Object.entries(keys)) expect(commandForKey({ key })).toBe(command);
    expect(commandForKey({ key: 'A' })).toBe('approveSelected');
    expect(commandForKey({ key: 'R' })).toBe('rejectSelected');
    expect(commandForKey({ key: 'ArrowDown' })).toBe('next');
    expect(commandForKey({ key: 'q' })).toBeNull();
  });

  it('leaves typing and browser shortcuts alone, but Escape always works', () => {
    expect(commandForKey({ key: 'a', inField: true })).toBeNull();
    expect(commandForKey({ key: 'r', ctrlKey: true })).toBeNull();
    expect(commandForKey({ key: 'j', metaKey: true })).toBeNull();
    expect(commandForKey({ key: 'Escape', inField: true })).toBe('escape');
  });
});

describe('consoleReducer', () => {
  it('moves the cursor within the list', () => {
    let state = withItems(['a', 'b', 'c']);
    state = consoleReducer(state, { type: 'move', delta: 1 });
    state = consoleReducer(state, { type: 'move', delta: 1 });
    state = consoleReducer(state, { type: 'move', delta: 1 });
    expect(state.cursor).toBe(2);
    state = consoleReducer(state, { type: 'move', delta: -1 });
    expect(state.cursor).toBe(1);
    expect(consoleReducer(withItems(['a']), { type: 'move', delta: -1 }).cursor).toBe(0);
  });

  it('keeps the cursor on its item when others come and go, and on the next one when its item leaves', () => {
    const state = withItems(['a', 'b', 'c'], 1);
    expect(consoleReducer(state, { type: 'items', ids: ['z', 'a', 'b', 'c'] }).cursor).toBe(2);
    // "b" was decided (or taken by another moderator): the cursor lands on "c".
    const after = consoleReducer(state, { type: 'items', ids: ['a', 'c'] });
    expect(after.ids[after.cursor]).toBe('c');
    // The last item left: the cursor steps back onto the new last one.
    expect(consoleReducer(withItems(['a', 'b'], 1), { type: 'items', ids: ['a'] }).cursor).toBe(0);
    expect(consoleReducer(withItems(['a'], 0), { type: 'items', ids: [] }).cursor).toBe(0);
  });

  it('toggles the current item or a given one, and forgets items that left', () => {
    let state = withItems(['a', 'b', 'c'], 1);
    state = consoleReducer(state, { type: 'toggle' });
    state = consoleReducer(state, { type: 'toggle', id: 'c' });
    expect([...state.selected].sort()).toEqual(['b', 'c']);
    state = consoleReducer(state, { type: 'toggle', id: 'c' });
    expect([...state.selected]).toEqual(['b']);
    state = consoleReducer(state, { type: 'items', ids: ['a', 'c'] });
    expect(state.selected.size).toBe(0);
  });

  it('opens and closes dialogs, and focuses items clicked or tabbed to', () => {
    let state = withItems(['a', 'b']);
    state = consoleReducer(state, { type: 'open', dialog: { kind: 'reject', commentIds: ['a'] } });
    expect(state.dialog).toEqual({ kind: 'reject', commentIds: ['a'] });
    state = consoleReducer(state, { type: 'close' });
    expect(state.dialog).toBeNull();
    expect(consoleReducer(state, { type: 'focus', id: 'b' }).cursor).toBe(1);
    expect(consoleReducer(state, { type: 'focus', id: 'nope' })).toBe(state);
  });
});
