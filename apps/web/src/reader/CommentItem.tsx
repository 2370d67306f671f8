import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { FlagReason, ReactionKind } from '../api/queries.ts';
import type { Comment, Stance } from '../api/types.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { CommentHistoryDialog } from '../moderation/CommentHistory.tsx';
import { hasProfile, profilePath } from '../profiles/queries.ts';
import { formatDateTime, formatRelative } from '../ui/format.ts';
import { useInternalLinks } from '../ui/useInternalLinks.ts';
import { Composer } from './Composer.tsx';
import { DeleteConfirm, FlagForm, ReactionBar } from './CommentTools.tsx';
import { sanitizeCommentHtml } from './sanitize.ts';
import { SignInPrompt, useCommentPermission } from './SignInPrompt.tsx';
import { StanceBadge } from './StanceBadge.tsx';
import type { CommentNode } from './threads.ts';

export interface CommentActions {
  slug: string;
  /** Comment to emphasise (permalink target). */
  targetId: string | null;
  reply(parentId: string, body: string, stance?: Stance | null): Promise<void>;
  react(comment: Comment, kind: ReactionKind, on: boolean): Promise<void>;
  edit(comment: Comment, body: string, stance?: Stance | null): Promise<void>;
  remove(comment: Comment): Promise<void>;
  flag(comment: Comment, reason: FlagReason, note: string): Promise<void>;
  /** The discussion is closed or archived: no replies, edits or reactions (reports and deletions stay). */
  readOnly?: boolean;
  /** Staff only: start re-attaching an orphaned thread to a passage of the current text. */
  reattach?: (threadId: string) => void;
}

/** Rejections carry a category (REJECTED_SPAM…); say it in words. */
export function describeStatusReason(reason: string): string {
  const match = /^REJECTED_([A-Z_]+)$/.exec(reason);
  if (!match) return reason;
  const words: Record<string, string> = {
    SPAM: 'spam',
    ABUSE: 'abuse or harassment',
    OFFENSIVE: 'offensive content',
    MISINFORMATION: 'misinformation',
    OFF_TOPIC: 'being off topic',
    OTHER: 'breaking the discussion guidelines',
  };
  return `A moderator removed this comment for ${words[match[1]!] ?? match[1]!.toLowerCase().replace(/_/g, ' ')}.`;
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
  const onClick = useInternalLinks();
  if (comment.status === 'DELETED') return <p className="comment-removed">This comment was deleted.</p>;
  if (comment.muted) {
    return (
      <p className="comment-muted">
        You muted this person. <Link to="/settings/muted">Manage muted people</Link>
      </p>
    );
  }
  // The click handler only routes mention links; the links themselves are the keyboard access.
  return <div className="comment-body" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The author's name, linked to their profile (imported and deleted authors have none). */
function AuthorName({ comment }: { comment: Comment }) {
  const name = comment.author?.displayName ?? comment.authorName;
  if (!comment.author || !hasProfile(comment.author.handle)) return <>{name}</>;
  return (
    <Link className="comment-author-link" to={profilePath(comment.author.handle)}>
      {name}
    </Link>
  );
}

export function CommentItem({ node, actions, depth }: { node: CommentNode; actions: CommentActions; depth: number }) {
  const { comment, children } = node;
  const permission = useCommentPermission();
  const [mode, setMode] = useState<'idle' | 'reply' | 'edit' | 'delete' | 'flag'>('idle');
  const [flagged, setFlagged] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const { user } = useAuth();
  const staff = user?.role === 'MODERATOR' || user?.role === 'ADMIN';
  const replying = mode === 'reply';
  const setReplying = (on: boolean) => setMode(on ? 'reply' : 'idle');
  const canBeRepliedTo = comment.status === 'PUBLISHED';
  const signedIn = permission !== 'anonymous';
  const live = comment.status !== 'DELETED' && comment.status !== 'REJECTED';
  const name = comment.author?.displayName ?? comment.authorName;
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
            <AuthorName comment={comment} />
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
          {comment.editedAt &&
            (comment.isOwn || staff ? (
              <button
                type="button"
                className="comment-edited link-button"
                onClick={() => setShowHistory(true)}
                aria-label="Edited: show the edit history"
              >
                edited
              </button>
            ) : (
              <span className="comment-edited">edited</span>
            ))}
          <StanceBadge comment={comment} />
          <StatusBadge comment={comment} />
        </header>
        {mode === 'edit' ? (
          <Composer
            label="Edit your comment"
            submitLabel="Save"
            initialValue={comment.bodySource ?? ''}
            stanceToward={comment.parentId ? 'comment' : 'passage'}
            initialStance={comment.stance ?? null}
            autoFocus
            onCancel={() => setMode('idle')}
            onSubmit={async (body, stance) => {
              await actions.edit(comment, body, stance);
              setMode('idle');
            }}
          />
        ) : (
          <CommentBody comment={comment} />
        )}
        {comment.statusReason && comment.status !== 'PUBLISHED' && (
          <p className="comment-status-reason">
            {comment.statusExplanation ?? describeStatusReason(comment.statusReason)}
          </p>
        )}
        {comment.status === 'PUBLISHED' && (
          <ReactionBar
            comment={comment}
            canReact={permission === 'allowed' && !comment.isOwn && !actions.readOnly}
            onReact={(kind, on) => actions.react(comment, kind, on)}
          />
        )}
        {mode === 'idle' && live && (
          <div className="comment-actions">
            {canBeRepliedTo && !actions.readOnly && (
              <button type="button" className="link-button" onClick={() => setReplying(true)}>
                Reply<span className="visually-hidden"> to {name}</span>
              </button>
            )}
            {comment.isOwn && comment.bodySource != null && !actions.readOnly && (
              <button type="button" className="link-button" onClick={() => setMode('edit')}>
                Edit<span className="visually-hidden"> your comment</span>
              </button>
            )}
            {comment.isOwn && (
              <button type="button" className="link-button" onClick={() => setMode('delete')}>
                Delete<span className="visually-hidden"> your comment</span>
              </button>
            )}
            {signedIn && !comment.isOwn && canBeRepliedTo && !flagged && (
              <button type="button" className="link-button link-quiet" onClick={() => setMode('flag')}>
                Report<span className="visually-hidden"> the comment by {name}</span>
              </button>
            )}
            {flagged && (
              <span className="comment-flagged" role="status">
                Reported — thank you. Moderators will review it.
              </span>
            )}
          </div>
        )}
        {mode === 'delete' && (
          <DeleteConfirm onDelete={() => actions.remove(comment)} onCancel={() => setMode('idle')} />
        )}
        {mode === 'flag' && (
          <FlagForm
            onCancel={() => setMode('idle')}
            onFlag={async (reason, note) => {
              await actions.flag(comment, reason, note);
              setFlagged(true);
              setMode('idle');
            }}
          />
        )}
        {replying &&
          (permission === 'allowed' ? (
            <Composer
              label={`Reply to ${comment.author?.displayName ?? comment.authorName}`}
              placeholder="Write a reply…"
              submitLabel="Reply"
              stanceToward="comment"
              autoFocus
              onCancel={() => setReplying(false)}
              onSubmit={async (body, stance) => {
                await actions.reply(comment.id, body, stance);
                setReplying(false);
              }}
            />
          ) : (
            <SignInPrompt action="reply" onCancel={() => setReplying(false)} />
          ))}
      </article>
      {children.length > 0 && <CommentList nodes={children} actions={actions} depth={depth + 1} />}
      {showHistory && <CommentHistoryDialog commentId={comment.id} onClose={() => setShowHistory(false)} />}
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
