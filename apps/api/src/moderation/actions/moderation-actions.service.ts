import { Injectable } from '@nestjs/common';
import type { Viewer } from '../../auth/viewer.js';
import type { FlagReason } from '../../generated/prisma/enums.js';
import { badInput, DomainError, notFound } from '../../infra/errors/domain-error.js';
import { CommentDecisions, type Decision, type Outcome } from '../decisions/comment-decisions.service.js';
import { HUMAN_REASONS, rejectionReason } from '../decisions/reasons.js';
import { FLAGGED } from '../queues/queue-membership.js';
import type { ModerateCommentInput, ModerateCommentsInput, ModerationActionKind } from './moderation-actions.inputs.js';
import type { ModerationResultModel } from './moderation-actions.inputs.js';

/** Statuses a moderator may decide on; DELETED belongs to its author. */
const DECIDABLE = ['PENDING', 'PUBLISHED', 'HELD', 'REJECTED'] as const;

export function humanDecision(
  action: ModerationActionKind,
  actorId: string,
  note: string | null | undefined,
  category: FlagReason | null | undefined,
): Decision {
  const common = { actorId, note: note ?? null, reviewed: 'set', from: DECIDABLE, action } as const;
  switch (action) {
    case 'APPROVE':
      return {
        ...common,
        to: 'PUBLISHED',
        statusReason: HUMAN_REASONS.APPROVE,
        resolveFlags: true,
        notifyAuthor: true,
      };
    case 'REJECT':
      return {
        ...common,
        to: 'REJECTED',
        statusReason: rejectionReason(category),
        resolveFlags: true,
        notifyAuthor: true,
      };
    case 'HOLD':
      // Open flags stay for whoever reviews the held comment.
      return { ...common, to: 'HELD', statusReason: HUMAN_REASONS.HOLD, resolveFlags: false, notifyAuthor: false };
  }
}

/** Moderators' decisions on comments, one at a time or in bulk (each comment all-or-nothing). */
@Injectable()
export class ModerationActions {
  constructor(private readonly decisions: CommentDecisions) {}

  async moderate(input: ModerateCommentInput, viewer: Viewer): Promise<void> {
    const outcome = await this.decisions.decide(
      input.commentId,
      humanDecision(input.action, viewer.id, input.reason, input.category),
    );
    assertDecided(outcome);
  }

  async moderateMany(input: ModerateCommentsInput, viewer: Viewer): Promise<ModerationResultModel[]> {
    const decision = humanDecision(input.action, viewer.id, input.reason, input.category);
    const results: ModerationResultModel[] = [];
    // One transaction per comment: a failure affects that comment only.
    for (const commentId of [...new Set(input.commentIds)]) {
      try {
        assertDecided(await this.decisions.decide(commentId, decision));
        results.push({ commentId, ok: true, error: null, code: null });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ commentId, ok: false, error: error.message, code: error.code });
      }
    }
    return results;
  }

  /**
   * Dismisses a comment's open flags: the comment stays (or, if flags hid it, is published
   * again) and counts as reviewed by a moderator.
   */
  async resolveFlags(commentId: string, viewer: Viewer, reason: string | null = null): Promise<void> {
    const outcome = await this.decisions.decide(commentId, {
      to: 'PUBLISHED',
      statusReason: HUMAN_REASONS.APPROVE,
      action: 'FLAGS_RESOLVED',
      actorId: viewer.id,
      note: reason,
      reviewed: 'set',
      resolveFlags: true,
      notifyAuthor: false,
      from: ['PUBLISHED', 'HELD'],
      when: (state) => (state.status === 'PUBLISHED' ? state.openFlagCount > 0 : state.statusReason === FLAGGED),
    });
    if ('missing' in outcome) throw notFound('Comment', 'commentId');
    if ('skipped' in outcome) throw badInput('commentId', 'This comment has no open flags to resolve');
  }
}

function assertDecided(outcome: Outcome): void {
  if ('missing' in outcome) throw notFound('Comment', 'commentId');
  if ('skipped' in outcome) throw badInput('commentId', 'This comment was deleted by its author');
}
