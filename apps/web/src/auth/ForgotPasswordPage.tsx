import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { ApiError, errorMessage } from '../api/errors.ts';
import { Field, focusFirstInvalid } from '../ui/Field.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { REQUEST_PASSWORD_RESET_MUTATION } from './accountQueries.ts';

/** /forgot-password: asks for a reset link. The answer is the same whether or not the address has an account. */
export default function ForgotPasswordPage() {
  useDocumentTitle('Forgot password');
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = email.trim();
    setFormError(null);
    if (!/^[^\s@]+@[^\s@]+$/.test(address)) {
      setError('Enter the email address of your account.');
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setError(undefined);
    setSubmitting(true);
    try {
      await api.request(REQUEST_PASSWORD_RESET_MUTATION, { email: address });
      setSentTo(address);
    } catch (caught) {
      const field = caught instanceof ApiError ? caught.fieldErrors().email : undefined;
      if (field) setError(field);
      else setFormError(errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="auth-page">
      <h1>Forgot your password?</h1>
      {sentTo ? (
        <div className="notice" role="status">
          <p>
            If an account uses <strong>{sentTo}</strong>, we sent it a link to choose a new password. The link works
            once, for one hour.
          </p>
          <p>Nothing arrived after a few minutes? Check the spam folder, or the address you typed.</p>
          <p>
            <Link to="/login">Back to sign in</Link>
          </p>
        </div>
      ) : (
        <>
          <p>Enter the address of your account: we will mail you a link to choose a new password.</p>
          <form ref={formRef} className="auth-form" onSubmit={submit} noValidate>
            {formError && (
              <p className="form-alert" role="alert">
                {formError}
              </p>
            )}
            <Field
              label="Email"
              name="email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                setError(undefined);
              }}
              error={error}
              required
            />
            <button type="submit" className="button button-primary" disabled={submitting}>
              {submitting ? 'Sending…' : 'Send me a link'}
            </button>
          </form>
          <p className="auth-switch">
            Remembered it? <Link to="/login">Sign in</Link>
          </p>
        </>
      )}
    </div>
  );
}
