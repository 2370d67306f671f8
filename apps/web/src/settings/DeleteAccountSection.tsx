import { useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { ApiError, errorMessage } from '../api/errors.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { DELETE_ACCOUNT_MUTATION, type DeleteAccountResult, type DeletedCommentsChoice } from '../profiles/queries.ts';
import { Field, focusFirstInvalid } from '../ui/Field.tsx';

/** Deleting one's account: what it does, what becomes of the comments, the password to confirm. */
export default function DeleteAccountSection() {
  const { logout } = useAuth();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const choicesId = useId();
  const [comments, setComments] = useState<DeletedCommentsChoice>('KEEP_AS_DELETED_USER');
  const [password, setPassword] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const found: { password?: string; confirm?: string } = {};
    if (!password) found.password = 'Enter your password to confirm.';
    if (!confirmed) found.confirm = 'Tick the box to confirm that you understand.';
    setErrors(found);
    if (found.password || found.confirm) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setDeleting(true);
    try {
      await api.request<DeleteAccountResult>(DELETE_ACCOUNT_MUTATION, { input: { password, comments } });
    } catch (error) {
      setDeleting(false);
      const field = error instanceof ApiError ? error.fieldErrors()['password'] : undefined;
      if (field) setErrors({ password: field });
      else setFormError(errorMessage(error));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    // The server has ended every session; this forgets it here (and in other tabs).
    await logout();
    void navigate('/goodbye', { replace: true });
  }

  return (
    <section aria-labelledby="settings-delete-title">
      <h2 id="settings-delete-title">Delete account</h2>
      <p>Deleting your account cannot be undone. At once:</p>
      <ul>
        <li>your email address, name, handle, bio and password are erased, and you are signed out everywhere;</li>
        <li>your notifications, notification settings and pending email links are deleted;</li>
        <li>your name is taken out of notifications and moderation notes that mention it;</li>
        <li>your handle becomes free, and links to your profile stop working.</li>
      </ul>
      <p>Consider downloading your data first (see “Your data”).</p>
      <form ref={formRef} className="auth-form" onSubmit={submit} noValidate>
        {formError && (
          <p className="form-alert" role="alert">
            {formError}
          </p>
        )}
        <fieldset className="settings-choices" aria-describedby={`${choicesId}-hint`}>
          <legend>Your comments</legend>
          <label>
            <input
              type="radio"
              name="comments"
              value="KEEP_AS_DELETED_USER"
              checked={comments === 'KEEP_AS_DELETED_USER'}
              onChange={() => setComments('KEEP_AS_DELETED_USER')}
            />{' '}
            Keep them, signed “a deleted user”
          </label>
          <label>
            <input
              type="radio"
              name="comments"
              value="REMOVE"
              checked={comments === 'REMOVE'}
              onChange={() => setComments('REMOVE')}
            />{' '}
            Remove them (where others replied, “This comment was deleted” keeps the conversation readable)
          </label>
          <p id={`${choicesId}-hint`} className="field-hint">
            Reactions you gave and reports you filed stay, no longer linked to anything about you.
          </p>
        </fieldset>
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setErrors((x) => ({ ...x, password: undefined }));
          }}
          error={errors.password}
          required
        />
        <div className={`field${errors.confirm ? ' field-invalid' : ''}`}>
          <label>
            <input
              type="checkbox"
              checked={confirmed}
              aria-invalid={errors.confirm ? true : undefined}
              aria-describedby={errors.confirm ? `${choicesId}-confirm-error` : undefined}
              onChange={(e) => {
                setConfirmed(e.target.checked);
                setErrors((x) => ({ ...x, confirm: undefined }));
              }}
            />{' '}
            I understand that my account will be deleted for good
          </label>
          {errors.confirm && (
            <p id={`${choicesId}-confirm-error`} className="field-error">
              {errors.confirm}
            </p>
          )}
        </div>
        <button type="submit" className="button button-danger" disabled={deleting}>
          {deleting ? 'Deleting…' : 'Delete my account'}
        </button>
      </form>
    </section>
  );
}
