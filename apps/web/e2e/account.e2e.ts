/**
 * Forgotten password, end to end: the reader asks for a link, the message is read where a demo
 * shows it (Admin → Outgoing mail), the link opens the reset page, and the new password signs in.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountMenu,
  DEMO,
  launchBrowser,
  newAccount,
  newPage,
  registerViaApi,
  screenshot,
  signIn,
} from './support/browser.ts';
import { seriousA11yViolations } from './support/page-helpers.ts';

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

/** On Admin → Outgoing mail: opens the newest message to `to` whose subject contains `subject`, and returns its link. */
async function linkFromOutgoingMail(admin: Page, to: string, subject: string, path: string): Promise<string> {
  await admin.goto('/manage/mail');
  const row = admin.getByRole('row').filter({ hasText: to }).filter({ hasText: subject }).first();
  await expect
    .poll(async () => {
      if ((await row.count()) > 0) return true;
      await admin.getByRole('button', { name: 'Refresh' }).click();
      return false;
    })
    .toBe(true);
  await row.getByRole('button', { name: new RegExp(subject) }).click();
  const message = admin.getByRole('region', { name: new RegExp(subject) });
  await expect.poll(() => message.locator('iframe[sandbox=""]').count()).toBe(1);
  const href = await message.getByRole('link', { name: new RegExp(`${path}\\?token=`) }).getAttribute('href');
  await screenshot(admin, 'outgoing-mail', true);
  return href!;
}

describe('forgot password → mail → new password → signed in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('resets a password with the mailed link and signs in with it', async () => {
    const reader = newAccount('Rosalind');
    await registerViaApi(reader);
    const { context: adminContext, page: admin } = await newPage(browser);
    await signIn(admin, DEMO.admin, '/manage/mail');

    // Reset links go to verified addresses only: the reader first follows the link mailed at sign-up.
    const verifyLink = await linkFromOutgoingMail(admin, reader.email, 'Confirm your address', '/verify-email');
    await expectAccessible(admin);
    const { context, page } = await newPage(browser);
    await page.goto(verifyLink);
    await page.getByText('Your address is verified.').waitFor();

    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Email').fill(reader.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText(/If an account uses/).waitFor();

    const resetLink = await linkFromOutgoingMail(admin, reader.email, 'Reset your password', '/reset-password');
    await page.goto(resetLink);
    await page.getByLabel('New password').fill('a fresh and long passphrase');
    await page.getByRole('button', { name: 'Save and sign in' }).click();
    await page.getByText('Your password is changed and you are signed in.').waitFor();
    await accountMenu(page, reader.displayName).waitFor();

    // The link worked once.
    await page.goto(resetLink);
    await page.getByLabel('New password').fill('yet another long passphrase');
    await page.getByRole('button', { name: 'Save and sign in' }).click();
    await page.getByText('This link was already used.').waitFor();
    await context.close();

    // And the new password is the password.
    const { context: later, page: again } = await newPage(browser);
    await signIn(again, { email: reader.email, password: 'a fresh and long passphrase' });
    // Settings → Email says the address is verified; both account sections pass axe.
    await again.goto('/settings/email');
    await again.getByText('verified', { exact: true }).waitFor();
    await expectAccessible(again);
    await again.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Password' }).click();
    await again.getByLabel('Current password').waitFor();
    await expectAccessible(again);
    await later.close();
    await adminContext.close();
  });
});
