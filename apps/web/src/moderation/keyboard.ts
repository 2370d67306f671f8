/**
 * The console's keyboard model, kept pure for testing: keys map to commands, and a reducer
 * owns the cursor, the selection and which dialog is open. Side effects (approving…) are
 * the page's job.
 */

export type Command =
  | 'next'
  | 'prev'
  | 'approve'
  | 'reject'
  | 'hold'
  | 'ban'
  | 'dismiss'
  | 'history'
  | 'search'
  | 'toggleSelect'
  | 'approveSelected'
  | 'rejectSelected'
  | 'help'
  | 'escape';

export const SHORTCUTS: ReadonlyArray<{ keys: string; command: Command; label: string }> = [
  { keys: 'j', command: 'next', label: 'Next comment' },
  { keys: 'k', command: 'prev', label: 'Previous comment' },
  { keys: 'a', command: 'approve', label: 'Approve' },
  { keys: 'r', command: 'reject', label: 'Reject (asks for a reason)' },
  { keys: 'h', command: 'hold', label: 'Hold for later' },
  { keys: 'b', command: 'ban', label: 'Ban the author (asks for a reason)' },
  { keys: 'd', command: 'dismiss', label: 'Dismiss the reports (asks for a reason)' },
  { keys: 'v', command: 'history', label: 'Show the edit history' },
  { keys: '/', command: 'search', label: 'Search comments' },
  { keys: 'x', command: 'toggleSelect', label: 'Select or unselect' },
  { keys: 'A', command: 'approveSelected', label: 'Approve the selection' },
  { keys: 'R', command: 'rejectSelected', label: 'Reject the selection' },
  { keys: '?', command: 'help', label: 'Show these shortcuts' },
  { keys: 'Esc', command: 'escape', label: 'Close a dialog, or clear the selection' },
];

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The key went to a text field, where letters are typing, not commands. */
  inField?: boolean;
}

export function commandForKey({ key, ctrlKey, metaKey, altKey, inField }: KeyInput): Command | null {
  if (key === 'Escape') return 'escape';
  if (ctrlKey || metaKey || altKey || inField) return null;
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return 'next';
    case 'k':
    case 'ArrowUp':
      return 'prev';
    case 'a':
      return 'approve';
    case 'r':
      return 'reject';
    case 'h':
      return 'hold';
    case 'b':
      return 'ban';
    case 'd':
      return 'dismiss';
    case 'v':
      return 'history';
    case '/':
      return 'search';
    case 'x':
      return 'toggleSelect';
    case 'A':
      return 'approveSelected';
    case 'R':
      return 'rejectSelected';
    case '?':
      return 'help';
    default:
      return null;
  }
}

export type Dialog =
  | { kind: 'reject'; commentIds: string[] }
  | { kind: 'ban'; userId: string; name: string }
  | { kind: 'dismiss'; commentId: string }
  | { kind: 'history'; commentId: string }
  | { kind: 'help' };

export interface ConsoleState {
  /** Ids of the items in the list, in order. */
  ids: readonly string[];
  cursor: number;
  selected: ReadonlySet<string>;
  dialog: Dialog | null;
}

export type ConsoleAction =
  | { type: 'items'; ids: readonly string[] }
  | { type: 'move'; delta: 1 | -1 }
  | { type: 'focus'; id: string }
  | { type: 'toggle'; id?: string }
  | { type: 'select'; ids: readonly string[] }
  | { type: 'clearSelection' }
  | { type: 'open'; dialog: Dialog }
  | { type: 'close' };

export const initialConsoleState: ConsoleState = { ids: [], cursor: 0, selected: new Set(), dialog: null };

const clamp = (n: number, length: number): number => Math.max(0, Math.min(n, Math.max(0, length - 1)));

export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'items': {
      // Keep the cursor on the same item when it is still there; when it left (decided, or
      // taken by another moderator), stay at the same position, i.e. on the next one.
      const current = state.ids[state.cursor];
      const kept = current === undefined ? -1 : action.ids.indexOf(current);
      const cursor = clamp(kept >= 0 ? kept : state.cursor, action.ids.length);
      const present = new Set(action.ids);
      const selected = new Set([...state.selected].filter((id) => present.has(id)));
      return { ...state, ids: action.ids, cursor, selected };
    }
    case 'move':
      return { ...state, cursor: clamp(state.cursor + action.delta, state.ids.length) };
    case 'focus': {
      const index = state.ids.indexOf(action.id);
      return index < 0 ? state : { ...state, cursor: index };
    }
    case 'toggle': {
      const id = action.id ?? state.ids[state.cursor];
      if (id === undefined) return state;
      const selected = new Set(state.selected);
      if (selected.has(id)) selected.delete(id);
      else selected.add(id);
      return { ...state, selected };
    }
    case 'select':
      return { ...state, selected: new Set(action.ids) };
    case 'clearSelection':
      return state.selected.size === 0 ? state : { ...state, selected: new Set() };
    case 'open':
      return { ...state, dialog: action.dialog };
    case 'close':
      return state.dialog === null ? state : { ...state, dialog: null };
  }
}
