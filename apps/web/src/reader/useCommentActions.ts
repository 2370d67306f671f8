import { useMemo } from 'react';
import { api } from '../api/client.ts';
import {
  DELETE_COMMENT_MUTATION,
  EDIT_COMMENT_MUTATION,
  FLAG_COMMENT_MUTATION,
  REACT_MUTATION,
  REPLY_MUTATION,
  UNREACT_MUTATION,
  type DeleteCommentResult,
  type EditCommentResult,
  type ReactResult,
  type ReplyResult,
  type UnreactResult,
} from '../api/queries.ts';
import type { Comment } from '../api/types.ts';
import type { CommentActions } from './CommentItem.tsx';

interface CommentStore {
  addComment(comment: Comment): void;
  patchComment(comment: Comment): void;
  removeComment(comment: Comment): void;
}

/**
 * What a comment can do (reply, react, edit, delete, report), each a mutation whose answer is
 * applied to the article in place. `reattach` is offered to staff only.
 */
export function useCommentActions(
  slug: string,
  targetId: string | null,
  { addComment, patchComment, removeComment }: CommentStore,
  reattach: ((threadId: string) => void) | null,
  readOnly = false,
): CommentActions {
  return useMemo<CommentActions>(
    () => ({
      slug,
      targetId,
      reply: async (parentId, body, stance) => {
        const { reply } = await api.request<ReplyResult>(REPLY_MUTATION, {
          input: { parentId, body, ...(stance ? { stance } : {}) },
        });
        addComment(reply);
      },
      react: async (comment, kind, on) => {
        const input = { commentId: comment.id, kind };
        const updated = on
          ? (await api.request<ReactResult>(REACT_MUTATION, { input })).react
          : (await api.request<UnreactResult>(UNREACT_MUTATION, { input })).unreact;
        patchComment(updated);
      },
      edit: async (comment, body, stance) => {
        const { editComment } = await api.request<EditCommentResult>(EDIT_COMMENT_MUTATION, {
          // Left out, the stance stays as it is; null clears it.
          input: { commentId: comment.id, body, ...(stance !== undefined ? { stance } : {}) },
        });
        patchComment(editComment);
      },
      remove: async (comment) => {
        const { deleteComment } = await api.request<DeleteCommentResult>(DELETE_COMMENT_MUTATION, {
          input: { commentId: comment.id },
        });
        // A comment with replies leaves a placeholder; one without disappears.
        if (deleteComment) patchComment(deleteComment);
        else removeComment(comment);
      },
      flag: async (comment, reason, note) => {
        await api.request(FLAG_COMMENT_MUTATION, {
          input: { commentId: comment.id, reason, ...(note ? { note } : {}) },
        });
      },
      ...(reattach ? { reattach } : {}),
      readOnly,
    }),
    [slug, targetId, addComment, patchComment, removeComment, reattach, readOnly],
  );
}
