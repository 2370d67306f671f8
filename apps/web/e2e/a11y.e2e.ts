/** axe-core on the main pages: no violations of serious or critical impact. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, launchBrowser, newPage, signIn } from './support/browser.ts';
import { seriousA11yViolations } from './support/page-helpers.ts';

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

describe('accessibility (axe-core, serious and critical)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('article list, article with its discussion, and sign-in page', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await page.locator('.article-card').first().waitFor();
    await expectAccessible(page);

    // The demo article with imported reader comments: highlights, margin threads, heatmap.
    await page.getByRole('link', { name: 'Is Rapprochement with Russia Still Possible?' }).click();
    await page.locator('.margin .thread-card').first().waitFor();
    await expectAccessible(page);
    await page.locator('.margin .thread-card button[aria-expanded="false"]').first().click();
    await page.locator('.margin .thread-card.is-expanded').waitFor();
    await expectAccessible(page);

    await page.goto('/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('narrow screens: the discussion drawer', async () => {
    const { context, page } = await newPage(browser, { width: 420, height: 860 });
    await page.goto('/');
    await page.getByRole('link', { name: 'Is Rapprochement with Russia Still Possible?' }).click();
    await page.getByRole('button', { name: /^Discussion/ }).click();
    await page.getByRole('dialog', { name: 'Discussion' }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('admin import page', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.admin, '/manage/import');
    await page.getByRole('heading', { name: 'Import an article' }).waitFor();
    await page.getByRole('heading', { name: 'Recent imports' }).waitFor();
    await expectAccessible(page);
    await context.close();
  });
});
