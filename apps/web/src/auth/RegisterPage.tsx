import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../api/errors.ts';
import { Field, focusFirstInvalid } from '../ui/Field.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { safeNextPath, useAuth } from './AuthContext.tsx';
import { MIN_PASSWORD, hasErrors, validateRegister, type FieldErrors, type RegisterField } from './validation.ts';

const FIELDS: readonly RegisterField[] = ['email', 'password', 'handle', 'displayName'];

export default function RegisterPage() {
  useDocumentTitle('Create an account');
  const { register } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<RegisterField, string>>({
    email: '',
    password: '',
    handle: '',
    displayName: '',
  });
  const [errors, setErrors] = useState<FieldErrors<RegisterField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const change = (field: RegisterField) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateRegister(values);
    setErrors(found);
    setFormError(null);
    if (hasErrors(found)) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setSubmitting(true);
    try {
      await register({
        email: values.email.trim(),
        password: values.password,
        handle: values.handle.trim(),
        displayName: values.displayName.trim(),
      });
      void navigate(next, { replace: true });
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      const known: FieldErrors<RegisterField> = {};
      for (const field of FIELDS) if (fields[field]) known[field] = fields[field];
      setErrors(known);
      if (!hasErrors(known)) setFormError(errorMessage(error));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="auth-page">
      <h1>Create an account</h1>
      <p className="auth-lede">Join the conversation in the margins. Reading is always open to everyone.</p>
      <form
        ref={formRef}
        className="auth-form"
        onSubmit={submit}
        noValidate
        aria-describedby={formError ? 'register-error' : undefined}
      >
        {formError && (
          <p id="register-error" className="form-alert" role="alert">
            {formError}
          </p>
        )}
        <Field
          label="Display name"
          name="displayName"
          autoComplete="name"
          hint="Shown next to your comments."
          value={values.displayName}
          onChange={change('displayName')}
          error={errors.displayName}
          required
        />
        <Field
          label="Handle"
          name="handle"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          hint="Letters, numbers and underscores; 3–30 characters."
          value={values.handle}
          onChange={change('handle')}
          error={errors.handle}
          required
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={change('email')}
          error={errors.email}
          required
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD} characters.`}
          value={values.password}
          onChange={change('password')}
          error={errors.password}
          required
        />
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? 'Creating account…' : 'Create account'}
        </button>
      </form>
      <p className="auth-switch">
        Already have an account?{' '}
        <Link to={`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Sign in</Link>
      </p>
    </div>
  );
}
