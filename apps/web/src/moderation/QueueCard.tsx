import { memo, useMemo, type Ref } from 'react';
import { Link } from 'react-router';
import { sanitizeCommentHtml } from '../reader/sanitize.ts';
import { formatDateTime, formatRelative, plural } from '../ui/format.ts';
import { FLAG_REASONS } from './queries.ts';
import type { ModerationItem, ModerationScores, SnippetPart } from './types.ts';

const REASON_LABELS = new Map(FLAG_REASONS.map((r) => [r.id, r.label]));

export interface QueueCardActions {
  approve(item: ModerationItem): void;
  reject(item: ModerationItem): void;
  hold(item: ModerationItem): void;
  ban(item: ModerationItem): void;
  dismiss(item: ModerationItem): void;
  history(item: ModerationItem): void;
  toggle(id: string): void;
  focus(id: string): void;
}

interface QueueCardProps {
  item: ModerationItem;
  active: boolean;
  selected: boolean;
  busy: boolean;
  actions: QueueCardActions;
  /** A search result's matching passages. */
  snippet?: SnippetPart[] | undefined;
  ref?: Ref<HTMLElement>;
}

function Html({ html, className }: { html: string; className: string }) {
  const clean = useMemo(() => sanitizeCommentHtml(html), [html]);
  return <div className={className} dangerouslySetInnerHTML={{ __html: clean }} />;
}

