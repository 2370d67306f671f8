/**
 * Reporting and moderating: a reader reacts to and reports a published comment, a moderator
 * finds it in Reported with its passage, rejects it with the keyboard while a second staff
 * member watches it leave their queue live, and the author sees the outcome.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleBySlug, articleSlugByTitle, commentOnPassage, waitForStatus } from './support/api.ts';
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

const TITLE = 'Should the US normalize diplomatic relations with Russia?';

describe('reporting and moderating a comment', () => {
  let browser: Browser;
  let authorAccount: NewAccount;
  let authorToken = '';
  let author: { context: BrowserContext; page: Page };
  let slug = '';
  let passage = '';
  const body = `Buy my newsletter, it explains everything ${Date.now().toString(36)}.`;

  beforeAll(async () => {
    browser = await launchBrowser();
    authorAccount = newAccount('Casey');
    authorToken = await registerViaApi(authorAccount);
    slug = await articleSlugByTitle(TITLE);
    const article = await articleBySlug(slug);
    // A passage from the middle of the debate's first long paragraph.
    const paragraph = article.revision.text.split('\n\n').find((p) => p.length > 120)!;
    passage = paragraph.split(/\s+/).slice(3, 9).join(' ');
    const { commentId } = await commentOnPassage(authorToken, article, passage, body);
    await waitForStatus(authorToken, commentId, 'PUBLISHED');
    author = await newPage(browser);
    await signIn(author.page, authorAccount, `/a/${slug}`);
  });
  afterAll(async () => {
    await browser.close();
  });

  it('lets another reader react to the comment and report it with a reason', async () => {
    const flagger = newAccount('Dana');
    await registerViaApi(flagger);
    const { context, page } = await newPage(browser);
    await signIn(page, flagger, `/a/${slug}`);
    const card = page.locator('.margin .thread-card', { hasText: 'Buy my newsletter' });
    await card.getByRole('button', { name: /open thread/ }).click();

    const like = card.getByRole('button', { name: /^Like/ });
    await like.click();
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => like.textContent()).toContain('1');

    await card.getByRole('button', { name: 'Report the comment by Casey' }).click();
    await card.getByRole('radio', { name: 'Spam' }).check();
    await card.getByLabel('Anything moderators should know? (optional)').fill('Advertising a newsletter');
    await card.getByRole('button', { name: 'Report', exact: true }).click();
    await card.getByText('Reported — thank you').waitFor();
    await context.close();
  });

  it('shows the moderator the comment in Reported with its passage, and rejects it from the keyboard', async () => {
    // A second staff member watches the same queue.
    const watcher = await newPage(browser);
    await signIn(watcher.page, DEMO.admin, '/moderate?queue=reported');
    const watched = watcher.page.locator('.mod-card', { hasText: 'Buy my newsletter' });
    await watched.waitFor();

    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.moderator, '/moderate?queue=reported');
    const card = page.locator('.mod-card', { hasText: 'Buy my newsletter' });
    await card.waitFor();
    expect(await card.locator('.mod-passage mark').textContent()).toBe(passage);
    await card.getByText('Spam', { exact: true }).waitFor();
    await card.getByText('Advertising a newsletter', { exact: false }).waitFor();
    const reportedTab = page.getByRole('tab', { name: /^Reported/ });
    const before = Number(await reportedTab.locator('.tab-count').textContent());
    expect(before).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'moderator-console', true);
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    // Move the cursor onto the card with j/k, then r, a reason, Enter.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 30 && !(await card.evaluate((el) => el.classList.contains('is-active'))); i++) {
      await page.keyboard.press('j');
    }
    expect(await card.getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog', { name: 'Reject this comment' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Reason (its author sees this)').inputValue()).toBe('SPAM');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Advertising');
    await page.keyboard.press('Enter');

    await card.waitFor({ state: 'detached' });
    await expect.poll(async () => Number(await reportedTab.locator('.tab-count').textContent())).toBe(before - 1);
    // Gone from the other moderator's queue too, without a reload.
    await watched.waitFor({ state: 'detached' });
    await watcher.context.close();
    await context.close();
  });

  it('shows the author the outcome', async () => {
    const { page } = author;
    const card = page.locator('.margin .thread-card', { hasText: 'Buy my newsletter' });
    await card.getByText('Not published').waitFor();
    await card.getByRole('button', { name: /open thread/ }).click();
    await card.getByText('A moderator removed your comment as spam.').waitFor();

    // …and is told about it in the notifications, live: the page was open all along.
    const bell = page.getByRole('button', { name: /^Notifications, \d+ unread/ });
    await bell.click();
    await page.locator('.notifications-panel li').first().waitFor();
    expect(await page.locator('.notifications-panel').textContent()).toMatch(/reject|removed|not published/i);
  });
});
