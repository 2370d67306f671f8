import type { UserModel } from '../users/models/user.model.js';

/** The User an account flow answers with; `emailVerifiedAt` lets User.emailVerified answer without a query. */
export type AccountUser = UserModel & { emailVerifiedAt: Date | null };

export const ACCOUNT_FIELDS = {
  id: true,
  handle: true,
  displayName: true,
  role: true,
  status: true,
  email: true,
  createdAt: true,
  emailVerifiedAt: true,
} as const;
