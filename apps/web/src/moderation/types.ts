/** TypeScript mirrors of the moderation part of the schema, as the console selects it. */
import type { AnchorStatus, CommentStatus, Role, UserStatus } from '../api/types.ts';

export type ModerationQueue = 'PENDING' | 'REPORTED' | 'UNMODERATED' | 'APPROVED' | 'REJECTED';
export type ModerationActionKind = 'APPROVE' | 'REJECT' | 'HOLD';
export type FlagReason = 'ABUSE' | 'MISINFORMATION' | 'OFFENSIVE' | 'OFF_TOPIC' | 'OTHER' | 'SPAM';

export type ModerationCounts = Record<Lowercase<ModerationQueue>, number>;

export interface ModeratedUser {
  id: string;
  handle: string;
  displayName: string;
  email?: string | null;
  role: Role;
  status: UserStatus;
  statusReason: string | null;
  statusUntil: string | null;
  premod: boolean;
  publishedCount: number;
  rejectedCount: number;
  createdAt: string;
  /** Moderators' latest notes on the user (staff only), and how many there are. */
  notes: UserNote[];
  noteCount: number;
}

export interface UserNote {
  id: string;
  userId: string;
  body: string;
  authorId: string;
  authorHandle: string;
  createdAt: string;
}

export interface ModerationScores {
  detail: string | null;
  bannedWords: string[];
  suspectWords: string[];
  toxicTerms: string[];
  spamScore: number | null;
  spamSignals: string[];
  linkCount: number | null;
  linkDomains: string[];
  repeatSimilarity: number | null;
  historyRejectionRate: number | null;
}

export interface CommentFlag {
  id: string;
  reason: FlagReason;
  note: string | null;
  reporterHandle: string;
  createdAt: string;
}

export interface ModerationLogEntry {
  id: string;
  action: string;
  actorHandle: string | null;
  reason: string | null;
  fromStatus: CommentStatus | null;
  toStatus: CommentStatus | null;
  createdAt: string;
}

export interface ModerationItem {
  id: string;
  authorName: string;
  author: ModeratedUser | null;
  article: { id: string; slug: string; title: string };
  comment: {
    id: string;
    threadId: string;
    parentId: string | null;
    bodyHtml: string;
    status: CommentStatus;
    statusReason: string | null;
    openFlagCount: number;
    createdAt: string;
    editedAt: string | null;
    reviewedAt: string | null;
    scores: ModerationScores | null;
    /** Earlier versions, newest first. */
    revisions: Array<{ bodyHtml: string; createdAt: string }>;
  };
  passage: { exact: string; before: string; after: string; current: boolean; status: AnchorStatus } | null;
  parent: { id: string; authorName: string; bodyHtml: string; status: CommentStatus; createdAt: string } | null;
  flags: CommentFlag[];
  history: ModerationLogEntry[];
  queues: ModerationQueue[];
}

export interface ModerationEvent {
  action: string;
  articleId: string;
  commentId: string;
  status: CommentStatus;
  entered: ModerationQueue[];
  left: ModerationQueue[];
  counts: ModerationCounts;
}

export interface ModerationResult {
  commentId: string;
  ok: boolean;
  code: string | null;
  error: string | null;
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface CommentSearchHit {
  item: ModerationItem;
  snippet: SnippetPart[];
}

export interface CommentVersion {
  bodySource: string;
  bodyHtml: string;
  writtenAt: string;
  current: boolean;
}

export interface AuditLogEntry {
  id: string;
  action: string;
  actorId: string | null;
  actorHandle: string | null;
  targetUserId: string | null;
  targetHandle: string | null;
  articleId: string | null;
  articleTitle: string | null;
  commentId: string | null;
  reason: string | null;
  fromStatus: CommentStatus | null;
  toStatus: CommentStatus | null;
  before: string | null;
  after: string | null;
  createdAt: string;
}

export interface AuditLogFilter {
  userId?: string | null;
  articleId?: string | null;
  actorId?: string | null;
  actions?: string[] | null;
  from?: string | null;
  to?: string | null;
}
