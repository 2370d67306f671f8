import { useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { ApiError, errorMessage } from '../api/errors.ts';
import { CHANGE_PASSWORD_MUTATION, MIN_PASSWORD_LENGTH, type ChangePasswordResult } from '../auth/accountQueries.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { Field, focusFirstInvalid } from '../ui/Field.tsx';

type PasswordField = 'currentPassword' | 'newPassword';

/** Settings → Password: the current password and a new one; every other sign-in ends. */
export default function PasswordSection() {
  const { accept } = useAuth();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [errors, setErrors] = useState<Partial<Record<PasswordField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const change = (field: PasswordField) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setSaved(false);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const found: Partial<Record<PasswordField, string>> = {};
    if (!values.currentPassword) found.currentPassword = 'Enter your current password.';
    if (values.newPassword.length < MIN_PASSWORD_LENGTH)
      found.newPassword = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setSubmitting(true);
    try {
      const data = await api.request<ChangePasswordResult>(CHANGE_PASSWORD_MUTATION, { input: values });
      accept(data.changePassword);
      setValues({ currentPassword: '', newPassword: '' });
      setSaved(true);
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldErrors() : {};
      const known = { currentPassword: fields.currentPassword, newPassword: fields.newPassword };
      setErrors(known);
      if (!known.currentPassword && !known.newPassword) setFormError(errorMessage(caught));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Password</h2>
      <form ref={formRef} className="auth-form" onSubmit={submit} noValidate>
        {formError && (
          <p className="form-alert" role="alert">
            {formError}
          </p>
        )}
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={change('currentPassword')}
          error={errors.currentPassword}
          required
        />
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. Your other sign-ins (other browsers, devices) end.`}
          value={values.newPassword}
          onChange={change('newPassword')}
          error={errors.newPassword}
          required
        />
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? 'Saving…' : 'Change password'}
        </button>
        <p role="status" className="settings-saved">
          {saved && 'Password changed. Every other sign-in of your account has ended.'}
        </p>
      </form>
    </section>
  );
}
