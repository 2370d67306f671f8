/**
 * Client-side checks that give immediate feedback. The server validates again and its
 * messages (by `extensions.field`) replace these when they disagree.
 */

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HANDLE = /^[A-Za-z0-9_]{3,30}$/;
export const MIN_PASSWORD = 8;

export type LoginField = 'email' | 'password';
export type RegisterField = 'email' | 'password' | 'handle' | 'displayName';

export function validateLogin(values: Record<LoginField, string>): FieldErrors<LoginField> {
  const errors: FieldErrors<LoginField> = {};
  if (!values.email.trim()) errors.email = 'Enter your email address.';
  else if (!EMAIL.test(values.email.trim())) errors.email = 'Enter a valid email address, like name@example.com.';
  if (!values.password) errors.password = 'Enter your password.';
  return errors;
}

export function validateRegister(values: Record<RegisterField, string>): FieldErrors<RegisterField> {
  const errors: FieldErrors<RegisterField> = {};
  const { email } = validateLogin({ email: values.email, password: 'x' });
  if (email) errors.email = email;
  if (!values.displayName.trim()) errors.displayName = 'Enter the name other readers will see.';
  else if (values.displayName.trim().length > 60) errors.displayName = 'Keep your display name under 60 characters.';
  if (!values.handle.trim()) errors.handle = 'Choose a handle.';
  else if (!HANDLE.test(values.handle.trim()))
    errors.handle = 'Use 3–30 letters, numbers or underscores, with no spaces.';
  if (!values.password) errors.password = 'Choose a password.';
  else if (values.password.length < MIN_PASSWORD) errors.password = `Use at least ${MIN_PASSWORD} characters.`;
  return errors;
}

export const hasErrors = (errors: Record<string, string | undefined>): boolean => Object.values(errors).some(Boolean);
