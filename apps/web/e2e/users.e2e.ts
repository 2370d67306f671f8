/**
 * The Users page: an admin finds people in the directory by name, pages through a long result
 * with "Load more" from the keyboard, opens one, pre-moderates and suspends them, and finds
 * them again with the status filter. Moderators reach the same directory, without e-mails.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  launchBrowser,
  newAccount,
  newPage,
  registerViaApi,
  screenshot,
  signIn,
  type NewAccount,
} from './support/browser.ts';
import { seriousA11yViolations } from './support/page-helpers.ts';

/** One more than a page of the directory, so "Load more" has something to load. */
const MEMBERS = 26;

describe('the Users page', () => {
  let browser: Browser;
  let page: Page;
  const tag = `Member${Date.now().toString(36)}`;
  const members: NewAccount[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    for (let i = 0; i < MEMBERS; i++) {
      const account = { ...newAccount('member'), displayName: `${tag} ${String(i).padStart(2, '0')}` };
      members.push(account);
    }
    // One after another, so their creation order (the directory's order) is known.
    for (const account of members) await registerViaApi(account);
    ({ page } = await newPage(browser));
    await signIn(page, DEMO.admin, '/moderate/users');
  });
  afterAll(async () => {
    await browser.close();
  });

  const rows = () => page.locator('.user-table tbody tr');

  it('searches the directory and loads the next page from the keyboard', async () => {
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await expect.poll(() => rows().count()).toBeGreaterThan(0);

    const search = page.getByRole('searchbox', { name: 'Search', exact: true });
    await search.focus();
    await page.keyboard.type(tag.toLowerCase());
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(tag.toLowerCase());
    await expect.poll(() => rows().count()).toBe(25);
    // Newest first: the last member registered leads.
    await expect.poll(() => rows().first().getByRole('link').textContent()).toBe(`${tag} 25`);
    const more = page.getByRole('button', { name: 'Load more' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows().count()).toBe(MEMBERS);
    await expect.poll(() => page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    // Focus continues at the first row that arrived.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`${tag} 00`);
    // Admins see email addresses.
    expect(await rows().last().textContent()).toContain(members[0]!.email);

    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await screenshot(page, 'users-directory', true);
  });

  it('opens a user, pre-moderates and suspends them, and finds them by status', async () => {
    const target = members[3]!;
    // Focus is on a row's link: Enter opens that user.
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/moderate\/users\//);
    await page.getByRole('heading', { name: `${tag} 00` }).waitFor();
    await page.goto(`/moderate/users?q=${encodeURIComponent(target.displayName)}`);
    await expect.poll(() => rows().count()).toBe(1);
    await rows().first().getByRole('link', { name: target.displayName }).click();
    await page.getByRole('heading', { name: 'Sanctions' }).waitFor();

    // The box follows the server's answer, so it is clicked, not `check()`ed.
    await page.getByRole('checkbox', { name: 'Pre-moderate their comments' }).click();
    await page.getByText('Their comments are now held for review.').waitFor();
    await page.getByLabel('Action').selectOption('SUSPENDED');
    await page.getByLabel('Reason').fill('Cooling off');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Status set to suspended.').waitFor();

    await page.goBack();
    await page.getByLabel('Status').selectOption('SUSPENDED');
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('SUSPENDED');
    await expect.poll(() => rows().count()).toBe(1);
    const row = rows().first();
    expect(await row.textContent()).toContain('suspended');
    expect(await row.textContent()).toContain('pre-moderated');

    await page.getByLabel('Role').selectOption('ADMIN');
    await page.getByText('No users match these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(() => page.getByRole('searchbox', { name: 'Search', exact: true }).inputValue()).toBe('');
  });

  it('is open to moderators from the staff nav, without e-mail addresses; old admin links land there', async () => {
    const { page: modPage } = await newPage(browser);
    await signIn(modPage, DEMO.moderator, '/moderate');
    await modPage.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Users' }).click();
    await modPage.getByRole('heading', { name: 'Users' }).waitFor();
    await modPage.getByRole('searchbox', { name: 'Search', exact: true }).fill(members[5]!.displayName);
    await expect.poll(() => modPage.locator('.user-table tbody tr').count()).toBe(1);
    expect(await modPage.locator('.user-table').textContent()).not.toContain(members[5]!.email);
    await modPage.close();

    await page.goto('/manage/users');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/moderate/users');
  });
});
