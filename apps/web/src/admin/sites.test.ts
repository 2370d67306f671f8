import { describe, expect, it } from 'vitest';
import { originError, originsFromText } from './sites.ts';

describe('site origins in the form', () => {
  it('reads one origin a line, dropping blank lines and spaces', () => {
    expect(originsFromText(' https://a.example \n\n http://localhost:8080\n')).toEqual([
      'https://a.example',
      'http://localhost:8080',
    ]);
  });

  it('names the line the server refused', () => {
    expect(originError('origins.1', 'must be an origin only')).toBe('Line 2: must be an origin only');
    expect(originError('0', 'is already registered')).toBe('Line 1: is already registered');
    expect(originError('name', 'name must not be empty')).toBe('name must not be empty');
  });
});
