/** Phones: the discussion lives in a drawer; commenting on a passage happens there. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newAccount, newPage, registerViaApi, signIn } from './support/browser.ts';
import { dragSelect, firstParagraphText, passageOf } from './support/page-helpers.ts';

describe('narrow screens', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('comments on a passage in the drawer: focus in the composer, Ctrl+Enter posts, Escape closes', async () => {
    const account = newAccount('Hana');
    await registerViaApi(account);
    const { context, page } = await newPage(browser, { width: 400, height: 820 });
    await signIn(page, account, '/');
    await page.getByRole('link', { name: 'Is Rapprochement with Russia Still Possible?' }).click();
    await page.locator('.article-body').waitFor();

    const passage = passageOf(await firstParagraphText(page), 4);
    await dragSelect(page, passage);
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: 'Discussion' });
    await drawer.waitFor();
    const composer = drawer.getByRole('textbox', { name: 'Comment on the selected passage' });
    // Focus is in the composer, ready to type.
    await expect.poll(() => composer.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Seen from a phone, this still reads as the crux.');
    await page.keyboard.press('Control+Enter');
    const card = drawer.locator('.thread-card', { hasText: 'Seen from a phone' });
    await card.waitFor();
    // Focus moves to the new thread (screen readers hear the result); only then does Escape
    // reach the drawer rather than the composer that is going away.
    await expect.poll(() => card.evaluate((el) => el.contains(document.activeElement))).toBe(true);

    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^Discussion/ }).waitFor();
    await context.close();
  });
});
