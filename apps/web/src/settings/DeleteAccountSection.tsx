import { useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { ApiError, errorMessage } from '../api/errors.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { DELETE_ACCOUNT_MUTATION, type DeleteAccountResult, type DeletedCommentsChoice } from '../profiles/queries.ts';
import { Field, focusFirstInvalid } from '../ui/Field.tsx';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import { useQuery } from '../ui/useQuery.ts';

const CONFIRMATION_QUERY = `query DeleteConfirmation { me { id handle hasPassword } }`;
type ConfirmationResult = { me: { id: string; handle: string; hasPassword: boolean } | null };

/**
 * Deleting one's account: what it does, what becomes of the comments, and the confirmation —
 * the password, or, for an account a publisher's sign-on made (it has none), the handle typed.
 * `onDeleted` replaces the goodbye page (the embed's panel stays where it is).
 */
export default function DeleteAccountSection({ onDeleted }: { onDeleted?: () => void } = {}) {
  const confirmation = useQuery('delete-confirmation', (signal) =>
    api.request<ConfirmationResult>(CONFIRMATION_QUERY, undefined, { signal }),
  );
  const me = confirmation.data?.me;
  if (confirmation.status === 'error' && !me) {
    return <ErrorState error={confirmation.error} onRetry={confirmation.reload} title="Could not load your account" />;
  }
  if (!me) return <Loading label="Loading your account…" />;
  return <DeleteAccountForm handle={me.handle} withPassword={me.hasPassword} {...(onDeleted ? { onDeleted } : {})} />;
}

type Errors = { password?: string; confirmHandle?: string; confirm?: string };

function DeleteAccountForm({
  handle,
  withPassword,
  onDeleted,
}: {
  handle: string;
  withPassword: boolean;
  onDeleted?: () => void;
}) {
  const { logout } = useAuth();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const choicesId = useId();
  const [comments, setComments] = useState<DeletedCommentsChoice>('KEEP_AS_DELETED_USER');
  const [secret, setSecret] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const field = withPassword ? 'password' : 'confirmHandle';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const found: Errors = {};
    if (!secret)
      found[field] = withPassword ? 'Enter your password to confirm.' : `Type your handle, ${handle}, to confirm.`;
    if (!confirmed) found.confirm = 'Tick the box to confirm that you understand.';
    setErrors(found);
    if (found[field] || found.confirm) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setDeleting(true);
    try {
      await api.request<DeleteAccountResult>(DELETE_ACCOUNT_MUTATION, { input: { [field]: secret, comments } });
    } catch (error) {
      setDeleting(false);
      const message = error instanceof ApiError ? error.fieldErrors()[field] : undefined;
      if (message) setErrors({ [field]: message });
      else setFormError(errorMessage(error));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    // The server has ended every session; this forgets it here (and in other tabs).
    await logout();
    if (onDeleted) onDeleted();
    else void navigate('/goodbye', { replace: true });
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
        {withPassword ? (
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={secret}
            onChange={(e) => {
              setSecret(e.target.value);
              setErrors((x) => ({ ...x, password: undefined }));
            }}
            error={errors.password}
            required
          />
        ) : (
          <Field
            label="Your handle"
            name="confirmHandle"
            autoComplete="off"
            hint={`You sign in through a publisher’s site, so there is no password: type ${handle} to confirm.`}
            value={secret}
            onChange={(e) => {
              setSecret(e.target.value);
              setErrors((x) => ({ ...x, confirmHandle: undefined }));
            }}
            error={errors.confirmHandle}
            required
          />
        )}
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
