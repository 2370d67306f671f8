import { approve } from './phases/approve.js';
import { authorHistory } from './phases/author-history.js';
import { authorStatus } from './phases/author-status.js';
import { bannedWords } from './phases/banned-words.js';
import { bodyLength } from './phases/body-length.js';
import { links } from './phases/links.js';
import { newCommenter } from './phases/new-commenter.js';
import { premod } from './phases/premod.js';
import { repeatPost } from './phases/repeat-post.js';
import { spam } from './phases/spam.js';
import { suspectWords } from './phases/suspect-words.js';
import { toxicity } from './phases/toxicity.js';
import { userPremod } from './phases/user-premod.js';
import { PHASES, runPipeline } from './pipeline.js';
import { makeContext } from '../../../test/support/pipeline-context.js';
import { MODERATION_REASONS, type Phase } from './types.js';

describe('runPipeline', () => {
  it('publishes an ordinary comment with no scores', () => {
    expect(runPipeline(makeContext())).toEqual({ status: 'PUBLISHED', reason: 'APPROVED_BY_PIPELINE', scores: {} });
  });

  it('runs the phases in the documented order', () => {
    expect(PHASES).toEqual([
      bodyLength,
      authorStatus,
      bannedWords,
      suspectWords,
      links,
      repeatPost,
      spam,
      toxicity,
      authorHistory,
      newCommenter,
      userPremod,
      premod,
      approve,
    ]);
  });

  it('lets the first deciding phase win, even over a stricter later one', () => {
    // Suspect word (HELD, phase 4) comes before the blocked link (REJECTED, phase 5).
    const ctx = makeContext({
      comment: { body: 'Some shill posted https://spam.example/x' },
      settings: { suspectWords: ['shill'], blockedLinkDomains: ['spam.example'] },
    });
    expect(runPipeline(ctx)).toMatchObject({ status: 'HELD', reason: 'SUSPECT_WORD' });
  });

  it('rejects a banned author before looking at the content', () => {
    const ctx = makeContext({
      comment: { body: 'badword' },
      author: { status: 'BANNED' },
      settings: { bannedWords: ['badword'] },
    });
    expect(runPipeline(ctx)).toEqual({ status: 'REJECTED', reason: 'AUTHOR_BANNED', scores: {} });
  });

  it('keeps the scores of earlier phases that did not decide', () => {
    const ctx = makeContext({
      comment: { body: 'Read https://a.example/x you bastard' },
      author: { recentBodies: ['An unrelated earlier comment.'] },
    });
    const result = runPipeline(ctx);
    expect(result).toMatchObject({ status: 'HELD', reason: 'TOXIC', detail: 'bastard' });
    expect(result.scores.links).toEqual({ count: 1, domains: ['a.example'] });
    expect(result.scores.repeat?.similarity).toBeLessThan(0.5);
    expect(result.scores.toxicity).toEqual({ terms: ['bastard'] });
  });

  it('stops at the deciding phase, so later phases leave no scores', () => {
    const ctx = makeContext({ comment: { body: 'badword https://a.example' }, settings: { bannedWords: ['badword'] } });
    const result = runPipeline(ctx);
    expect(result).toMatchObject({ reason: 'BANNED_WORD' });
    expect(result.scores).toEqual({ bannedWords: ['badword'] });
  });

  it('applies hold policies after the content checks', () => {
    const ctx = makeContext({ author: { premod: true, publishedCount: 0 }, settings: { newCommenterHold: 2 } });
    expect(runPipeline(ctx)).toMatchObject({ status: 'HELD', reason: 'NEW_COMMENTER' });
    expect(runPipeline(makeContext({ author: { premod: true } }))).toMatchObject({ reason: 'USER_PREMOD' });
    expect(runPipeline(makeContext({ article: { premod: true } }))).toMatchObject({ reason: 'PREMOD' });
  });

  it('lets moderators skip the hold-only phases but not the content checks', () => {
    const held = makeContext({
      author: { role: 'MODERATOR', premod: true, publishedCount: 0, recentTotal: 5, recentRejected: 5 },
      article: { premod: true },
      settings: { newCommenterHold: 5, premodAll: true },
    });
    expect(runPipeline(held)).toMatchObject({ status: 'PUBLISHED' });

    const banned = makeContext({
      comment: { body: 'b4dw0rd' },
      author: { role: 'ADMIN' },
      settings: { bannedWords: ['badword'] },
    });
    expect(runPipeline(banned)).toMatchObject({ status: 'REJECTED', reason: 'BANNED_WORD' });
    expect(runPipeline(makeContext({ comment: { body: ' ' }, author: { role: 'ADMIN' } }))).toMatchObject({
      reason: 'BODY_TOO_SHORT',
    });
  });

  it('does not modify its input and gives the same result twice', () => {
    const ctx = makeContext({ comment: { body: 'https://a.example https://b.example lol' } });
    const snapshot = structuredClone(ctx);
    const first = runPipeline(ctx);
    expect(runPipeline(ctx)).toEqual(first);
    expect(ctx).toEqual(snapshot);
  });

  it('falls back to publishing when a custom phase list never decides', () => {
    const observe: Phase = (ctx) => {
      ctx.scores.spam = { score: 0.25, signals: ['custom'] };
      return undefined;
    };
    expect(runPipeline(makeContext(), [observe])).toEqual({
      status: 'PUBLISHED',
      reason: 'APPROVED_BY_PIPELINE',
      scores: { spam: { score: 0.25, signals: ['custom'] } },
    });
  });

  it('only returns known reason codes', () => {
    const bodies = ['', 'badword', 'https://spam.example', 'x'.repeat(6000), 'A fine comment.'];
    for (const body of bodies) {
      const { reason } = runPipeline(
        makeContext({
          comment: { body },
          settings: { bannedWords: ['badword'], blockedLinkDomains: ['spam.example'] },
        }),
      );
      expect(MODERATION_REASONS).toContain(reason);
    }
  });
});
