import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/errors.ts';
import type { FlagReason, ReactionKind } from '../api/queries.ts';
import type { Comment } from '../api/types.ts';

export const REACTIONS: ReadonlyArray<{ kind: ReactionKind; emoji: string; label: string }> = [
  { kind: 'LIKE', emoji: '👍', label: 'Like' },
  { kind: 'INSIGHTFUL', emoji: '💡', label: 'Insightful' },
  { kind: 'AGREE', emoji: '✓', label: 'Agree' },
  { kind: 'DISAGREE', emoji: '✗', label: 'Disagree' },
  { kind: 'FUNNY', emoji: '😄', label: 'Funny' },
];

const FLAG_REASONS: ReadonlyArray<{ id: FlagReason; label: string }> = [
  { id: 'SPAM', label: 'Spam' },
  { id: 'ABUSE', label: 'Abuse or harassment' },
  { id: 'OFFENSIVE', label: 'Offensive' },
  { id: 'MISINFORMATION', label: 'Misinformation' },
  { id: 'OFF_TOPIC', label: 'Off topic' },
  { id: 'OTHER', label: 'Something else' },
];

/**
 * Reaction toggles with counts. Readers who cannot react (signed out, own comment) see the
 * counts only.
 */
export function ReactionBar({
  comment,
  canReact,
  onReact,
}: {
  comment: Comment;
  canReact: boolean;
  onReact(kind: ReactionKind, on: boolean): Promise<void>;
}) {
  const [pending, setPending] = useState<ReactionKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const count = (kind: string) => comment.reactions.find((r) => r.kind === kind)?.count ?? 0;
  const shown = canReact ? REACTIONS : REACTIONS.filter((r) => count(r.kind) > 0);
  if (shown.length === 0) return null;
  return (
    <div className="reactions" role="group" aria-label="Reactions">
      {shown.map((r) => {
        const mine = comment.viewerReactions.includes(r.kind);
        const n = count(r.kind);
        return canReact ? (
          <button
            key={r.kind}
            type="button"
            className={`reaction${mine ? ' is-mine' : ''}`}
            aria-pressed={mine}
            title={r.label}
            disabled={pending !== null}
            onClick={() => {
              setPending(r.kind);
              setError(null);
              onReact(r.kind, !mine)
                .catch((caught: unknown) => setError(errorMessage(caught)))
                .finally(() => setPending(null));
            }}
          >
            <span aria-hidden="true">{r.emoji}</span>
            <span className="visually-hidden">{r.label}</span>
            {n > 0 && <span className="reaction-count">{n}</span>}
          </button>
        ) : (
          <span key={r.kind} className="reaction is-static" title={r.label}>
            <span aria-hidden="true">{r.emoji}</span>
            <span className="visually-hidden">{r.label}</span>
            <span className="reaction-count">{n}</span>
          </span>
        );
      })}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** Reporting a comment to the moderators, with a reason and an optional note. */
export function FlagForm({
  onFlag,
  onCancel,
}: {
  onFlag(reason: FlagReason, note: string): Promise<void>;
  onCancel(): void;
}) {
  const id = useId();
  const [reason, setReason] = useState<FlagReason | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason) {
      setError('Choose a reason.');
      return;
    }
    setSending(true);
    setError(null);
    try {
      await onFlag(reason, note.trim());
    } catch (caught) {
      setError(errorMessage(caught));
      setSending(false);
    }
  };
  return (
    <form className="flag-form" onSubmit={submit} noValidate aria-label="Report this comment">
      <fieldset>
        <legend>Why should moderators look at this?</legend>
        {FLAG_REASONS.map((r) => (
          <label key={r.id} className="flag-reason">
            <input
              type="radio"
              name={`${id}-reason`}
              value={r.id}
              checked={reason === r.id}
              onChange={() => {
                setReason(r.id);
                setError(null);
              }}
            />
            {r.label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-note`} className="flag-note-label">
        Anything moderators should know? (optional)
      </label>
      <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="composer-actions">
        <button type="button" className="button button-ghost" onClick={onCancel} disabled={sending}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={sending}>
          {sending ? 'Reporting…' : 'Report'}
        </button>
      </div>
    </form>
  );
}

/** Two-step delete: the first click asks, the second deletes. */
export function DeleteConfirm({ onDelete, onCancel }: { onDelete(): Promise<void>; onCancel(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  return (
    <div className="delete-confirm" role="group" aria-label="Confirm deletion">
      <span>Delete this comment?</span>
      <button
        type="button"
        className="button button-primary"
        disabled={deleting}
        autoFocus
        onClick={() => {
          setDeleting(true);
          onDelete().catch((caught: unknown) => {
            setError(errorMessage(caught));
            setDeleting(false);
          });
        }}
      >
        Delete
      </button>
      <button type="button" className="button button-ghost" onClick={onCancel} disabled={deleting}>
        Keep it
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