/** Reason codes such as APPROVED_BY_PIPELINE read as "Approved by pipeline"; prose stays as is. */
export function humanizeCode(text: string): string {
  if (!/^[A-Z0-9_]+$/.test(text)) return text;
  const words = text.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What the pipeline found, as short facts; empty when it found nothing worth showing. */
export function scoreFacts(scores: ModerationScores | null): string[] {
  if (!scores) return [];
  const facts: string[] = [];
  if (scores.bannedWords.length > 0) facts.push(`Banned words: ${scores.bannedWords.join(', ')}`);
  if (scores.suspectWords.length > 0) facts.push(`Suspect words: ${scores.suspectWords.join(', ')}`);
  if (scores.toxicTerms.length > 0) facts.push(`Toxic terms: ${scores.toxicTerms.join(', ')}`);
  if (scores.spamScore !== null && scores.spamScore > 0) {
    const signals = scores.spamSignals.length > 0 ? ` (${scores.spamSignals.join(', ')})` : '';
    facts.push(`Spam score ${scores.spamScore.toFixed(2)}${signals}`);
  }
  if (scores.linkCount) facts.push(`${plural(scores.linkCount, 'link')}: ${scores.linkDomains.join(', ')}`);
  if (scores.repeatSimilarity !== null && scores.repeatSimilarity > 0) {
    facts.push(`${Math.round(scores.repeatSimilarity * 100)}% like a recent comment`);
  }
  if (scores.historyRejectionRate !== null && scores.historyRejectionRate > 0) {
    facts.push(`${Math.round(scores.historyRejectionRate * 100)}% of recent comments rejected`);
  }
  return facts;
}

/** One comment in a moderation queue, with everything needed to decide on it. */
export const QueueCard = memo(function QueueCard({
  item,
  active,
  selected,
  busy,
  actions,
  snippet,
  ref,
}: QueueCardProps) {
  const { comment, author, passage, parent } = item;
  const facts = scoreFacts(comment.scores);
  const headingId = `mod-${item.id}-title`;
  const name = author?.displayName ?? item.authorName;
  return (
    <article
      ref={ref}
      className={`mod-card${active ? ' is-active' : ''}${selected ? ' is-selected' : ''}${busy ? ' is-busy' : ''}`}
      aria-labelledby={headingId}
      aria-current={active ? 'true' : undefined}
      data-comment-id={item.id}
      tabIndex={-1}
      onFocus={() => actions.focus(item.id)}
    >
      <header className="mod-card-head">
        <input
          type="checkbox"
          className="mod-select"
          checked={selected}
          onChange={() => actions.toggle(item.id)}
          aria-label={`Select the comment by ${name}`}
        />
        <h3 id={headingId} className="mod-author">
          {author ? <Link to={`/moderate/users/${encodeURIComponent(author.id)}`}>{name}</Link> : name}
          {author && <span className="mod-handle"> @{author.handle}</span>}
        </h3>
        {author && (
          <span className="mod-author-facts">
            {author.status !== 'ACTIVE' && (
              <span className={`pill pill-${author.status.toLowerCase()}`}>{author.status.toLowerCase()}</span>
            )}
            {author.premod && <span className="pill pill-held">pre-moderated</span>}
            <span>
              {author.publishedCount} published · {author.rejectedCount} rejected
            </span>
          </span>
        )}
        <span className={`pill pill-${comment.status.toLowerCase()} mod-status`}>{comment.status.toLowerCase()}</span>
      </header>

      <p className="mod-where">
        On{' '}
        <Link to={`/a/${encodeURIComponent(item.article.slug)}/c/${encodeURIComponent(item.id)}`}>
          {item.article.title}
        </Link>
        {' · '}
        <time dateTime={comment.createdAt} title={formatDateTime(comment.createdAt)}>
          {formatRelative(comment.createdAt)}
        </time>
        {comment.editedAt && ' · edited'}
      </p>

      {passage ? (
        <figure className="mod-passage">
          <figcaption>{passage.status === 'ORPHANED' ? 'Passage (no longer in the text)' : 'Passage'}</figcaption>
          <blockquote>
            {passage.before && <span className="mod-context">…{passage.before}</span>}
            <mark>{passage.exact}</mark>
            {passage.after && <span className="mod-context">{passage.after}…</span>}
          </blockquote>
        </figure>
      ) : (
        <p className="mod-page-level">Comment on the whole article</p>
      )}

      {parent && (
        <div className="mod-parent">
          <p className="mod-label">In reply to {parent.authorName}</p>
          <Html html={parent.bodyHtml} className="mod-parent-body" />
        </div>
      )}

      {snippet && snippet.length > 0 && (
        <p className="mod-snippet" aria-label="Matching text">
          {snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
        </p>
      )}

      <Html html={comment.bodyHtml} className="mod-body comment-body" />

      {comment.revisions.length > 0 && (
        <p className="mod-revisions">
          Edited by its author (
          {comment.revisions.length === 1 ? '1 earlier version' : `${comment.revisions.length} earlier versions`}){' '}
          <button type="button" className="button button-ghost button-small" onClick={() => actions.history(item)}>
            Edit history <kbd aria-hidden="true">v</kbd>
          </button>
        </p>
      )}

      {(comment.statusReason || facts.length > 0) && (
        <div className={`mod-pipeline${comment.status === 'PUBLISHED' ? ' is-neutral' : ''}`}>
          <p className="mod-label">Why it is here</p>
          <ul>
            {comment.statusReason && <li>{humanizeCode(comment.statusReason)}</li>}
            {comment.scores?.detail && <li>{comment.scores.detail}</li>}
            {facts.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      )}

      {item.flags.length > 0 && (
        <div className="mod-flags">
          <p className="mod-label">{plural(item.flags.length, 'report')}</p>
          <ul>
            {item.flags.map((flag) => (
              <li key={flag.id}>
                <strong>{REASON_LABELS.get(flag.reason) ?? flag.reason}</strong> by @{flag.reporterHandle}
                {flag.note && <> — “{flag.note}”</>}
              </li>
            ))}
          </ul>
        </div>
      )}

      {item.history.length > 0 && (
        <details className="mod-history">
          <summary>Decision history ({item.history.length})</summary>
          <ol>
            {item.history.map((entry) => (
              <li key={entry.id}>
                <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time> —{' '}
                {entry.actorHandle ? `@${entry.actorHandle}` : 'pipeline'}: {entry.action.toLowerCase()}
                {entry.toStatus && ` → ${entry.toStatus.toLowerCase()}`}
                {entry.reason && ` (${entry.reason})`}
              </li>
            ))}
          </ol>
        </details>
      )}

      {author && author.noteCount > 0 && (
        <details className="mod-notes">
          <summary>
            {plural(author.noteCount, 'moderator note')} on {name}
          </summary>
          <ul>
            {author.notes.map((note) => (
              <li key={note.id}>
                “{note.body}” — @{note.authorHandle},{' '}
                <time dateTime={note.createdAt}>{formatRelative(note.createdAt)}</time>
              </li>
            ))}
          </ul>
          {author.noteCount > author.notes.length && (
            <Link to={`/moderate/users/${encodeURIComponent(author.id)}`}>All notes</Link>
          )}
        </details>
      )}

      <div className="mod-actions" role="group" aria-label={`Decide on the comment by ${name}`}>
        <button type="button" className="button mod-approve" disabled={busy} onClick={() => actions.approve(item)}>
          Approve <kbd aria-hidden="true">a</kbd>
        </button>
        <button type="button" className="button mod-reject" disabled={busy} onClick={() => actions.reject(item)}>
          Reject… <kbd aria-hidden="true">r</kbd>
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => actions.hold(item)}>
          Hold <kbd aria-hidden="true">h</kbd>
        </button>
        {item.flags.length > 0 && (
          <button type="button" className="button" disabled={busy} onClick={() => actions.dismiss(item)}>
            Dismiss reports… <kbd aria-hidden="true">d</kbd>
          </button>
        )}
        {author && author.status !== 'BANNED' && (
          <button type="button" className="button button-ghost" disabled={busy} onClick={() => actions.ban(item)}>
            Ban author… <kbd aria-hidden="true">b</kbd>
          </button>
        )}
      </div>
    </article>
  );
});
