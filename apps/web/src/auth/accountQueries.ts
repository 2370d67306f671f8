/** GraphQL documents of the account flows (verification, reset, change of password and address). */
import { AUTH_FIELDS } from '../api/queries.ts';
import type { AuthPayload } from '../api/types.ts';

export const VERIFY_EMAIL_MUTATION = `mutation VerifyEmail($token: String!) { verifyEmail(token: $token) { id } }`;
export const RESEND_VERIFICATION_MUTATION = `mutation ResendVerification { resendVerification }`;
export const REQUEST_PASSWORD_RESET_MUTATION = `mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }`;
export const RESET_PASSWORD_MUTATION = `
  mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { ${AUTH_FIELDS} } }
`;
export const CHANGE_PASSWORD_MUTATION = `
  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { ${AUTH_FIELDS} } }
`;
export const CHANGE_EMAIL_MUTATION = `mutation ChangeEmail($input: ChangeEmailInput!) { changeEmail(input: $input) }`;
export const CONFIRM_EMAIL_MUTATION = `
  mutation ConfirmEmailChange($token: String!) { confirmEmailChange(token: $token) { id email emailVerified } }
`;
export const ACCOUNT_EMAIL_QUERY = `query AccountEmail { me { id email emailVerified } }`;

export type ResetPasswordResult = { resetPassword: AuthPayload };
export type ChangePasswordResult = { changePassword: AuthPayload };
export type ConfirmEmailResult = { confirmEmailChange: { id: string; email: string | null; emailVerified: boolean } };
export type AccountEmailResult = { me: { id: string; email: string | null; emailVerified: boolean } | null };

/** The one rule for new passwords (as the server checks it). */
export const MIN_PASSWORD_LENGTH = 10;

/** The messages for a mailed link that cannot be used, by error code. */
export const LINK_PROBLEMS: Record<string, string> = {
  TOKEN_USED: 'This link was already used.',
  TOKEN_EXPIRED: 'This link has expired.',
  TOKEN_INVALID: 'This link is not valid: it may be incomplete (copy the whole link from the message).',
};
