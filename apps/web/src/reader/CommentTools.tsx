import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/errors.ts';
import type { FlagReason, ReactionKind } from '../api/queries.ts';
import type { Comment } from '../api/types.ts';

/** Icons drawn inline (16×16 strokes), so they look the same whatever fonts the reader has. */
const ICONS: Record<ReactionKind, string> = {
  LIKE: 'M5 7v7H2.5V7zM5 7l3-5c1.2 0 1.8.8 1.5 2L9 6.5h3.6c.9 0 1.5.8 1.3 1.6l-1.1 4.6c-.2.7-.8 1.3-1.6 1.3H5',
  INSIGHTFUL:
    'M6 12.5h4M6.5 14.5h3M8 1.5a4.5 4.5 0 0 0-2.6 8.2c.4.3.6.8.6 1.3v.5h4V11c0-.5.2-1 .6-1.3A4.5 4.5 0 0 0 8 1.5',
  AGREE: 'M3 8.5l3 3 7-7',
  DISAGREE: 'M4 4l8 8M12 4l-8 8',
  FUNNY: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13M5.5 9.5c.6 1 1.5 1.5 2.5 1.5s1.9-.5 2.5-1.5M6 6h.01M10 6h.01',
};

export const REACTIONS: ReadonlyArray<{ kind: ReactionKind; label: string }> = [
  { kind: 'LIKE', label: 'Like' },
  { kind: 'INSIGHTFUL', label: 'Insightful' },
  { kind: 'AGREE', label: 'Agree' },
  { kind: 'DISAGREE', label: 'Disagree' },
  { kind: 'FUNNY', label: 'Funny' },
];

function ReactionIcon({ kind }: { kind: ReactionKind }) {
  return (
    <svg className="reaction-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        d={ICONS[kind]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

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
            <ReactionIcon kind={r.kind} />
            <span className="visually-hidden">{n > 0 ? `${r.label}, ` : r.label}</span>
            {n > 0 && <span className="reaction-count">{n}</span>}
          </button>
        ) : (
          <span key={r.kind} className="reaction is-static" title={r.label}>
            <ReactionIcon kind={r.kind} />
            <span className="visually-hidden">{`${r.label}, `}</span>
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
