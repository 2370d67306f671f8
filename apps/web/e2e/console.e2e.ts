/**
 * The moderator console beyond a single decision: held comments approved in bulk from the
 * keyboard, the shortcuts help, a user's page with a suspension, and the admin settings form.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleBySlug, articleSlugByTitle, gql, waitForStatus } from './support/api.ts';
import { DEMO, launchBrowser, newAccount, newPage, registerViaApi, signIn } from './support/browser.ts';
import { seriousA11yViolations } from './support/page-helpers.ts';

const TITLE = 'Relations With Russia';

describe('moderator console', () => {
  let browser: Browser;
  const tag = Date.now().toString(36);
  const names = [`Eve ${tag}`, `Finn ${tag}`];

  beforeAll(async () => {
    browser = await launchBrowser();
    const article = await articleBySlug(await articleSlugByTitle(TITLE));
    // Spam phrases send a comment to the Pending queue (held for a moderator).
    for (const name of names) {
      const account = { ...newAccount(name.split(' ')[0]!), displayName: name };
      const token = await registerViaApi(account);
      const { createThread } = await gql<{ createThread: { comments: Array<{ id: string }> } }>(
        'mutation($input: CreateThreadInput!) { createThread(input: $input) { comments { id } } }',
        { input: { articleId: article.id, body: `Great read, click here for the full story (${name}).` } },
        token,
      );
      await waitForStatus(token, createThread.comments[0]!.id, 'HELD');
    }
  });
  afterAll(async () => {
    await browser.close();
  });

  it('approves a selection of held comments from the keyboard', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.moderator, '/moderate');
    await page.getByLabel('Article').selectOption({ label: TITLE });
    const eve = page.locator('.mod-card', { hasText: names[0]! });
    const finn = page.locator('.mod-card', { hasText: names[1]! });
    await eve.waitFor();
    await finn.waitFor();
    await eve.locator('.mod-where').click(); // focus moves to the card: the cursor follows

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });

    await page.keyboard.press('x');
    while (!(await finn.evaluate((el) => el.classList.contains('is-active')))) await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.getByText('2 comments selected').waitFor();
    await page.keyboard.press('A');
    await eve.waitFor({ state: 'detached' });
    await finn.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: /^Approved/ }).click();
    await page.locator('.mod-card', { hasText: names[0]! }).waitFor();
    await context.close();
  });

  it('opens a user’s page from a card and suspends them', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.moderator, '/moderate?queue=approved');
    await page.locator('.mod-card', { hasText: names[0]! }).getByRole('link', { name: names[0]! }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(names[0]!) }).waitFor();
    await page.getByText('1 published · 0 rejected').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'click here for the full story' }).first().waitFor();
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    await page.getByLabel('Action').selectOption('SUSPENDED');
    await page.getByLabel('For how many days (empty: until lifted)').fill('3');
    await page.getByLabel('Reason').fill('Posting link bait');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Status set to suspended.').waitFor();
    await page.locator('.user-facts .pill', { hasText: 'suspended' }).waitFor();
    await context.close();
  });

  it('lets an admin change the moderation settings', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.admin, '/manage/settings');
    const suspect = page.getByLabel('Suspect words');
    await suspect.waitFor();
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    const before = await suspect.inputValue();
    await suspect.fill(`${before}\nzebracorn-${tag}`.trim());
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.', { exact: false }).waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Suspect words').inputValue()).toContain(`zebracorn-${tag}`);
    await context.close();
  });
});
