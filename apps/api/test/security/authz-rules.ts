import type { ActorName } from './actors.js';

/**
 * Who may call each root operation of the schema. The matrix spec fails when the live schema
 * has an operation missing here, so a new operation cannot ship without a decision.
 *
 * - public: anyone, signed in or not (a banned user's token is still refused)
 * - signed-in: any signed-in user, suspended ones included (reading their own things)
 * - active: signed-in and not suspended (creates or changes content)
 * - moderator: MODERATOR or ADMIN, suspended ones included (reading)
 * - moderator-writes: MODERATOR or ADMIN, not suspended (deciding, changing)
 * - admin: ADMIN only, suspended ones included (reading)
 * - admin-writes: ADMIN only, not suspended
 */
export type Access = 'public' | 'signed-in' | 'active' | 'moderator' | 'moderator-writes' | 'admin' | 'admin-writes';

/**
 * How the generic request is adapted when dummy arguments cannot reach the authorization
 * decision: `credentials` signs in with a real account, `fresh-refresh-token` sends a valid
 * refresh token, `fresh-actor` runs as a throwaway user of the same kind (the operation
 * would end the shared actor's session).
 */
export type Setup = 'credentials' | 'fresh-refresh-token' | 'fresh-actor';

export type AuthzRule = { access: Access; setup?: Setup } | { skip: string };

export const AUTHZ_RULES: Record<string, AuthzRule> = {
  // Reading
  me: { access: 'public' },
  article: { access: 'public' },
  articles: { access: 'public' },
  articleById: { access: 'public' },
  comment: { access: 'public' },
  replies: { access: 'public' },
  thread: { access: 'public' },
  articleEvents: { access: 'public' },
  // Anyone who may read the article; its sourceCommentIds field is null for all but staff (digest.e2e.spec.ts).
  articleDigest: { access: 'public' },
  notifications: { access: 'signed-in' },
  user: { access: 'public' },
  exportMyData: { access: 'signed-in' },
  notificationAdded: { access: 'signed-in' },
  notificationSettings: { access: 'signed-in' },

  // Session
  register: { access: 'public' },
  login: { access: 'public', setup: 'credentials' },
  refreshToken: { access: 'public', setup: 'fresh-refresh-token' },
  logout: { access: 'signed-in', setup: 'fresh-actor' },
  markNotificationsRead: { access: 'signed-in' },
  // A suspended user may still turn mail off.
  updateNotificationPreferences: { access: 'signed-in' },

  // Account (mailed links work signed out; changes need the current password)
  verifyEmail: { access: 'public' },
  resendVerification: { access: 'signed-in' },
  requestPasswordReset: { access: 'public' },
  resetPassword: { access: 'public' },
  changePassword: { access: 'signed-in', setup: 'fresh-actor' },
  changeEmail: { access: 'signed-in' },
  confirmEmailChange: { access: 'public' },
  // One's own account (a suspended user may still take their data and leave)
  updateProfile: { access: 'active' },
  deleteAccount: { access: 'signed-in' },
  // Muting others (a suspended reader may still read their list and unmute)
  mutedUsers: { access: 'signed-in' },
  muteUser: { access: 'active' },
  unmuteUser: { access: 'active' },
  // Imported comments signed with one's verified address
  claimableImportedAuthors: { access: 'signed-in' },
  claimImportedAuthors: { access: 'active' },

  // Discussion
  createThread: { access: 'active' },
  reply: { access: 'active' },
  editComment: { access: 'active' },
  deleteComment: { access: 'active' },
  react: { access: 'active' },
  unreact: { access: 'active' },
  flagComment: { access: 'active' },
  // Its author or staff; anyone else signed in is refused by the service (see comment-history.e2e.spec.ts).
  commentHistory: { access: 'signed-in' },
  // Readers' stances over an article's passages (unpublished articles are NOT_FOUND to readers).
  contestedPassages: { access: 'public' },

  // Moderation
  moderationQueue: { access: 'moderator' },
  moderationCounts: { access: 'moderator' },
  moderationLog: { access: 'moderator' },
  searchComments: { access: 'moderator' },
  moderationHotSpots: { access: 'moderator' },
  auditLog: { access: 'moderator' },
  auditLogCsv: { access: 'moderator' },
  userNotes: { access: 'moderator' },
  addUserNote: { access: 'moderator-writes' },
  deleteUserNote: { access: 'moderator-writes' },
  moderationSettings: { access: 'moderator' },
  moderationEvents: { access: 'moderator' },
  moderateComment: { access: 'moderator-writes' },
  moderateComments: { access: 'moderator-writes' },
  resolveFlags: { access: 'moderator-writes' },
  reattachThread: { access: 'moderator-writes' },
  moderatedUser: { access: 'moderator' },
  users: { access: 'moderator' },
  setUserStatus: { access: 'moderator-writes' },
  setUserPremod: { access: 'moderator-writes' },

  // Administration
  setUserRole: { access: 'admin-writes' },
  updateModerationSettings: { access: 'admin-writes' },
  importArticle: { access: 'admin-writes' },
  importJob: { access: 'admin' },
  importJobs: { access: 'admin' },
  importJobUpdated: { access: 'admin' },
  exportArticle: { access: 'admin' },
  outgoingMail: { access: 'admin' },
  retryMail: { access: 'admin-writes' },
  sites: { access: 'admin' },
  createSite: { access: 'admin-writes' },
  updateSite: { access: 'admin-writes' },
  rotateSiteSecret: { access: 'admin-writes' },
  // The article desk
  updateArticle: { access: 'admin-writes' },
  setArticleState: { access: 'admin-writes' },
  setArticleDiscussion: { access: 'admin-writes' },
  deleteArticle: { access: 'admin-writes' },

  // The embed on a publisher's page
  embedArticle: { access: 'public' },
  ssoLogin: { access: 'public' },
};

const ALLOWED: Record<Access, readonly ActorName[]> = {
  // A banned user's token is refused everywhere, even where no token is needed.
  public: [
    'anonymous',
    'reader',
    'otherReader',
    'suspended',
    'moderator',
    'admin',
    'suspendedModerator',
    'suspendedAdmin',
  ],
  'signed-in': ['reader', 'otherReader', 'suspended', 'moderator', 'admin', 'suspendedModerator', 'suspendedAdmin'],
  active: ['reader', 'otherReader', 'moderator', 'admin'],
  moderator: ['moderator', 'admin', 'suspendedModerator', 'suspendedAdmin'],
  'moderator-writes': ['moderator', 'admin'],
  admin: ['admin', 'suspendedAdmin'],
  'admin-writes': ['admin'],
};

export const isAllowed = (access: Access, actor: ActorName): boolean => ALLOWED[access].includes(actor);

/** The error a refused caller gets: no identity (anonymous, banned) or not enough rights. */
export const deniedCode = (actor: ActorName): 'UNAUTHENTICATED' | 'FORBIDDEN' =>
  actor === 'anonymous' || actor === 'banned' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
