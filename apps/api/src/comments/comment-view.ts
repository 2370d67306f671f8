import type { Viewer } from '../auth/viewer.js';
import { isStaff } from '../auth/viewer.js';
import { statusExplanation } from './status-explanation.js';
import type { CommentSqlRow } from './discussion.sql.js';
import type { CommentModel, ReactionCountModel } from './models/comment.model.js';

export type CommentRow = CommentSqlRow;

/** Whether the viewer may see this comment at all in the reader view. */
export function isVisible(row: Pick<CommentRow, 'status' | 'authorId' | 'replyCount'>, viewer: Viewer | null): boolean {
  if (row.status === 'PUBLISHED') return true;
  if (row.status === 'DELETED') return row.replyCount > 0;
  return viewer !== null && row.authorId === viewer.id;
}

const NO_REACTIONS: ReactionCountModel[] = [];
const NO_KINDS: string[] = [];

/** The reader's view of a comment: deleted ones become placeholders; sources stay with their author. */
export function toCommentModel(
  row: CommentRow,
  viewer: Viewer | null,
  reactions: ReactionCountModel[] = NO_REACTIONS,
  viewerReactions: string[] = NO_KINDS,
): CommentModel {
  const isOwn = viewer !== null && row.authorId === viewer.id;
  const deleted = row.status === 'DELETED';
  // Someone the viewer muted: kept in place (threads stay readable), collapsed, without a body.
  const muted = !deleted && !isOwn && row.mutedAuthor === true;
  const author =
    deleted || !row.authorId || row.authorHandle === null
      ? null
      : {
          id: row.authorId,
          handle: row.authorHandle,
          displayName: row.authorDisplayName ?? row.authorHandle,
          role: row.authorRole ?? 'READER',
          status: row.authorStatus ?? 'ACTIVE',
          createdAt: row.authorCreatedAt ?? row.createdAt,
          email: null,
        };
  return {
    id: row.id,
    threadId: row.threadId,
    parentId: row.parentId,
    authorName: deleted ? '[deleted]' : (row.authorDisplayName ?? row.legacyAuthor ?? 'Anonymous'),
    author,
    legacyNumber: row.legacyNumber,
    postedAt: row.legacyPostedAt ?? row.createdAt,
    bodyHtml: deleted
      ? '<p><em>This comment was deleted.</em></p>'
      : muted
        ? '<p><em>You muted this person.</em></p>'
        : row.bodyHtml,
    bodySource: isOwn && !deleted ? row.bodySource : null,
    status: row.status,
    stance: deleted ? null : row.stance,
    statusReason: isOwn || isStaff(viewer) ? row.statusReason : null,
    statusExplanation: isOwn && row.status !== 'PUBLISHED' ? statusExplanation(row.statusReason) : null,
    muted,
    editedAt: deleted ? null : row.editedAt,
    isOwn,
    replyCount: row.replyCount,
    reactionCount: deleted ? 0 : row.reactionCount,
    reactions: deleted ? NO_REACTIONS : reactions,
    viewerReactions,
  };
}
