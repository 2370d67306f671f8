import { useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { ApiError, errorMessage } from '../api/errors.ts';
import { ACCOUNT_EMAIL_QUERY, CHANGE_EMAIL_MUTATION, type AccountEmailResult } from '../auth/accountQueries.ts';
import { ResendVerification } from '../auth/ResendVerification.tsx';
import { Field, focusFirstInvalid } from '../ui/Field.tsx';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import { useQuery } from '../ui/useQuery.ts';

type EmailField = 'newEmail' | 'password';

/**
 * Settings → Email: the address and whether it is verified (with a new link on request), and a
 * change of address, which takes effect when the link mailed to the new address is followed.
 */
export default function EmailSection() {
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const account = useQuery('account-email', (signal) =>
    api.request<AccountEmailResult>(ACCOUNT_EMAIL_QUERY, {}, { signal }),
  );
  const [values, setValues] = useState({ newEmail: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<EmailField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const me = account.data?.me;

  const change = (field: EmailField) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const newEmail = values.newEmail.trim();
    const found: Partial<Record<EmailField, string>> = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(newEmail)) found.newEmail = 'Enter the new address.';
    if (!values.password) found.password = 'Enter your password.';
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setSubmitting(true);
    try {
      await api.request(CHANGE_EMAIL_MUTATION, { input: { newEmail, password: values.password } });
      setSentTo(newEmail);
      setValues({ newEmail: '', password: '' });
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldErrors() : {};
      const known = { newEmail: fields.newEmail, password: fields.password };
      setErrors(known);
      if (!known.newEmail && !known.password) setFormError(errorMessage(caught));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Email</h2>
      {account.status === 'error' && !me ? (
        <ErrorState error={account.error} onRetry={account.reload} title="Could not load your address" />
      ) : !me ? (
        <Loading label="Loading your address…" />
      ) : (
        <p className="settings-email">
          Your address: <strong>{me.email}</strong>{' '}
          {me.emailVerified ? (
            <span className="pill pill-active">verified</span>
          ) : (
            <>
              <span className="pill pill-pending">not verified</span>
              <br />
              Follow the link we mailed you to verify it (needed to comment). <ResendVerification />
            </>
          )}
        </p>
      )}
      <form ref={formRef} className="auth-form" onSubmit={submit} noValidate>
        <p className="field-hint">
          To change it, we mail a link to the new address; your address changes when you follow it. We also tell the
          current address.
        </p>
        {formError && (
          <p className="form-alert" role="alert">
            {formError}
          </p>
        )}
        <Field
          label="New address"
          name="newEmail"
          type="email"
          autoComplete="email"
          value={values.newEmail}
          onChange={change('newEmail')}
          error={errors.newEmail}
          required
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={change('password')}
          error={errors.password}
          required
        />
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? 'Sending…' : 'Change address'}
        </button>
        <p role="status" className="settings-saved">
          {sentTo && (
            <>
              We sent a link to <strong>{sentTo}</strong>. Your address changes when you follow it (within 48 hours).
            </>
          )}
        </p>
      </form>
    </section>
  );
}
