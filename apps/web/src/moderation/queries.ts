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
  AuditLogEntry,
  AuditLogFilter,
  CommentSearchHit,
  CommentVersion,
  UserNote,
} from './types.ts';

const NOTE_FIELDS = 'id userId body authorId authorHandle createdAt';

const USER_FIELDS = `id handle displayName email role status statusReason statusUntil premod publishedCount rejectedCount
  createdAt noteCount notes { ${NOTE_FIELDS} }`;

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
  mutation ResolveFlags($commentId: ID!, $reason: String) {
    resolveFlags(commentId: $commentId, reason: $reason) { ${ITEM_FIELDS} }
  }
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

export const SEARCH_QUERY = `
  query SearchComments($query: String!, $status: CommentStatus, $articleId: ID, $author: String, $after: String,
    $first: Int!) {
    searchComments(query: $query, status: $status, articleId: $articleId, author: $author, after: $after,
      first: $first) {
      hits { item { ${ITEM_FIELDS} } snippet { text match } }
      pageInfo { endCursor hasNextPage }
    }
  }
`;
export type SearchResult = {
  searchComments: { hits: CommentSearchHit[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
};

export const COMMENT_HISTORY_QUERY = `
  query CommentHistory($commentId: ID!) {
    commentHistory(commentId: $commentId) { commentId versions { bodySource bodyHtml writtenAt current } }
  }
`;
export type CommentHistoryResult = { commentHistory: { commentId: string; versions: CommentVersion[] } };

const AUDIT_FIELDS = `id action actorId actorHandle targetUserId targetHandle articleId articleTitle commentId reason
  fromStatus toStatus before after createdAt`;

export const AUDIT_LOG_QUERY = `
  query AuditLog($filter: AuditLogFilterInput, $after: String, $first: Int!) {
    auditLog(filter: $filter, after: $after, first: $first) {
      entries { ${AUDIT_FIELDS} }
      pageInfo { endCursor hasNextPage }
    }
  }
`;
export type AuditLogResult = {
  auditLog: { entries: AuditLogEntry[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
};
export type { AuditLogFilter };

export const AUDIT_LOG_CSV_QUERY = 'query AuditLogCsv($filter: AuditLogFilterInput) { auditLogCsv(filter: $filter) }';
export type AuditLogCsvResult = { auditLogCsv: string };

export const USER_NOTES_QUERY = `query UserNotes($userId: ID!) { userNotes(userId: $userId) { ${NOTE_FIELDS} } }`;
export type UserNotesResult = { userNotes: UserNote[] };

export const ADD_USER_NOTE_MUTATION = `
  mutation AddUserNote($input: AddUserNoteInput!) { addUserNote(input: $input) { ${NOTE_FIELDS} } }
`;
export type AddUserNoteResult = { addUserNote: UserNote };

export const DELETE_USER_NOTE_MUTATION = 'mutation DeleteUserNote($noteId: ID!) { deleteUserNote(noteId: $noteId) }';
