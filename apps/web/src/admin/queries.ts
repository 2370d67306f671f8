/** GraphQL documents of the admin pages. */

export interface Settings {
  bannedWords: string[];
  suspectWords: string[];
  allowedLinkDomains: string[];
  blockedLinkDomains: string[];
  maxLinks: number;
  minLength: number;
  maxLength: number;
  flagThreshold: number;
  flagStandingMinAccountAgeHours: number;
  flagStandingMinPublishedComments: number;
  newCommenterHold: number;
  premodAll: boolean;
  toxicity: { enabled: boolean; action: 'HELD' | 'REJECTED' };
  requireVerifiedEmailToComment: boolean;
}

const FIELDS = `bannedWords suspectWords allowedLinkDomains blockedLinkDomains maxLinks minLength maxLength flagThreshold
  flagStandingMinAccountAgeHours flagStandingMinPublishedComments newCommenterHold premodAll toxicity { enabled action }
  requireVerifiedEmailToComment`;
export const SETTINGS_QUERY = `query ModerationSettings { moderationSettings { ${FIELDS} } }`;
export const UPDATE_SETTINGS_MUTATION = `
  mutation UpdateModerationSettings($input: UpdateModerationSettingsInput!) {
    updateModerationSettings(input: $input) { ${FIELDS} }
  }
`;

export type DirectoryRole = 'READER' | 'MODERATOR' | 'ADMIN';
export type DirectoryStatus = 'ACTIVE' | 'SUSPENDED' | 'BANNED';

export interface DirectoryUser {
  id: string;
  handle: string;
  displayName: string;
  email: string | null;
  role: DirectoryRole;
  status: DirectoryStatus;
  statusUntil: string | null;
  premod: boolean;
  publishedCount: number;
  rejectedCount: number;
  flagsReceived: number;
  openFlagsReceived: number;
  createdAt: string;
}

export type UsersVariables = {
  query?: string;
  role?: DirectoryRole;
  status?: DirectoryStatus;
  first: number;
  after?: string | null;
};

export type UsersResult = {
  users: { nodes: DirectoryUser[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
};

export const USERS_QUERY = `
  query Users($query: String, $role: Role, $status: UserStatus, $first: Int!, $after: String) {
    users(query: $query, role: $role, status: $status, first: $first, after: $after) {
      nodes {
        id handle displayName email role status statusUntil premod publishedCount rejectedCount
        flagsReceived openFlagsReceived createdAt
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
