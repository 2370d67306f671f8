/** GraphQL documents of the moderation console and the user view. */
import type {
  FlagReason,
  ModeratedUser,
  ModerationActionKind,
  ModerationCounts,
  ModerationEvent,
  ModerationItem,
  ModerationQueue,
  ModerationResult,
} from './types.ts';

const USER_FIELDS = `id handle displayName email role status statusReason statusUntil premod publishedCount rejectedCount
  createdAt`;

const ITEM_FIELDS = `
  id authorName queues
  author { ${USER_FIELDS} }
  article { id slug title }
  comment {
    id threadId parentId bodyHtml status statusReason openFlagCount createdAt editedAt reviewedAt
    revisions { bodyHtml createdAt }
    scores { detail bannedWords suspectWords toxicTerms spamScore spamSignals linkCount linkDomains repeatSimilarity
      historyRejectionRate }
  }
  passage { exact before after current status }
  parent { id authorName bodyHtml status createdAt }
  flags { id reason note reporterHandle createdAt }
  history { id action actorHandle reason fromStatus toStatus createdAt }
`;

const COUNT_FIELDS = 'pending reported unmoderated approved rejected';

export const QUEUE_QUERY = `
  query ModerationQueue($queue: ModerationQueue!, $articleId: ID, $after: String, $first: Int!) {
    moderationQueue(queue: $queue, articleId: $articleId, after: $after, first: $first, order: OLDEST) {
      items { ${ITEM_FIELDS} }
      pageInfo { endCursor hasNextPage }
    }
    moderationCounts(articleId: $articleId) { ${COUNT_FIELDS} }
  }
`;
export type QueueResult = {
  moderationQueue: { items: ModerationItem[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
  moderationCounts: ModerationCounts;
};

export const COUNTS_QUERY = `query ModerationCounts($articleId: ID) { moderationCounts(articleId: $articleId) { ${COUNT_FIELDS} } }`;
export type CountsResult = { moderationCounts: ModerationCounts };

export const MODERATE_MUTATION = `
  mutation Moderate($input: ModerateCommentInput!) { moderateComment(input: $input) { ${ITEM_FIELDS} } }
`;
export type ModerateResult = { moderateComment: ModerationItem };
export interface ModerateInput {
  commentId: string;
  action: ModerationActionKind;
  category?: FlagReason;
  reason?: string;
}

export const MODERATE_MANY_MUTATION = `
  mutation ModerateMany($input: ModerateCommentsInput!) {
    moderateComments(input: $input) { commentId ok code error }
  }
`;
export type ModerateManyResult = { moderateComments: ModerationResult[] };

export const RESOLVE_FLAGS_MUTATION = `
  mutation ResolveFlags($commentId: ID!) { resolveFlags(commentId: $commentId) { ${ITEM_FIELDS} } }
`;
export type ResolveFlagsResult = { resolveFlags: ModerationItem };

export const MODERATION_EVENTS_SUBSCRIPTION = `
  subscription ModerationEvents($articleId: ID) {
    moderationEvents(articleId: $articleId) {
      action articleId commentId status entered left counts { ${COUNT_FIELDS} }
    }
  }
`;
export type ModerationEventsResult = { moderationEvents: ModerationEvent };

export const SET_USER_STATUS_MUTATION = `
  mutation SetUserStatus($input: SetUserStatusInput!) { setUserStatus(input: $input) { ${USER_FIELDS} } }
`;
export type SetUserStatusResult = { setUserStatus: ModeratedUser };
export interface SetUserStatusInput {
  userId: string;
  status: ModeratedUser['status'];
  reason: string;
  until?: string;
  rejectComments?: boolean;
}

export const SET_USER_PREMOD_MUTATION = `
  mutation SetUserPremod($userId: ID!, $on: Boolean!) { setUserPremod(userId: $userId, on: $on) { ${USER_FIELDS} } }
`;
export type SetUserPremodResult = { setUserPremod: ModeratedUser };

export const SET_USER_ROLE_MUTATION = `
  mutation SetUserRole($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { ${USER_FIELDS} } }
`;
export type SetUserRoleResult = { setUserRole: ModeratedUser };

export const USER_VIEW_QUERY = `
  query UserView($id: ID!) {
    moderatedUser(id: $id, recent: 30) { user { ${USER_FIELDS} } recentComments { ${ITEM_FIELDS} } }
  }
`;
export type UserViewResult = { moderatedUser: { user: ModeratedUser; recentComments: ModerationItem[] } };

export const QUEUES: ReadonlyArray<{ id: ModerationQueue; label: string; key: keyof ModerationCounts }> = [
  { id: 'PENDING', label: 'Pending', key: 'pending' },
  { id: 'REPORTED', label: 'Reported', key: 'reported' },
  { id: 'UNMODERATED', label: 'Unmoderated', key: 'unmoderated' },
  { id: 'APPROVED', label: 'Approved', key: 'approved' },
  { id: 'REJECTED', label: 'Rejected', key: 'rejected' },
];

export const FLAG_REASONS: ReadonlyArray<{ id: FlagReason; label: string }> = [
  { id: 'SPAM', label: 'Spam' },
  { id: 'ABUSE', label: 'Abuse or harassment' },
  { id: 'OFFENSIVE', label: 'Offensive' },
  { id: 'MISINFORMATION', label: 'Misinformation' },
  { id: 'OFF_TOPIC', label: 'Off topic' },
  { id: 'OTHER', label: 'Something else' },
];
