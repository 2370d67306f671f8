/**
 * Every action the audit log (ModerationAction.action) records. The column is text; this list is
 * what writes it, and what the moderation log and docs/moderation.md describe.
 */
export const AUDIT_ACTIONS = [
  // Decisions on a comment (CommentDecisions): the pipeline, a moderator, flags, a ban.
  'PIPELINE',
  'APPROVE',
  'REJECT',
  'HOLD',
  'FLAGS_THRESHOLD',
  'FLAGS_RESOLVED',
  'BAN',
  // Other changes to a comment or thread.
  'DELETE',
  'EDIT_WHILE_HELD',
  'REATTACH_THREAD',
  // Changes to a user or the site.
  'SET_STATUS',
  'SET_PREMOD',
  'SET_ROLE',
  'SANCTION_ENDED',
  'UPDATE_SETTINGS',
  // Changes to an article.
  'UPDATE_ARTICLE',
  'SET_ARTICLE_STATE',
  'SET_ARTICLE_DISCUSSION',
  'DISCUSSION_CLOSED',
  'DELETE_ARTICLE',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What a moderation event reports: an audited action, or a reader's flag (not audited itself). */
export type ModerationEventAction = AuditAction | 'FLAG';
