import type { EmailPreference, NotificationKind, Role } from '../../generated/prisma/enums.js';

export interface PreferenceValue {
  inApp: boolean;
  email: EmailPreference;
}

/** Every kind, in the order the settings page lists them. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = ['REPLY', 'MENTION', 'MODERATION', 'QUEUE_SUMMARY'];

/** What a user gets for a kind until they save a preference for it (no row). */
export const DEFAULT_PREFERENCES: Readonly<Record<NotificationKind, PreferenceValue>> = {
  REPLY: { inApp: true, email: 'IMMEDIATE' },
  MENTION: { inApp: true, email: 'IMMEDIATE' },
  MODERATION: { inApp: true, email: 'OFF' },
  QUEUE_SUMMARY: { inApp: false, email: 'DAILY_DIGEST' },
};

/** Kinds only staff receive; readers may not set them. */
const STAFF_KINDS: ReadonlySet<NotificationKind> = new Set<NotificationKind>(['QUEUE_SUMMARY']);
const STAFF: ReadonlySet<Role> = new Set<Role>(['MODERATOR', 'ADMIN']);

export const kindAppliesTo = (kind: NotificationKind, role: Role): boolean => !STAFF_KINDS.has(kind) || STAFF.has(role);

/**
 * SQL for a recipient's effective preference of a kind, given the aliases of the kind
 * expression and of the LEFT JOINed "NotificationPreference" row. Built from the constants
 * above only, so it carries no input.
 */
export function effectivePreferenceSql(kind: string, pref: string): { inApp: string; email: string } {
  const cases = (pick: (value: PreferenceValue) => string): string =>
    `CASE ${kind}::text ${NOTIFICATION_KINDS.map((k) => `WHEN '${k}' THEN ${pick(DEFAULT_PREFERENCES[k])}`).join(' ')} END`;
  return {
    inApp: `coalesce(${pref}."inApp", ${cases((v) => String(v.inApp))})`,
    email: `coalesce(${pref}.email::text, ${cases((v) => `'${v.email}'`)})`,
  };
}
