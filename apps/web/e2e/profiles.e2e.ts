/**
 * Profiles and settings: a reader mentions another in a comment; clicking the mention opens the
 * mentioned reader's profile inside the app (no page load) with their published comments and
 * the passages they answer. The settings area is reached and walked from the keyboard alone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleBySlug, articleSlugByTitle, commentOnPassage, gql, waitForStatus } from './support/api.ts';
import { launchBrowser, newAccount, newPage, registerViaApi, screenshot, signIn } from './support/browser.ts';
import { seriousA11yViolations } from './support/page-helpers.ts';

const ARTICLE_TITLE = 'Relations With Russia';

describe('profiles and settings', () => {
  let browser: Browser;
  let page: Page;
  const mentioned = newAccount('Grace');
  const writer = newAccount('Hal');
  let slug = '';
  let passage = '';
  let mentionId = '';
  const graceBody = `Grace reads the passage closely, ${Date.now().toString(36)}.`;

  beforeAll(async () => {
    browser = await launchBrowser();
    const [graceToken, halToken] = await Promise.all([registerViaApi(mentioned), registerViaApi(writer)]);
    slug = await articleSlugByTitle(ARTICLE_TITLE);
    const article = await articleBySlug(slug);
    // A passage from the middle of a paragraph, so the quote is plainly from the article.
    const paragraph = article.revision.text.split('\n\n').find((p) => p.length > 120)!;
    passage = paragraph.slice(20, 70);
    const grace = await commentOnPassage(graceToken!, article, passage, graceBody);
    await waitForStatus(graceToken!, grace.commentId, 'PUBLISHED');
    const { createThread } = await gql<{ createThread: { comments: Array<{ id: string }> } }>(
      'mutation($input: CreateThreadInput!) { createThread(input: $input) { comments { id } } }',
      { input: { articleId: article.id, body: `Ask @${mentioned.handle} about this.` } },
      halToken,
    );
    mentionId = createThread.comments[0]!.id;
    await waitForStatus(halToken!, mentionId, 'PUBLISHED');
    ({ page } = await newPage(browser));
  });
  afterAll(async () => {
    await browser.close();
  });

  it('follows a mention to the profile, in the app, with the published comments', async () => {
    await page.goto(`/a/${slug}/c/${mentionId}`);
    const mention = page.locator(`#comment-${mentionId} .comment-body a`, { hasText: `@${mentioned.handle}` });
    await mention.waitFor();
    // Set on this document: still there after the click only if the app routed without a load.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await mention.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/u/${mentioned.handle}`);
    await page.getByRole('heading', { level: 1, name: mentioned.displayName }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);

    const item = page.locator('.profile-comment').first();
    await expect.poll(() => item.textContent()).toContain(graceBody);
    expect(await item.locator('.profile-comment-passage').textContent()).toBe(passage);
    expect(await item.getByRole('link', { name: ARTICLE_TITLE }).getAttribute('href')).toBe(`/a/${slug}`);
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await screenshot(page, 'profile-page', true);
  });

  it('reaches the settings and their sections from the keyboard', async () => {
    await signIn(page, writer, `/u/${writer.handle}`);
    const menu = page.getByRole('button', { name: /account menu/ });
    await menu.focus();
    await page.keyboard.press('Enter');
    const settings = page.getByRole('link', { name: 'Settings' });
    await settings.waitFor();
    // Tab from the menu button to its Settings entry.
    for (let i = 0; i < 5 && !(await settings.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await settings.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/settings/profile');
    await page.getByRole('heading', { name: 'Profile' }).waitFor();
    expect(await page.getByLabel('Display name').inputValue()).toBe(writer.displayName);

    const yourData = page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Your data' });
    await yourData.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Download my data' }).waitFor();
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it('sends visitors who are not signed in to sign in first', async () => {
    const { page: visitor, context } = await newPage(browser);
    await visitor.goto('/settings/delete');
    await expect.poll(() => new URL(visitor.url()).pathname).toBe('/login');
    expect(new URL(visitor.url()).searchParams.get('next')).toBe('/settings/delete');
    await context.close();
  });
});
