import type { MailTemplate } from './mail-template.js';

/** Values every account message gets. */
interface Greeting {
  displayName: string;
}

export interface VerifyEmailData extends Greeting {
  verifyUrl: string;
  /** Hours the link works. */
  validHours: number;
}

export const VERIFY_EMAIL: MailTemplate = {
  subject: 'Confirm your address for {{siteName}}',
  sendsToUnverifiedAddress: true,
  mjml: `<mj-section><mj-column>
  <mj-text>Hello {{displayName}},</mj-text>
  <mj-text>Please confirm that this is your address, so that you can take part in discussions at {{siteName}}.</mj-text>
  <mj-button href="{{verifyUrl}}">Confirm my address</mj-button>
  <mj-text font-size="14px">Or open this link: <a href="{{verifyUrl}}">{{verifyUrl}}</a><br />It works once, for {{validHours}} hours. If you did not create this account, ignore this message.</mj-text>
</mj-column></mj-section>`,
  text: `Hello {{displayName}},

Please confirm that this is your address, so that you can take part in discussions at {{siteName}}:

{{verifyUrl}}

The link works once, for {{validHours}} hours. If you did not create this account, ignore this message.`,
};

export interface ResetPasswordData extends Greeting {
  resetUrl: string;
  /** Minutes the link works. */
  validMinutes: number;
}

export const RESET_PASSWORD: MailTemplate = {
  subject: 'Reset your password for {{siteName}}',
  mjml: `<mj-section><mj-column>
  <mj-text>Hello {{displayName}},</mj-text>
  <mj-text>Someone (we hope you) asked to reset the password of your account at {{siteName}}.</mj-text>
  <mj-button href="{{resetUrl}}">Choose a new password</mj-button>
  <mj-text font-size="14px">Or open this link: <a href="{{resetUrl}}">{{resetUrl}}</a><br />It works once, for {{validMinutes}} minutes. If you did not ask for it, ignore this message: your password stays as it is.</mj-text>
</mj-column></mj-section>`,
  text: `Hello {{displayName}},

Someone (we hope you) asked to reset the password of your account at {{siteName}}. Choose a new password here:

{{resetUrl}}

The link works once, for {{validMinutes}} minutes. If you did not ask for it, ignore this message: your password stays as it is.`,
};

export interface AccountLockedData extends Greeting {
  resetUrl: string;
  validMinutes: number;
  /** Minutes until sign-in works again by itself. */
  lockedMinutes: number;
}

export const ACCOUNT_LOCKED: MailTemplate = {
  subject: 'Sign-in to your {{siteName}} account is paused',
  mjml: `<mj-section><mj-column>
  <mj-text>Hello {{displayName}},</mj-text>
  <mj-text>There were too many failed attempts to sign in to your account at {{siteName}}, so signing in is paused for {{lockedMinutes}} minutes.</mj-text>
  <mj-text>If that was you and you forgot your password, choose a new one now (this also lifts the pause):</mj-text>
  <mj-button href="{{resetUrl}}">Choose a new password</mj-button>
  <mj-text font-size="14px">Or open this link: <a href="{{resetUrl}}">{{resetUrl}}</a><br />It works once, for {{validMinutes}} minutes. If it was not you, someone may be guessing your password: a new, long password keeps them out.</mj-text>
</mj-column></mj-section>`,
  text: `Hello {{displayName}},

There were too many failed attempts to sign in to your account at {{siteName}}, so signing in is paused for {{lockedMinutes}} minutes.

If that was you and you forgot your password, choose a new one now (this also lifts the pause):

{{resetUrl}}

The link works once, for {{validMinutes}} minutes. If it was not you, someone may be guessing your password: a new, long password keeps them out.`,
};

export interface ConfirmEmailChangeData extends Greeting {
  confirmUrl: string;
  newEmail: string;
  validHours: number;
}

export const CONFIRM_EMAIL_CHANGE: MailTemplate = {
  subject: 'Confirm your new address for {{siteName}}',
  sendsToUnverifiedAddress: true,
  mjml: `<mj-section><mj-column>
  <mj-text>Hello {{displayName}},</mj-text>
  <mj-text>You asked to use {{newEmail}} for your account at {{siteName}}. The change takes effect once you confirm it:</mj-text>
  <mj-button href="{{confirmUrl}}">Confirm my new address</mj-button>
  <mj-text font-size="14px">Or open this link: <a href="{{confirmUrl}}">{{confirmUrl}}</a><br />It works once, for {{validHours}} hours. If you did not ask for it, ignore this message.</mj-text>
</mj-column></mj-section>`,
  text: `Hello {{displayName}},

You asked to use {{newEmail}} for your account at {{siteName}}. The change takes effect once you confirm it:

{{confirmUrl}}

The link works once, for {{validHours}} hours. If you did not ask for it, ignore this message.`,
};

export interface EmailChangeNoticeData extends Greeting {
  newEmail: string;
}

export const EMAIL_CHANGE_NOTICE: MailTemplate = {
  subject: 'Your {{siteName}} address is about to change',
  mjml: `<mj-section><mj-column>
  <mj-text>Hello {{displayName}},</mj-text>
  <mj-text>Someone signed in to your account at {{siteName}} asked to move it to {{newEmail}}. We sent a confirmation link there; until it is followed, nothing changes.</mj-text>
  <mj-text>If this was not you, change your password now: someone else knows it.</mj-text>
</mj-column></mj-section>`,
  text: `Hello {{displayName}},

Someone signed in to your account at {{siteName}} asked to move it to {{newEmail}}. We sent a confirmation link there; until it is followed, nothing changes.

If this was not you, change your password now: someone else knows it.`,
};
