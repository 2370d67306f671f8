import { makeContext } from '../../../../test/support/pipeline-context.js';
import { bodyLength } from './body-length.js';

const withBody = (body: string, settings: { minLength?: number; maxLength?: number } = {}) =>
  makeContext({ comment: { body }, settings });

describe('bodyLength phase', () => {
  it('rejects an empty comment', () => {
    expect(bodyLength(withBody(''))).toEqual({ status: 'REJECTED', reason: 'BODY_TOO_SHORT', detail: 'empty' });
  });

  it('rejects a comment made only of whitespace and invisible characters', () => {
    expect(bodyLength(withBody('  \n\t\u200B\u2060 '))).toMatchObject({ status: 'REJECTED', reason: 'BODY_TOO_SHORT' });
  });

  it('rejects a comment shorter than the minimum length', () => {
    expect(bodyLength(withBody(' ok ', { minLength: 3 }))).toEqual({
      status: 'REJECTED',
      reason: 'BODY_TOO_SHORT',
      detail: '2 characters (minimum 3)',
    });
  });

  it('accepts a comment of exactly the minimum length', () => {
    expect(bodyLength(withBody('yes', { minLength: 3 }))).toBeUndefined();
  });

  it('rejects a comment longer than the maximum length', () => {
    expect(bodyLength(withBody('x'.repeat(11), { maxLength: 10 }))).toEqual({
      status: 'REJECTED',
      reason: 'BODY_TOO_LONG',
      detail: '11 characters (maximum 10)',
    });
  });

  it('accepts a comment of exactly the maximum length', () => {
    expect(bodyLength(withBody('x'.repeat(10), { maxLength: 10 }))).toBeUndefined();
  });

  it('counts an emoji as one character', () => {
    expect(bodyLength(withBody('👍👍', { minLength: 2, maxLength: 2 }))).toBeUndefined();
  });

  it('counts invisible padding towards the maximum length', () => {
    expect(bodyLength(withBody(`hi${'\u200B'.repeat(20)}`, { maxLength: 10 }))).toMatchObject({
      reason: 'BODY_TOO_LONG',
    });
  });

  it('uses the default limits of 1 and 5000 characters', () => {
    expect(bodyLength(withBody('k'))).toBeUndefined();
    expect(bodyLength(withBody('k'.repeat(5001)))).toMatchObject({ reason: 'BODY_TOO_LONG' });
  });
});
