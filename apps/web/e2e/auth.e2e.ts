import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountMenu, launchBrowser, newAccount, newPage } from './support/browser.ts';

describe('accounts', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('registers, signs out and signs back in, returning to the page it came from', async () => {
    const { context, page } = await newPage(browser);
    const me = newAccount('Ada');

    await page.goto('/');
    await page.getByRole('link', { name: 'Join' }).click();
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    await page.getByLabel('Display name').fill(me.displayName);
    await page.getByLabel('Handle').fill(me.handle);
    await page.getByLabel('Email').fill(me.email);
    await page.getByLabel('Password').fill(me.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await accountMenu(page, me.displayName).waitFor();

    // The session survives a reload (tokens in storage, user re-read from the API).
    await page.reload();
    await accountMenu(page, me.displayName).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();

    // Wrong password: a visible, announced error and no session.
    const article = await page.locator('.article-card h2 a').first().getAttribute('href');
    expect(article).toMatch(/^\/a\//);
    await page.goto(`/login?next=${encodeURIComponent(article!)}`);
    await page.getByLabel('Email').fill(me.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/./);

    await page.getByLabel('Password').fill(me.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await accountMenu(page, me.displayName).waitFor();
    expect(new URL(page.url()).pathname).toBe(article);
    await context.close();
  });
});
