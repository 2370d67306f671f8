import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import '../../flags/models/flag-reason.enum.js';
import { AnchorStatus, CommentStatus, FlagReason } from '../../generated/prisma/enums.js';
import { ModeratedUserModel } from '../../users/models/moderated-user.model.js';
import { MODERATION_QUEUES, type ModerationQueue } from './queue-membership.js';
import { pageNodes } from '../../infra/graphql/query-cost.js';
import { AUDIT_ACTIONS } from '../audit/audit-action.js';

export const ModerationQueueEnum = Object.fromEntries(MODERATION_QUEUES.map((q) => [q, q])) as {
  [Q in ModerationQueue]: Q;
};
registerEnumType(ModerationQueueEnum, { name: 'ModerationQueue' });

export const QueueOrder = { NEWEST: 'NEWEST', OLDEST: 'OLDEST' } as const;
export type QueueOrder = keyof typeof QueueOrder;
registerEnumType(QueueOrder, { name: 'ModerationQueueOrder' });

@ObjectType('ModerationScores', { description: 'What the pipeline found, whether or not it decided on it.' })
export class ModerationScoresModel {
  @Field(() => [String]) bannedWords: string[];
  @Field(() => [String]) suspectWords: string[];
  @Field(() => Int, { nullable: true }) linkCount: number | null;
  @Field(() => [String]) linkDomains: string[];
  @Field(() => Float, { nullable: true, description: 'Similarity to a recent comment by the same author.' })
  repeatSimilarity: number | null;
  @Field(() => Float, { nullable: true }) spamScore: number | null;
  @Field(() => [String]) spamSignals: string[];
  @Field(() => [String]) toxicTerms: string[];
  @Field(() => Float, { nullable: true }) historyRejectionRate: number | null;
  @Field(() => String, { nullable: true, description: 'Specifics of the deciding phase.' }) detail: string | null;
}

@ObjectType('CommentRevision', { description: 'An earlier version of an edited comment.' })
export class CommentRevisionModel {
  @Field() bodySource: string;
  @Field() bodyHtml: string;
  @Field({ description: 'When this version was replaced by an edit.' }) createdAt: Date;
}

@ObjectType('ModeratedComment')
export class ModeratedCommentModel {
  @Field(() => ID) id: string;
  @Field(() => ID) threadId: string;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field() bodyHtml: string;
  @Field() bodySource: string;
  @Field(() => CommentStatus) status: CommentStatus;
  @Field(() => String, { nullable: true }) statusReason: string | null;
  @Field(() => ModerationScoresModel, { nullable: true }) scores: ModerationScoresModel | null;
  @Field(() => Int) openFlagCount: number;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) editedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Last moderator decision.' }) reviewedAt: Date | null;
  @Field(() => [CommentRevisionModel], { description: 'Earlier versions, newest first (at most 10).' })
  revisions: CommentRevisionModel[];
}

@ObjectType('ModerationArticle')
export class QueueArticleModel {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field() title: string;
}

@ObjectType('AnchoredPassage', { description: 'The quoted passage with the text around it.' })
export class AnchoredPassageModel {
  @Field() exact: string;
  @Field({ description: 'Up to 100 characters before the passage.' }) before: string;
  @Field({ description: 'Up to 100 characters after the passage.' }) after: string;
  @Field(() => AnchorStatus) status: AnchorStatus;
  @Field({ description: 'Context from the current revision (false: the stored quote context of an older one).' })
  current: boolean;
}

@ObjectType('ModerationParentComment')
export class ParentCommentModel {
  @Field(() => ID) id: string;
  @Field() authorName: string;
  @Field() bodyHtml: string;
  @Field(() => CommentStatus) status: CommentStatus;
  @Field() createdAt: Date;
}

@ObjectType('CommentFlag')
export class FlagModel {
  @Field(() => ID) id: string;
  @Field(() => FlagReason) reason: FlagReason;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => ID) reporterId: string;
  @Field() reporterHandle: string;
  @Field() createdAt: Date;
}

@ObjectType('ModerationLogEntry', { description: 'One decision, by the pipeline (actor null) or a person.' })
export class ModerationLogEntryModel {
  @Field(() => ID) id: string;
  @Field({ description: `One of ${AUDIT_ACTIONS.join(', ')}.` }) action: string;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => CommentStatus, { nullable: true }) fromStatus: CommentStatus | null;
  @Field(() => CommentStatus, { nullable: true }) toStatus: CommentStatus | null;
  @Field(() => ID, { nullable: true }) actorId: string | null;
  @Field(() => String, { nullable: true }) actorHandle: string | null;
  @Field(() => ID, { nullable: true }) commentId: string | null;
  @Field(() => ID, { nullable: true }) targetUserId: string | null;
  @Field(() => ID, { nullable: true }) articleId: string | null;
  @Field() createdAt: Date;
}

@ObjectType('ModerationItem')
export class ModerationItemModel {
  @Field(() => ID, { description: 'The comment id.' }) id: string;
  @Field(() => ModeratedCommentModel) comment: ModeratedCommentModel;
  @Field(() => ModeratedUserModel, { nullable: true }) author: ModeratedUserModel | null;
  @Field({ description: 'The author’s display name, or the original name of an imported comment.' })
  authorName: string;
  @Field(() => QueueArticleModel) article: QueueArticleModel;
  @Field(() => AnchoredPassageModel, { nullable: true, description: 'Null for a page-level thread.' })
  passage: AnchoredPassageModel | null;
  @Field(() => ParentCommentModel, { nullable: true, description: 'The comment this one replies to.' })
  parent: ParentCommentModel | null;
  @Field(() => [FlagModel], { description: 'Open flags, oldest first.' }) flags: FlagModel[];
  @Field(() => [ModerationLogEntryModel], { description: 'Decisions, oldest first.' })
  history: ModerationLogEntryModel[];
  @Field(() => [ModerationQueueEnum]) queues: ModerationQueue[];
}

@ObjectType('ModerationPageInfo')
export class ModerationPageInfoModel {
  @Field(() => String, { nullable: true }) endCursor: string | null;
  @Field() hasNextPage: boolean;
}

@ObjectType('ModerationQueuePage')
export class ModerationQueuePageModel {
  @Field(() => [ModerationItemModel], { complexity: pageNodes }) items: ModerationItemModel[];
  @Field(() => ModerationPageInfoModel) pageInfo: ModerationPageInfoModel;
}

@ObjectType('ModerationCounts', { description: 'Comments in each queue.' })
export class ModerationCountsModel {
  @Field(() => Int) pending: number;
  @Field(() => Int) reported: number;
  @Field(() => Int) unmoderated: number;
  @Field(() => Int) approved: number;
  @Field(() => Int) rejected: number;
}

export function toCountsModel(counts: Record<ModerationQueue, number>): ModerationCountsModel {
  return {
    pending: counts.PENDING,
    reported: counts.REPORTED,
    unmoderated: counts.UNMODERATED,
    approved: counts.APPROVED,
    rejected: counts.REJECTED,
  };
}
