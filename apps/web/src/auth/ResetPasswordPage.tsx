import { useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { ApiError, errorMessage } from '../api/errors.ts';
import { Field, focusFirstInvalid } from '../ui/Field.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import {
  LINK_PROBLEMS,
  MIN_PASSWORD_LENGTH,
  RESET_PASSWORD_MUTATION,
  type ResetPasswordResult,
} from './accountQueries.ts';
import { useAuth } from './AuthContext.tsx';

/** /reset-password?token=…: a new password from the mailed link; signs in, every other session ends. */
export default function ResetPasswordPage() {
  useDocumentTitle('Choose a new password');
  const { accept } = useAuth();
  const [params] = useSearchParams();
  const token = params.get('token');
  const formRef = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [linkProblem, setLinkProblem] = useState<string | null>(
    token ? null : 'This link has no token: copy the whole link from the message.',
  );
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    if (password.length < MIN_PASSWORD_LENGTH) {
      setError(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setError(undefined);
    setSubmitting(true);
    try {
      const data = await api.request<ResetPasswordResult>(RESET_PASSWORD_MUTATION, { input: { token, password } });
      accept(data.resetPassword);
      setDone(true);
    } catch (caught) {
      const code = caught instanceof ApiError ? caught.code : '';
      if (code in LINK_PROBLEMS) setLinkProblem(LINK_PROBLEMS[code]!);
      else if (caught instanceof ApiError && caught.fieldErrors().password) setError(caught.fieldErrors().password);
      else setFormError(errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  }

  if (done) {
    return (
      <div className="auth-page">
        <h1>Choose a new password</h1>
        <div className="notice" role="status">
          <p>Your password is changed and you are signed in. Every other sign-in of your account has ended.</p>
          <p>
            <Link className="button button-primary" to="/">
              Browse articles
            </Link>
          </p>
        </div>
      </div>
    );
  }

  if (linkProblem) {
    return (
      <div className="auth-page">
        <h1>Choose a new password</h1>
        <div className="form-alert" role="alert">
          <p>{linkProblem}</p>
          <p>
            <Link to="/forgot-password">Ask for a new link</Link>
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="auth-page">
      <h1>Choose a new password</h1>
      <form ref={formRef} className="auth-form" onSubmit={submit} noValidate>
        {formError && (
          <p className="form-alert" role="alert">
            {formError}
          </p>
        )}
        <Field
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. Every other sign-in of your account ends.`}
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setError(undefined);
          }}
          error={error}
          required
        />
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? 'Saving…' : 'Save and sign in'}
        </button>
      </form>
    </div>
  );
}
