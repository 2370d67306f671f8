import type { CommentStatus } from '../generated/prisma/enums.js';
import type { Viewer } from '../auth/viewer.js';
import type { CommentModel, ReactionCountModel } from './models/comment.model.js';

export interface CommentRow {
  id: string;
  threadId: string;
  parentId: string | null;
  authorId: string | null;
  legacyAuthor: string | null;
  legacyNumber: number | null;
  legacyPostedAt: Date | null;
  bodySource: string;
  bodyHtml: string;
  status: CommentStatus;
  statusReason: string | null;
  replyCount: number;
  editedAt: Date | null;
  createdAt: Date;
  author: {
    id: string;
    handle: string;
    displayName: string;
    role: 'READER' | 'MODERATOR' | 'ADMIN';
    status: 'ACTIVE' | 'SUSPENDED' | 'BANNED';
    createdAt: Date;
  } | null;
}

export const COMMENT_SELECT = {
  id: true,
  threadId: true,
  parentId: true,
  authorId: true,
  legacyAuthor: true,
  legacyNumber: true,
  legacyPostedAt: true,
  bodySource: true,
  bodyHtml: true,
  status: true,
  statusReason: true,
  replyCount: true,
  editedAt: true,
  createdAt: true,
  author: { select: { id: true, handle: true, displayName: true, role: true, status: true, createdAt: true } },
} as const;

/** Whether the viewer may see this comment at all in the reader view. */
export function isVisible(row: Pick<CommentRow, 'status' | 'authorId' | 'replyCount'>, viewer: Viewer | null): boolean {
  if (row.status === 'PUBLISHED') return true;
  if (row.status === 'DELETED') return row.replyCount > 0;
  return viewer !== null && row.authorId === viewer.id;
}

/** The reader's view of a comment: deleted ones become placeholders; sources stay with their author. */
export function toCommentModel(
  row: CommentRow,
  viewer: Viewer | null,
  reactions: ReactionCountModel[] = [],
  viewerReactions: string[] = [],
): CommentModel {
  const isOwn = viewer !== null && row.authorId === viewer.id;
  const deleted = row.status === 'DELETED';
  return {
    id: row.id,
    threadId: row.threadId,
    parentId: row.parentId,
    authorName: deleted ? '[deleted]' : (row.author?.displayName ?? row.legacyAuthor ?? 'Anonymous'),
    author: deleted || !row.author ? null : { ...row.author, email: null },
    legacyNumber: row.legacyNumber,
    postedAt: row.legacyPostedAt ?? row.createdAt,
    bodyHtml: deleted ? '<p><em>This comment was deleted.</em></p>' : row.bodyHtml,
    bodySource: isOwn && !deleted ? row.bodySource : null,
    status: row.status,
    statusReason: isOwn || viewer?.role === 'MODERATOR' || viewer?.role === 'ADMIN' ? row.statusReason : null,
    editedAt: row.editedAt,
    isOwn,
    replyCount: row.replyCount,
    reactions,
    viewerReactions,
  };
}
