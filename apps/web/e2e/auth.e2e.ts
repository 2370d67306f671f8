import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountMenu, launchBrowser, newAccount, newPage, registerViaApi, signIn } from './support/browser.ts';

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

    // The session survives a reload (restored from the refresh cookie).
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

  it('keeps the session out of scripts’ reach and in step across tabs', async () => {
    const { context, page } = await newPage(browser);
    const me = newAccount('Tabs');
    await registerViaApi(me);
    await signIn(page, me);
    const other = await context.newPage();
    await other.goto('/');
    await accountMenu(other, me.displayName).waitFor();

    // No token in web storage or script-readable cookies; the refresh token is an HttpOnly cookie on /auth.
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([
      0,
      0,
      '',
    ]);
    const refresh = (await context.cookies()).find((cookie) => cookie.name === 'marginalia_refresh');
    expect(refresh).toMatchObject({ path: '/auth', httpOnly: true, sameSite: 'Strict' });

    // Both tabs restore the session at once: they take turns with the single-use refresh token,
    // so the sign-in survives (presenting one token twice would end it).
    await Promise.all([page.reload(), other.reload()]);
    await accountMenu(page, me.displayName).waitFor();
    await accountMenu(other, me.displayName).waitFor();
    await page.reload();
    await accountMenu(page, me.displayName).waitFor();

    // Signing out in one tab signs the other out; signing in again reaches it too.
    await accountMenu(page, me.displayName).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await other.getByRole('link', { name: 'Sign in' }).waitFor();
    await signIn(page, me);
    await accountMenu(other, me.displayName).waitFor();
    await context.close();
  });
});
