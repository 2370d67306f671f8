import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Comment } from '../api/types.ts';
import { formatDateTime, formatRelative } from '../ui/format.ts';
import { Composer } from './Composer.tsx';
import { sanitizeCommentHtml } from './sanitize.ts';
import { SignInPrompt, useCommentPermission } from './SignInPrompt.tsx';
import type { CommentNode } from './threads.ts';

export interface CommentActions {
  slug: string;
  /** Comment to emphasise (permalink target). */
  targetId: string | null;
  reply(parentId: string, body: string): Promise<void>;
}

const STATUS_BADGES: Partial<Record<Comment['status'], string>> = {
  PENDING: 'Awaiting moderation',
  HELD: 'Awaiting moderation',
  REJECTED: 'Not published',
};

export function StatusBadge({ comment }: { comment: Comment }) {
  const label = STATUS_BADGES[comment.status];
  if (!label) return null;
  return (
    <span className={`status-badge status-${comment.status.toLowerCase()}`} title={comment.statusReason ?? undefined}>
      {label}
    </span>
  );
}

function CommentBody({ comment }: { comment: Comment }) {
  const html = useMemo(() => sanitizeCommentHtml(comment.bodyHtml), [comment.bodyHtml]);
  if (comment.status === 'DELETED') return <p className="comment-removed">This comment was deleted.</p>;
  return <div className="comment-body" dangerouslySetInnerHTML={{ __html: html }} />;
}

function Reactions({ comment }: { comment: Comment }) {
  const visible = comment.reactions.filter((r) => r.count > 0);
  if (visible.length === 0) return null;
  return (
    <ul className="reactions" aria-label="Reactions">
      {visible.map((r) => (
        <li key={r.kind} className={comment.viewerReactions.includes(r.kind) ? 'is-mine' : undefined}>
          {r.kind} <span className="reaction-count">{r.count}</span>
        </li>
      ))}
    </ul>
  );
}

export function CommentItem({ node, actions, depth }: { node: CommentNode; actions: CommentActions; depth: number }) {
  const { comment, children } = node;
  const permission = useCommentPermission();
  const [replying, setReplying] = useState(false);
  const canBeRepliedTo = comment.status === 'PUBLISHED';
  const headingId = `comment-${comment.id}-author`;
  const isTarget = actions.targetId === comment.id;

  return (
    <li
      className={`comment${isTarget ? ' is-target' : ''}${comment.isOwn ? ' is-own' : ''}`}
      data-depth={Math.min(depth, 4)}
    >
      <article id={`comment-${comment.id}`} tabIndex={-1} aria-labelledby={headingId}>
        <header className="comment-meta">
          <span id={headingId} className="comment-author">
            {comment.author?.displayName ?? comment.authorName}
            {comment.isOwn && <span className="comment-you"> · you</span>}
          </span>
          {comment.author && comment.author.role !== 'READER' && (
            <span className="role-badge">{comment.author.role === 'ADMIN' ? 'Admin' : 'Moderator'}</span>
          )}
          {comment.legacyNumber !== null && <span className="legacy-number">#{comment.legacyNumber}</span>}
          <Link
            className="comment-time"
            to={`/a/${encodeURIComponent(actions.slug)}/c/${encodeURIComponent(comment.id)}`}
            title={`${formatDateTime(comment.postedAt)} — link to this comment`}
          >
            <time dateTime={comment.postedAt}>{formatRelative(comment.postedAt)}</time>
          </Link>
          {comment.editedAt && <span className="comment-edited">edited</span>}
          <StatusBadge comment={comment} />
        </header>
        <CommentBody comment={comment} />
        {comment.statusReason && comment.status !== 'PUBLISHED' && (
          <p className="comment-status-reason">{comment.statusReason}</p>
        )}
        <Reactions comment={comment} />
        {canBeRepliedTo && !replying && (
          <div className="comment-actions">
            <button
              type="button"
              className="link-button"
              onClick={() => setReplying(true)}
              aria-label={`Reply to ${comment.author?.displayName ?? comment.authorName}`}
            >
              Reply
            </button>
          </div>
        )}
        {replying &&
          (permission === 'allowed' ? (
            <Composer
              label={`Reply to ${comment.author?.displayName ?? comment.authorName}`}
              placeholder="Write a reply…"
              submitLabel="Reply"
              autoFocus
              onCancel={() => setReplying(false)}
              onSubmit={async (body) => {
                await actions.reply(comment.id, body);
                setReplying(false);
              }}
            />
          ) : (
            <SignInPrompt action="reply" onCancel={() => setReplying(false)} />
          ))}
      </article>
      {children.length > 0 && <CommentList nodes={children} actions={actions} depth={depth + 1} />}
    </li>
  );
}

export function CommentList({
  nodes,
  actions,
  depth = 0,
}: {
  nodes: CommentNode[];
  actions: CommentActions;
  depth?: number;
}) {
  return (
    <ol className={depth === 0 ? 'comment-list' : 'comment-replies'}>
      {nodes.map((node) => (
        <CommentItem key={node.comment.id} node={node} actions={actions} depth={depth} />
      ))}
    </ol>
  );
}
