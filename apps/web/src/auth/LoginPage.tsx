import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../api/errors.ts';
import { Field, focusFirstInvalid } from '../ui/Field.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { safeNextPath, useAuth } from './AuthContext.tsx';
import { hasErrors, validateLogin, type FieldErrors, type LoginField } from './validation.ts';

export default function LoginPage() {
  useDocumentTitle('Sign in');
  const { login, user } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<LoginField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const change = (field: LoginField) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateLogin(values);
    setErrors(found);
    setFormError(null);
    if (hasErrors(found)) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setSubmitting(true);
    try {
      await login(values.email.trim(), values.password);
      void navigate(next, { replace: true });
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      const known = { email: fields.email, password: fields.password };
      setErrors(known);
      if (!hasErrors(known)) setFormError(errorMessage(error));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="auth-page">
      <h1>Sign in</h1>
      {user && (
        <p className="notice">
          You are signed in as <strong>{user.displayName}</strong>. <Link to={next}>Continue reading</Link>
        </p>
      )}
      <form
        ref={formRef}
        className="auth-form"
        onSubmit={submit}
        noValidate
        aria-describedby={formError ? 'login-error' : undefined}
      >
        {formError && (
          <p id="login-error" className="form-alert" role="alert">
            {formError}
          </p>
        )}
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
          autoComplete="current-password"
          value={values.password}
          onChange={change('password')}
          error={errors.password}
          required
        />
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="auth-forgot">
          <Link to="/forgot-password">Forgot password?</Link>
        </p>
      </form>
      <p className="auth-switch">
        New to Marginalia?{' '}
        <Link to={`/register${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Create an account</Link>
      </p>
    </div>
  );
}
