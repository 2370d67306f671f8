import {
  ACCOUNT_LOCKED,
  CONFIRM_EMAIL_CHANGE,
  EMAIL_CHANGE_NOTICE,
  RESET_PASSWORD,
  VERIFY_EMAIL,
  type AccountLockedData,
  type ConfirmEmailChangeData,
  type EmailChangeNoticeData,
  type ResetPasswordData,
  type VerifyEmailData,
} from './account.templates.js';
import type { MailTemplate } from './mail-template.js';
import {
  NOTIFICATION,
  NOTIFICATION_DIGEST,
  type NotificationDigestData,
  type NotificationMailData,
} from './notification.templates.js';

export type { MailTemplate } from './mail-template.js';

/**
 * The data each template needs, by template name. A new message: its data type here, its
 * template (a `*.templates.ts` module beside this one) in MAIL_TEMPLATES below.
 */
export interface MailTemplateData {
  'verify-email': VerifyEmailData;
  'reset-password': ResetPasswordData;
  'account-locked': AccountLockedData;
  'confirm-email-change': ConfirmEmailChangeData;
  'email-change-notice': EmailChangeNoticeData;
  notification: NotificationMailData;
  'notification-digest': NotificationDigestData;
}

export type MailTemplateName = keyof MailTemplateData;

/** The one registry of messages Marginalia sends. */
export const MAIL_TEMPLATES: Record<MailTemplateName, MailTemplate> = {
  'verify-email': VERIFY_EMAIL,
  'reset-password': RESET_PASSWORD,
  'account-locked': ACCOUNT_LOCKED,
  'confirm-email-change': CONFIRM_EMAIL_CHANGE,
  'email-change-notice': EMAIL_CHANGE_NOTICE,
  notification: NOTIFICATION,
  'notification-digest': NOTIFICATION_DIGEST,
};

export const MAIL_TEMPLATE_NAMES = Object.keys(MAIL_TEMPLATES) as MailTemplateName[];
