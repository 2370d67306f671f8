import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { formatRelative } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import { useQuery } from '../ui/useQuery.ts';
import {
  ADD_USER_NOTE_MUTATION,
  DELETE_USER_NOTE_MUTATION,
  USER_NOTES_QUERY,
  type AddUserNoteResult,
  type UserNotesResult,
} from './queries.ts';

/** Moderators' private notes on a user: never shown to the user. Add one; delete your own. */
export function UserNotes({ userId }: { userId: string }) {
  const id = useId();
  const { user: viewer } = useAuth();
  const notes = useQuery(`notes-${userId}`, (signal) =>
    api.request<UserNotesResult>(USER_NOTES_QUERY, { userId }, { signal }),
  );
  const [body, setBody] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setMessage({ text: 'Write the note first.', error: true });
      return;
    }
    setSaving(true);
    setMessage(null);
    try {
      const { addUserNote } = await api.request<AddUserNoteResult>(ADD_USER_NOTE_MUTATION, {
        input: { userId, body: body.trim() },
      });
      notes.update((d) => ({ userNotes: [addUserNote, ...d.userNotes] }));
      setBody('');
      setMessage({ text: 'Note added.', error: false });
    } catch (error) {
      setMessage({ text: errorMessage(error), error: true });
    } finally {
      setSaving(false);
    }
  };

  const remove = async (noteId: string) => {
    try {
      await api.request(DELETE_USER_NOTE_MUTATION, { noteId });
      notes.update((d) => ({ userNotes: d.userNotes.filter((n) => n.id !== noteId) }));
      setMessage({ text: 'Note deleted.', error: false });
    } catch (error) {
      setMessage({ text: errorMessage(error), error: true });
    }
  };

  return (
    <section className="admin-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Moderator notes</h2>
      <p className="muted">Private to moderators; the user never sees them.</p>
      <form className="import-form" onSubmit={(e) => void add(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-body`}>New note</label>
          <textarea
            id={`${id}-body`}
            value={body}
            maxLength={2000}
            rows={3}
            onChange={(e) => setBody(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            Add note
          </button>
          {message && (
            <span role={message.error ? 'alert' : 'status'} className={message.error ? 'field-error' : 'muted'}>
              {message.text}
            </span>
          )}
        </div>
      </form>
      {notes.status === 'error' && !notes.data ? (
        <ErrorState error={notes.error} onRetry={notes.reload} title="Could not load the notes" />
      ) : !notes.data ? (
        <Loading label="Loading the notes…" />
      ) : notes.data.userNotes.length === 0 ? (
        <p className="empty-note">No notes yet.</p>
      ) : (
        <ul className="note-list">
          {notes.data.userNotes.map((note) => (
            <li key={note.id}>
              <p>{note.body}</p>
              <p className="muted">
                @{note.authorHandle} · <time dateTime={note.createdAt}>{formatRelative(note.createdAt)}</time>
                {note.authorId === viewer?.id && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="button button-ghost button-small"
                      onClick={() => void remove(note.id)}
                    >
                      Delete<span className="visually-hidden"> this note</span>
                    </button>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
