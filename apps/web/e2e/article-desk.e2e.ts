/**
 * The admin's article desk: closing an article's discussion (the reader is told and offered no
 * composer), comparing two revisions word by word, and deleting with the slug typed again.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleBySlug, gql, importMarkdown, loginViaApi } from './support/api.ts';
import { DEMO, launchBrowser, newAccount, newPage, registerViaApi, screenshot, signIn } from './support/browser.ts';
import { seriousA11yViolations } from './support/page-helpers.ts';

const slug = `desk-${Date.now().toString(36)}`;
const version = (word: string) => `# The Harbour Master

Boats came in at dawn and the harbour master wrote each one in a ${word} book.

The tide tables hung by the door.
`;

describe('the article desk', () => {
  let browser: Browser;
  let articleId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await loginViaApi(DEMO.admin);
    await importMarkdown(admin, version('green'), slug);
    await importMarkdown(admin, version('blue'), slug);
    articleId = (await articleBySlug(slug)).id;
  });
  afterAll(async () => {
    await browser.close();
  });

  it('closes the comments, and the reader sees the notice instead of a composer', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.admin, `/manage/articles/${articleId}`);
    await page.getByRole('heading', { name: 'The Harbour Master', level: 1 }).waitFor();
    await page.getByLabel('New comments').selectOption('closed');
    await page.getByRole('button', { name: 'Save discussion' }).click();
    await page.getByText('Saved: the discussion is closed.').waitFor();
    await context.close();

    const { context: readerContext, page: readerPage } = await newPage(browser);
    const account = newAccount('Marin');
    await registerViaApi(account);
    await signIn(readerPage, account, `/a/${slug}`);
    await readerPage.getByText('Comments are closed.').waitFor();
    await readerPage.locator('#page-comments-heading').waitFor();
    expect(await readerPage.getByLabel('Comment on the whole article').count()).toBe(0);
    await screenshot(readerPage, 'article-desk-comments-closed');
    expect(await seriousA11yViolations(readerPage)).toEqual([]);
    await readerContext.close();
  });

  it('closes the discussion on a page a reader has open, live', async () => {
    const admin = await loginViaApi(DEMO.admin);
    const live = `${slug}-live`;
    await importMarkdown(admin, version('red'), live);
    const { id } = await articleBySlug(live);
    const { context, page } = await newPage(browser);
    const account = newAccount('Tamsin');
    await registerViaApi(account);
    await signIn(page, account, `/a/${live}`);
    await page.getByLabel('Comment on the whole article').waitFor();

    await gql(
      'mutation($input: SetArticleDiscussionInput!) { setArticleDiscussion(input: $input) { id } }',
      { input: { articleId: id, commentsOpen: false } },
      admin,
    );
    await page.getByText('Comments are closed.').waitFor();
    await expect.poll(() => page.getByLabel('Comment on the whole article').count()).toBe(0);
    await context.close();
  });

  it('shows the word difference between two revisions', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.admin, `/manage/articles/${articleId}`);
    await page.getByRole('heading', { name: 'Revisions' }).waitFor();
    await page.getByLabel('Compare from version 1').check();
    await page.getByLabel('Compare to version 2').check();
    await page.getByRole('button', { name: 'Show the difference' }).click();
    const diff = page.locator('.word-diff');
    await diff.getByText('Version 1 → version 2').waitFor();
    await expect.poll(() => diff.locator('del').allTextContents()).toEqual(['green ']);
    await expect.poll(() => diff.locator('ins').allTextContents()).toEqual(['blue ']);
    await screenshot(page, 'article-desk-revision-diff');
    // The whole desk page (forms, revision table, diff) passes axe-core.
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it('offers the export first and deletes only once the slug is typed', async () => {
    const admin = await loginViaApi(DEMO.admin);
    const doomed = `${slug}-doomed`;
    await importMarkdown(admin, version('grey'), doomed);
    const { id } = await articleBySlug(doomed);
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.admin, `/manage/articles/${id}`);
    const section = page.getByRole('region', { name: 'Delete' });
    await section.getByRole('button', { name: 'Export bundle' }).waitFor();
    const remove = section.getByRole('button', { name: 'Delete this article' });
    expect(await remove.isDisabled()).toBe(true);
    await section.getByLabel(/Type the slug/).fill('not-the-slug');
    expect(await remove.isDisabled()).toBe(true);
    await section.getByLabel(/Type the slug/).fill(doomed);
    await remove.click();
    await page.getByText('“The Harbour Master” was deleted.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/manage/articles');
    await page.goto(`/a/${doomed}`);
    await page.getByRole('heading', { name: 'Article not found' }).waitFor();
    await context.close();
  });
});
