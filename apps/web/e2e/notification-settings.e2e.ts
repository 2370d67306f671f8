/**
 * The notification settings: a reader changes, from the keyboard, how mentions reach them and
 * their time zone, saves, reloads, and finds what they chose.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newAccount, newPage, registerViaApi, screenshot, signIn } from './support/browser.ts';
import { seriousA11yViolations } from './support/page-helpers.ts';

describe('notification settings', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    const reader = newAccount('notified');
    await registerViaApi(reader);
    ({ page } = await newPage(browser));
    await signIn(page, reader, '/settings/notifications');
  });
  afterAll(async () => {
    await browser.close();
  });

  it('saves a preference and a time zone that are still there after a reload', async () => {
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    const mentionsMail = page.getByLabel('Mentions by email');
    expect(await mentionsMail.inputValue()).toBe('IMMEDIATE');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await mentionsMail.focus();
    await mentionsMail.selectOption('DAILY_DIGEST');
    const repliesInMenu = page.getByLabel('Replies in the notifications menu');
    await repliesInMenu.focus();
    await page.keyboard.press('Space');
    expect(await repliesInMenu.isChecked()).toBe(false);
    await page.getByLabel('Time zone').selectOption('Europe/Paris');
    await page.getByRole('button', { name: 'Save notification settings' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Notification settings saved.' }).waitFor();
    await screenshot(page, 'notification-settings');

    await page.reload();
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    await expect.poll(() => page.getByLabel('Mentions by email').inputValue()).toBe('DAILY_DIGEST');
    expect(await page.getByLabel('Replies in the notifications menu').isChecked()).toBe(false);
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Paris');
  });
});
