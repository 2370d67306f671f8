/**
 * The reading and discussion story, with two people in two browser contexts: an author
 * comments on a passage (pending while the worker is paused, published live when it
 * resumes), a second reader receives it live and replies, and the author sees the reply.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  newAccount,
  newPage,
  pauseWorker,
  registerViaApi,
  screenshot,
  signIn,
  type NewAccount,
} from './support/browser.ts';
import { dragSelect, firstParagraphText, passageOf } from './support/page-helpers.ts';

const ARTICLE_TITLE = 'Relations With Russia';

describe('reading and discussing an article', () => {
  let browser: Browser;
  let author: { context: BrowserContext; page: Page; account: NewAccount };
  let other: { context: BrowserContext; page: Page; account: NewAccount };
  let articlePath = '';
  let passage = '';
  const body = `A close reading of this passage, posted at ${new Date().toISOString()}.`;
  const replyBody = 'I read it differently: the context matters more than the wording.';

  beforeAll(async () => {
    browser = await launchBrowser();
    const accounts = [newAccount('Alice'), newAccount('Bruno')] as const;
    await Promise.all(accounts.map(registerViaApi));
    author = { ...(await newPage(browser)), account: accounts[0] };
    other = { ...(await newPage(browser)), account: accounts[1] };
    await signIn(author.page, author.account);
    await signIn(other.page, other.account);
  });
  afterAll(async () => {
    pauseWorker(false);
    await browser.close();
  });

  it('opens a demo article from the list', async () => {
    const { page } = author;
    await page.goto('/');
    await page.getByRole('link', { name: ARTICLE_TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: ARTICLE_TITLE }).waitFor();
    articlePath = new URL(page.url()).pathname;
    expect(articlePath).toMatch(/^\/a\/[a-z0-9-]+$/);
    expect(await page.locator('.article-body [data-start]').count()).toBeGreaterThan(5);

    await other.page.goto(articlePath);
    await other.page.getByRole('heading', { level: 1, name: ARTICLE_TITLE }).waitFor();
  });

  it('selects a passage and posts a comment that is pending, then published live', async () => {
    const { page } = author;
    passage = passageOf(await firstParagraphText(page));
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    pauseWorker(true); // the moderation job waits, so the pending state is observable
    try {
      await dragSelect(page, passage);
      expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(passage);
      await page.getByRole('button', { name: 'Comment', exact: true }).click();
      const draft = page.getByRole('article', { name: 'New comment on the selected passage' });
      await draft.getByRole('textbox', { name: 'Comment on the selected passage' }).fill(body);
      await draft.getByRole('button', { name: 'Post', exact: true }).click();

      const card = page.locator('.margin .thread-card', { hasText: body });
      await card.getByText('Awaiting moderation').waitFor();
      // The passage is highlighted in the text.
      await expect
        .poll(async () => (await page.locator('.article-body mark.hl').allTextContents()).join('|'))
        .toBe(passage);
    } finally {
      pauseWorker(false);
    }

    const card = page.locator('.margin .thread-card', { hasText: body });
    await card.getByText('Awaiting moderation').waitFor({ state: 'detached' });
    await expect.poll(() => card.locator('.comment-body').textContent()).toContain('close reading');
    // Live, not a reload.
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  it('delivers the published comment live to a second browser, without moving the page', async () => {
    const { page } = other;
    const pill = page.getByRole('button', { name: 'Show 1 new comment' });
    await pill.waitFor();
    expect(await page.locator('.thread-card', { hasText: body }).count()).toBe(0);
    await pill.click();
    await page.locator('.margin .thread-card', { hasText: 'close reading' }).waitFor();
    await expect
      .poll(async () => (await page.locator('.article-body mark.hl').allTextContents()).join('|'))
      .toBe(passage);
  });

  it('replies, and the author sees the reply arrive', async () => {
    const { page } = other;
    const card = page.locator('.margin .thread-card', { hasText: 'close reading' });
    await card.getByRole('button', { name: /open thread/ }).click();
    await card.getByRole('button', { name: /^Reply to Alice/ }).click();
    await card.getByRole('textbox', { name: /^Reply to Alice/ }).fill(replyBody);
    await card.getByRole('button', { name: 'Reply', exact: true }).click();
    await card.getByText(replyBody).waitFor();

    const pill = author.page.getByRole('button', { name: 'Show 1 new comment' });
    await pill.waitFor();
    await pill.click();
    const authorCard = author.page.locator('.margin .thread-card', { hasText: body });
    await authorCard.getByText(replyBody).waitFor();
    await authorCard.locator('.comment-author', { hasText: 'Bruno' }).waitFor();
    await author.page
      .locator('.article-body mark.hl')
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(author.page, 'reader', true);
  });

  it('lets a reader edit (with a preview) and delete their own reply', async () => {
    const { page } = other;
    const card = page.locator('.margin .thread-card', { hasText: 'close reading' });
    const reply = card.locator('.comment', { hasText: replyBody }).last();
    await reply.getByRole('button', { name: 'Edit your comment' }).click();
    const editor = card.getByRole('textbox', { name: 'Edit your comment' });
    expect(await editor.inputValue()).toBe(replyBody);
    await editor.fill('I read it **differently**: context matters.');
    await card.getByRole('button', { name: 'Preview' }).click();
    await card.locator('.composer-preview strong', { hasText: 'differently' }).waitFor();
    await card.getByRole('button', { name: 'Preview' }).click();
    await card.getByRole('button', { name: 'Save' }).click();
    const edited = card.locator('.comment', { hasText: 'context matters.' }).last();
    await edited.locator('strong', { hasText: 'differently' }).waitFor();
    await edited.getByText('edited').waitFor();

    await edited.getByRole('button', { name: 'Delete your comment' }).click();
    await card.getByRole('button', { name: 'Delete', exact: true }).click();
    await card.locator('.comment-body', { hasText: 'context matters.' }).waitFor({ state: 'detached' });
  });
});
