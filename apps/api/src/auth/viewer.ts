import type { Role, UserStatus } from '../generated/prisma/enums.js';

/** The authenticated user of a request, as loaded by the JWT strategy. */
export interface Viewer {
  id: string;
  role: Role;
  status: UserStatus;
  handle: string;
  displayName: string;
  /** Whether the account's address was proven by the link mailed to it. */
  emailVerified: boolean;
}

export const isStaff = (viewer: Viewer | null | undefined): boolean =>
  viewer?.role === 'MODERATOR' || viewer?.role === 'ADMIN';
