import { codePointLength } from './index.js';

it('counts code points', () => {
  expect(codePointLength('a😀')).toBe(2);
});
