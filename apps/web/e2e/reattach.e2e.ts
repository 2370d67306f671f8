/**
 * Orphaned threads: a revision removes a discussed passage, the thread moves to the Orphaned
 * tab with its original quote, and a moderator re-attaches it to a passage of the new text.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleBySlug, commentOnPassage, gql, importMarkdown, loginViaApi, waitForStatus } from './support/api.ts';
import { DEMO, launchBrowser, newAccount, newPage, registerViaApi, signIn } from './support/browser.ts';
import { dragSelect } from './support/page-helpers.ts';

const slug = `orphans-${Date.now().toString(36)}`;
const REMOVED = 'The lighthouse keeper logged every passing ship in a leather ledger.';
const KEPT = 'Storms came from the west and stayed for days at a time.';
const version = (extra: string) => `# The Lighthouse Ledger

${KEPT} The island had no other visitors in winter.

${extra}

Spring brought the supply boat and, with it, letters from the mainland.
`;

describe('orphaned threads', () => {
  let browser: Browser;
  let threadId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await loginViaApi(DEMO.admin);
    await importMarkdown(admin, version(REMOVED), slug);
    const reader = await registerViaApi(newAccount('Gale'));
    const posted = await commentOnPassage(reader, await articleBySlug(slug), REMOVED, 'What happened to the ledger?');
    threadId = posted.threadId;
    await waitForStatus(reader, posted.commentId, 'PUBLISHED');
    // A new revision without the passage.
    await importMarkdown(admin, version('The keeper kept no records that survive.'), slug);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { article } = await gql<{ article: { orphanedThreads: Array<{ id: string }> } }>(
        'query($slug: String!) { article(slug: $slug) { orphanedThreads { id } } }',
        { slug },
      );
      if (article.orphanedThreads.some((t) => t.id === threadId)) break;
      if (Date.now() > deadline) throw new Error('the thread was not orphaned');
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows the thread with its original quote, and lets a moderator re-attach it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.moderator, `/a/${slug}`);
    await page.getByRole('tab', { name: /^Orphaned/ }).click();
    const card = page.locator('.thread-card.is-orphaned', { hasText: REMOVED });
    await card.waitFor();
    await card.getByText('Originally on:').waitFor();

    await card.getByRole('button', { name: 'Re-attach to a passage…' }).click();
    await page.getByText('Select the passage this thread belongs to').waitFor();
    await dragSelect(page, KEPT);
    await page.getByRole('button', { name: 'Attach here' }).click();

    await page.getByRole('tab', { name: /^In the text/, selected: true }).waitFor();
    await expect.poll(async () => (await page.locator('.article-body mark.hl').allTextContents()).join('')).toBe(KEPT);
    await page.locator('.margin .thread-card', { hasText: 'What happened to the ledger?' }).waitFor();
    await context.close();
  });
});
