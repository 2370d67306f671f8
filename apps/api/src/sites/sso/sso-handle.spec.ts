import { handleCandidates } from './sso-handle.js';

const first = (name: string): string[] => [...handleCandidates(name, () => 'abc123')].slice(0, 2);

describe('handleCandidates', () => {
  it.each([
    ['Ada Lovelace', 'Ada_Lovelace'],
    ['  José  Núñez ', 'Jose_Nunez'],
    ['李', 'reader'],
    ['Al', 'Al_reader'],
    ['x'.repeat(40), 'x'.repeat(22)],
  ])('makes a handle of the registration rule from %s', (name, handle) => {
    expect(first(name)).toEqual([handle, `${handle}_abc123`]);
    for (const candidate of first(name)) expect(candidate).toMatch(/^[a-zA-Z0-9_]{3,30}$/);
  });
});
