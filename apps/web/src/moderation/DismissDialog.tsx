import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../ui/Dialog.tsx';
import { plural } from '../ui/format.ts';

/** Dismisses a comment's open reports without any other decision; the reason goes to the audit log. */
export function DismissDialog({
  reports,
  onConfirm,
  onClose,
}: {
  reports: number;
  onConfirm(reason: string): void;
  onClose(): void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(reason.trim());
  };
  return (
    <Dialog title={`Dismiss ${plural(reports, 'report')}`} onClose={onClose}>
      <form className="modal-form" onSubmit={submit}>
        <p>The comment stays as it is (one the reports hid is published again); its reporters are not told.</p>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason for the audit log (optional)</label>
          <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            Dismiss reports
          </button>
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
