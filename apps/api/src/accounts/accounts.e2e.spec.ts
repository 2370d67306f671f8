import { MailRenderer } from '../mail/mail-renderer.js';
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { MailCatcher } from '../../test/support/mail-catcher.js';
import { CREATE_THREAD } from '../../test/support/moderation/e2e-helpers.js';
import { makeArticle } from '../../test/support/factories.js';
import { startWorker } from '../../test/support/worker.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';

const ME = '{ me { id email emailVerified } }';
const VERIFY = 'mutation($token: String!) { verifyEmail(token: $token) { id } }';
const RESEND = 'mutation { resendVerification }';
const REQUEST_RESET = 'mutation($email: String!) { requestPasswordReset(email: $email) }';
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { accessToken refreshToken user { id } } }`;
const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken } }`;
const CHANGE_EMAIL = 'mutation($input: ChangeEmailInput!) { changeEmail(input: $input) }';
const CONFIRM_EMAIL = 'mutation($token: String!) { confirmEmailChange(token: $token) { id email emailVerified } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';
const REFRESH = 'mutation($token: String!) { refreshToken(token: $token) { accessToken } }';

/** The token of the link in a message's text part. */
const tokenOf = (link: string): string => new URL(link).searchParams.get('token')!;

describe('account flows over real SMTP', () => {
  let catcher: MailCatcher;
  let api: TestApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    catcher = await MailCatcher.start();
    process.env['SMTP_URL'] = catcher.url;
    // A lockout after 3 failures (the per-address limit, 20 a minute here, stays out of the way).
    process.env['LOGIN_ACCOUNT_FAILURE_LIMIT'] = '3';
    api = await TestApi.start();
    worker = await startWorker({ mail: true });
    // Compiled now rather than inside the first message's transaction (MJML takes seconds on a busy machine).
    await api.app.get(MailRenderer).warm();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await catcher.close();
  });

  const login = (email: string, password: string) =>
    api.gql<{ login: { accessToken: string } }>(LOGIN, { input: { email, password } });

  it('register → the mailed link verifies the address once; commenting waits for it', async () => {
    const article = await makeArticle(prisma);
    const user = await api.register({ verified: false });
    const [mail] = await catcher.waitFor(user.email);
    expect(mail!.subject).toContain('Confirm your address');
    const link = MailCatcher.link(mail!, `${api.url}/verify-email?token=`);

    expect((await api.gql<{ me: { emailVerified: boolean } }>(ME, {}, user.token)).data?.me.emailVerified).toBe(false);
    const refused = await api.gql(CREATE_THREAD, { input: { articleId: article.id, body: 'First!' } }, user.token);
    expect(errorCode(refused)).toBe('EMAIL_NOT_VERIFIED');

    // Verified signed out (the link opened on another device).
    const verified = await api.gql<{ verifyEmail: { id: string } }>(VERIFY, { token: tokenOf(link) });
    expect(verified.errors).toBeUndefined();
    expect(verified.data?.verifyEmail.id).toBe(user.userId);
    expect((await api.gql<{ me: { emailVerified: boolean } }>(ME, {}, user.token)).data?.me.emailVerified).toBe(true);
    expect(errorCode(await api.gql(VERIFY, { token: tokenOf(link) }))).toBe('TOKEN_USED');
    expect(errorCode(await api.gql(VERIFY, { token: 'forged-token' }))).toBe('TOKEN_INVALID');

    const posted = await api.gql(CREATE_THREAD, { input: { articleId: article.id, body: 'Now I may.' } }, user.token);
    expect(posted.errors).toBeUndefined();
  });

  it('lets unverified authors comment once an admin turns the requirement off', async () => {
    const article = await makeArticle(prisma);
    const admin = await api.register();
    await prisma.user.update({ where: { id: admin.userId }, data: { role: 'ADMIN' } });
    const SET = `mutation($on: Boolean!) { updateModerationSettings(input: { requireVerifiedEmailToComment: $on }) {
      requireVerifiedEmailToComment } }`;
    const user = await api.register({ verified: false });
    const post = () => api.gql(CREATE_THREAD, { input: { articleId: article.id, body: 'Hello' } }, user.token);
    try {
      const off = await api.gql<{ updateModerationSettings: { requireVerifiedEmailToComment: boolean } }>(
        SET,
        { on: false },
        admin.token,
      );
      expect(off.data?.updateModerationSettings.requireVerifiedEmailToComment).toBe(false);
      expect((await post()).errors).toBeUndefined();
    } finally {
      await api.gql(SET, { on: true }, admin.token);
    }
    expect(errorCode(await post())).toBe('EMAIL_NOT_VERIFIED');
  });

  it('resends the link on request (the earlier one stops working), and not once verified', async () => {
    const user = await api.register({ verified: false });
    const [first] = await catcher.waitFor(user.email);
    expect((await api.gql<{ resendVerification: boolean }>(RESEND, {}, user.token)).data?.resendVerification).toBe(
      true,
    );
    const [, second] = await catcher.waitFor(user.email, 2);
    const firstToken = tokenOf(MailCatcher.link(first!, `${api.url}/verify-email`));
    expect(errorCode(await api.gql(VERIFY, { token: firstToken }))).toBe('TOKEN_USED');
    const secondToken = tokenOf(MailCatcher.link(second!, `${api.url}/verify-email`));
    expect((await api.gql(VERIFY, { token: secondToken })).errors).toBeUndefined();
    expect((await api.gql<{ resendVerification: boolean }>(RESEND, {}, user.token)).data?.resendVerification).toBe(
      false,
    );
  });

  it('resets a forgotten password: one link, used once, every other session ended', async () => {
    const user = await api.register();
    const unknown = `nobody_${randomUUID().slice(0, 8)}@example.test`;
    expect((await api.gql<{ requestPasswordReset: boolean }>(REQUEST_RESET, { email: unknown })).data).toEqual({
      requestPasswordReset: true,
    });
    expect(
      (await api.gql<{ requestPasswordReset: boolean }>(REQUEST_RESET, { email: user.email.toUpperCase() })).data,
    ).toEqual({ requestPasswordReset: true });
    const mail = await catcher.waitForSubject(user.email, 'Reset your password');
    const token = tokenOf(MailCatcher.link(mail, `${api.url}/reset-password?token=`));

    const tooShort = await api.gql(RESET, { input: { token, password: 'short' } });
    expect(tooShort.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });

    const reset = await api.gql<{ resetPassword: { accessToken: string; user: { id: string } } }>(RESET, {
      input: { token, password: 'a brand new passphrase' },
    });
    expect(reset.errors).toBeUndefined();
    expect(reset.data?.resetPassword.user.id).toBe(user.userId);
    // The old sign-in is over; the new one works, and so does the new password.
    expect(errorCode(await api.gql(ME, {}, user.token))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(REFRESH, { token: user.refreshToken }))).toBe('UNAUTHENTICATED');
    expect((await api.gql<{ me: { id: string } }>(ME, {}, reset.data!.resetPassword.accessToken)).data?.me.id).toBe(
      user.userId,
    );
    expect(errorCode(await login(user.email, user.password))).toBe('UNAUTHENTICATED');
    expect((await login(user.email, 'a brand new passphrase')).errors).toBeUndefined();

    expect(errorCode(await api.gql(RESET, { input: { token, password: 'yet another passphrase' } }))).toBe(
      'TOKEN_USED',
    );

    // Admins read the outbox, but not the secrets of its links (outside demo mode).
    const admin = await api.register();
    await prisma.user.update({ where: { id: admin.userId }, data: { role: 'ADMIN' } });
    const outbox = await api.gql<{ outgoingMail: { nodes: Array<{ to: string; text: string; html: string }> } }>(
      '{ outgoingMail(first: 100) { nodes { to text html } } }',
      {},
      admin.token,
    );
    const stored = outbox.data!.outgoingMail.nodes.filter((m) => m.to === user.email);
    expect(stored.length).toBeGreaterThan(0);
    for (const message of stored) {
      expect(message.text + message.html).not.toContain(token);
      expect(message.text).toMatch(/token=\(hidden\)/);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(catcher.to(unknown)).toHaveLength(0);
  });

  it('refuses an expired reset link', async () => {
    const user = await api.register();
    await api.gql(REQUEST_RESET, { email: user.email });
    const mail = await catcher.waitForSubject(user.email, 'Reset your password');
    const token = tokenOf(MailCatcher.link(mail, `${api.url}/reset-password`));
    await prisma.accountToken.updateMany({
      where: { userId: user.userId, purpose: 'RESET_PASSWORD', usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await api.gql(RESET, { input: { token, password: 'a brand new passphrase' } });
    expect(errorCode(expired)).toBe('TOKEN_EXPIRED');
    expect((await login(user.email, user.password)).errors).toBeUndefined();
  });

  it('changes the password with the current one, ending the other sessions', async () => {
    const user = await api.register();
    const other = await login(user.email, user.password);
    const wrong = await api.gql(
      CHANGE_PASSWORD,
      { input: { currentPassword: 'not my password', newPassword: 'a brand new passphrase' } },
      user.token,
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const changed = await api.gql<{ changePassword: { accessToken: string } }>(
      CHANGE_PASSWORD,
      { input: { currentPassword: user.password, newPassword: 'a brand new passphrase' } },
      user.token,
    );
    expect(changed.errors).toBeUndefined();
    expect(errorCode(await api.gql(ME, {}, other.data!.login.accessToken))).toBe('UNAUTHENTICATED');
    expect((await api.gql(ME, {}, changed.data!.changePassword.accessToken)).errors).toBeUndefined();
    expect((await login(user.email, 'a brand new passphrase')).errors).toBeUndefined();
  });

  it('changes the address only when the link mailed to the new one is followed', async () => {
    const user = await api.register();
    const other = await api.register();
    const newEmail = `moved_${randomUUID().slice(0, 8)}@example.test`;

    const wrong = await api.gql(CHANGE_EMAIL, { input: { password: 'not my password', newEmail } }, user.token);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const taken = await api.gql(
      CHANGE_EMAIL,
      { input: { password: user.password, newEmail: other.email } },
      user.token,
    );
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'newEmail' });

    const asked = await api.gql(CHANGE_EMAIL, { input: { password: user.password, newEmail } }, user.token);
    expect(asked.data).toEqual({ changeEmail: true });
    const confirmation = await catcher.waitForSubject(newEmail, 'Confirm your new address');
    const notice = await catcher.waitForSubject(user.email, 'is about to change');
    expect(notice.text).toContain(newEmail);
    expect(notice.text).not.toContain('confirm-email?token');
    expect((await api.gql<{ me: { email: string } }>(ME, {}, user.token)).data?.me.email).toBe(user.email);

    const token = tokenOf(MailCatcher.link(confirmation, `${api.url}/confirm-email?token=`));
    const confirmed = await api.gql<{ confirmEmailChange: { email: string; emailVerified: boolean } }>(
      CONFIRM_EMAIL,
      { token },
      user.token,
    );
    expect(confirmed.data?.confirmEmailChange).toMatchObject({ email: newEmail, emailVerified: true });
    expect(errorCode(await api.gql(CONFIRM_EMAIL, { token }))).toBe('TOKEN_USED');
    expect((await login(newEmail, user.password)).errors).toBeUndefined();
  });

  it('refuses the confirmation when another account took the address meanwhile', async () => {
    const user = await api.register();
    const newEmail = `contested_${randomUUID().slice(0, 8)}@example.test`;
    await api.gql(CHANGE_EMAIL, { input: { password: user.password, newEmail } }, user.token);
    const confirmation = await catcher.waitForSubject(newEmail, 'Confirm your new address');
    await api.register({ email: newEmail });
    const token = tokenOf(MailCatcher.link(confirmation, `${api.url}/confirm-email`));
    const refused = await api.gql(CONFIRM_EMAIL, { token });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'newEmail' });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.userId } })).email).toBe(user.email);
  });

  it('mails the owner of a locked account one reset link per lockout, and the reset lifts it', async () => {
    const user = await api.register();
    for (let i = 0; i < 3; i += 1)
      expect(errorCode(await login(user.email, `wrong guess ${i}`))).toBe('UNAUTHENTICATED');
    expect(errorCode(await login(user.email, user.password))).toBe('RATE_LIMITED');
    const mail = await catcher.waitForSubject(user.email, 'paused');
    expect(errorCode(await login(user.email, 'one more guess'))).toBe('RATE_LIMITED');
    await new Promise((r) => setTimeout(r, 500));
    expect(catcher.to(user.email).filter((m) => m.subject.includes('paused'))).toHaveLength(1);

    const token = tokenOf(MailCatcher.link(mail, `${api.url}/reset-password?token=`));
    expect((await api.gql(RESET, { input: { token, password: 'a brand new passphrase' } })).errors).toBeUndefined();
    expect((await login(user.email, 'a brand new passphrase')).errors).toBeUndefined();
  });
});
