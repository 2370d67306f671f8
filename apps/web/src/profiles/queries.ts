/** GraphQL documents of profiles and of one's own account (settings). */
import type { Role } from '../api/types.ts';
import type { Page } from '../ui/usePages.ts';

export interface Profile {
  id: string;
  handle: string;
  displayName: string;
  bio: string | null;
  joinedAt: string;
  role: Role;
}

export interface ProfileComment {
  id: string;
  bodyHtml: string;
  postedAt: string;
  editedAt: string | null;
  passage: string | null;
  permalink: string;
  article: { id: string; slug: string; title: string };
}

const PROFILE_FIELDS = 'id handle displayName bio joinedAt role';

export const PROFILE_QUERY = `query Profile($handle: String!, $first: Int, $after: String) {
  user(handle: $handle) {
    ${PROFILE_FIELDS}
    comments(first: $first, after: $after) {
      nodes { id bodyHtml postedAt editedAt passage permalink article { id slug title } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
export type ProfileResult = { user: Profile & { comments: Page<ProfileComment> } };

/** The profile fields alone (the settings form). */
export const OWN_PROFILE_QUERY = `query OwnProfile($handle: String!) { user(handle: $handle) { ${PROFILE_FIELDS} } }`;
export type OwnProfileResult = { user: Profile };

export const UPDATE_PROFILE_MUTATION = `mutation UpdateProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) { ${PROFILE_FIELDS} }
}`;
export type UpdateProfileResult = { updateProfile: Profile };

export const EXPORT_MY_DATA_QUERY = `query ExportMyData { exportMyData }`;
export type ExportMyDataResult = { exportMyData: string };

export type DeletedCommentsChoice = 'KEEP_AS_DELETED_USER' | 'REMOVE';
export const DELETE_ACCOUNT_MUTATION = `mutation DeleteAccount($input: DeleteAccountInput!) { deleteAccount(input: $input) }`;
export type DeleteAccountResult = { deleteAccount: boolean };

/** Longest bio the API accepts. */
export const MAX_BIO_LENGTH = 500;

/** Handles of deleted accounts (`deleted-…`: outside the registration rule) have no profile. */
export const hasProfile = (handle: string): boolean => !handle.startsWith('deleted-');

export const profilePath = (handle: string): string => `/u/${encodeURIComponent(handle)}`;

/** People the reader muted: their comments show collapsed, their replies and mentions stay silent. */
export interface MutedPerson {
  id: string;
  handle: string;
  displayName: string;
}
const MUTED_FIELDS = 'id handle displayName';
export const MUTED_USERS_QUERY = `query MutedUsers { mutedUsers { ${MUTED_FIELDS} } }`;
export type MutedUsersResult = { mutedUsers: MutedPerson[] };
export const MUTE_USER_MUTATION = `mutation MuteUser($userId: ID!) { muteUser(userId: $userId) { ${MUTED_FIELDS} } }`;
export type MuteUserResult = { muteUser: MutedPerson[] };
export const UNMUTE_USER_MUTATION = `mutation UnmuteUser($userId: ID!) { unmuteUser(userId: $userId) { ${MUTED_FIELDS} } }`;
export type UnmuteUserResult = { unmuteUser: MutedPerson[] };
