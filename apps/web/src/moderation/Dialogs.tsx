import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../ui/Dialog.tsx';
import { FLAG_REASONS } from './queries.ts';
import { SHORTCUTS } from './keyboard.ts';
import type { FlagReason } from './types.ts';

export function RejectDialog({
  count,
  defaultCategory,
  onConfirm,
  onClose,
}: {
  count: number;
  defaultCategory: FlagReason;
  onConfirm(category: FlagReason, note: string): void;
  onClose(): void;
}) {
  const id = useId();
  const [category, setCategory] = useState<FlagReason>(defaultCategory);
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(category, note.trim());
  };
  return (
    <Dialog title={count === 1 ? 'Reject this comment' : `Reject ${count} comments`} onClose={onClose}>
      <form className="modal-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-category`}>Reason (its author sees this)</label>
          <select id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value as FlagReason)}>
            {FLAG_REASONS.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>Note for the audit log (optional)</label>
          <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            Reject
          </button>
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function BanDialog({
  name,
  onConfirm,
  onClose,
}: {
  name: string;
  onConfirm(reason: string, rejectComments: boolean): void;
  onClose(): void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [rejectComments, setRejectComments] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Say why; the user is shown this reason.');
      return;
    }
    onConfirm(reason.trim(), rejectComments);
  };
  return (
    <Dialog title={`Ban ${name}`} onClose={onClose}>
      <form className="modal-form" onSubmit={submit} noValidate>
        <p>They are signed out and cannot sign in again until reinstated.</p>
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-reason`}>Reason</label>
          <input
            id={`${id}-reason`}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            maxLength={500}
          />
          {error && (
            <p id={`${id}-error`} className="field-error">
              {error}
            </p>
          )}
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={rejectComments} onChange={(e) => setRejectComments(e.target.checked)} />
          Also reject all of their comments
        </label>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            Ban
          </button>
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.command}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
