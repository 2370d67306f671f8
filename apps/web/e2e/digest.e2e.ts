/**
 * What readers are saying: the opinion seed's digest is built on its first read, shown above
 * the page comments, and a sentence in it leads to the comment it was quoted from.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';

const ARTICLE_TITLE = 'Is Rapprochement with Russia Still Possible?';

describe('what readers are saying', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('follows a digest sentence to the comment it quotes', async () => {
    const { page } = await newPage(browser);
    await page.goto('/');
    await page.getByRole('link', { name: ARTICLE_TITLE }).click();
    await page.locator('.article-body').waitFor();
    const panel = page.getByRole('region', { name: 'What readers are saying' });
    await panel.waitFor();

    // The first read asks for the digest; it is built after the (shortened) debounce.
    await expect
      .poll(
        async () => {
          if ((await panel.locator('.digest-theme').count()) > 0) return true;
          await page.reload();
          await panel.waitFor();
          await panel.locator('.digest-body').waitFor();
          return (await panel.locator('.digest-theme').count()) > 0;
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe(true);
    expect(await panel.getByRole('heading', { level: 3 }).count()).toBeGreaterThanOrEqual(3);
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'digest-panel', true);

    const sentence = panel.locator('.digest-theme .digest-sentence').first();
    const href = (await sentence.getAttribute('href'))!;
    const commentId = /\/c\/([0-9a-f-]+)$/.exec(href)![1]!;
    const quoted = (await sentence.textContent())!.replace(/^“|”$/g, '');
    await sentence.click();

    await expect.poll(() => new URL(page.url()).pathname).toMatch(new RegExp(`/c/${commentId}$`));
    const comment = page.locator(`#comment-${commentId}`);
    await comment.waitFor();
    // The permalink marks the comment as its target (on the comment's list item).
    await page.locator(`li.comment.is-target > #comment-${commentId}`).waitFor();
    expect(await comment.textContent()).toContain(quoted);
    await expect.poll(() => comment.isVisible()).toBe(true);
  });
});
