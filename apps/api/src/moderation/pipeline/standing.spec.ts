import { runPipeline } from './pipeline.js';
import { noMoreLenientThan, type StandingDecision } from './standing.js';
import { makeContext } from '../../../test/support/pipeline-context.js';
import type { ModerationDecision } from './types.js';

const approved: ModerationDecision = { status: 'PUBLISHED', reason: 'APPROVED_BY_PIPELINE' };
const suspect: ModerationDecision = { status: 'HELD', reason: 'SUSPECT_WORD', detail: 'idiot' };
const banned: ModerationDecision = { status: 'REJECTED', reason: 'BANNED_WORD', detail: 'slur' };
const heldByModerator: StandingDecision = {
  status: 'HELD',
  reason: 'HELD_BY_MODERATOR',
  detail: 'held by a moderator before the edit',
};

describe('the standing decision on an edited comment', () => {
  it('holds an edited comment the pipeline would publish when a moderator held it', () => {
    expect(noMoreLenientThan(approved, heldByModerator)).toEqual({
      status: 'HELD',
      reason: 'HELD_BY_MODERATOR',
      detail: 'held by a moderator before the edit',
    });
  });

  it('keeps a decision at least as strict as the standing one', () => {
    expect(noMoreLenientThan(suspect, heldByModerator)).toBe(suspect);
    expect(noMoreLenientThan(banned, heldByModerator)).toBe(banned);
  });

  it('rejects again what a moderator rejected', () => {
    const rejected: StandingDecision = { status: 'REJECTED', reason: 'REJECTED_BY_MODERATOR', detail: 'before' };
    expect(noMoreLenientThan(suspect, rejected).status).toBe('REJECTED');
  });

  it('changes nothing without a standing decision', () => {
    expect(noMoreLenientThan(approved, null)).toBe(approved);
  });

  it('is applied by the pipeline to an edit that would otherwise be published', () => {
    const clean = makeContext({ comment: { isEdit: true, standing: heldByModerator } });
    expect(runPipeline(clean)).toMatchObject({ status: 'HELD', reason: 'HELD_BY_MODERATOR' });
    const banned = makeContext({
      comment: { isEdit: true, body: 'buy now', standing: heldByModerator },
      settings: { bannedWords: ['buy now'] },
    });
    expect(runPipeline(banned)).toMatchObject({ status: 'REJECTED', reason: 'BANNED_WORD' });
  });
});
