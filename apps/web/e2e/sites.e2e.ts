/**
 * The Sites page: an admin registers a publisher's site, is told which origin line is wrong,
 * sees the SSO secret once with the embed snippet ready to copy, and rotates the secret.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, launchBrowser, newPage, screenshot, signIn } from './support/browser.ts';
import { seriousA11yViolations } from './support/page-helpers.ts';

describe('the Sites page', () => {
  let browser: Browser;
  let page: Page;
  const name = `Gazette ${Date.now().toString(36)}`;
  const origin = `https://${name.toLowerCase().replace(/\s+/g, '-')}.example`;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await newPage(browser));
    await signIn(page, DEMO.admin, '/manage/sites');
  });
  afterAll(async () => {
    await browser.close();
  });

  it('registers a site from the keyboard and shows its secret once, with the snippet', async () => {
    await page.getByRole('heading', { name: 'Sites', exact: true }).waitFor();
    await page.getByLabel('Name', { exact: true }).focus();
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(`${origin}\n${origin}/articles/today`);
    await page.getByRole('button', { name: 'Register site' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Line 2: .*without a path/);

    await page.getByLabel('Origins', { exact: true }).fill(origin);
    await page.getByRole('button', { name: 'Register site' }).click();
    const notice = page.getByRole('region', { name: `Single sign-on secret of ${name}` });
    await notice.waitFor();
    const secret = (await notice.locator('code').textContent())!.trim();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
    const snippet = await card.getByLabel('Embed snippet').inputValue();
    expect(snippet).toContain('<article data-marginalia-article>');
    expect(snippet).toMatch(/<script src="[^"]+\/embed\.js" data-site="[0-9a-f-]{36}" async><\/script>/);

    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await screenshot(page, 'sites', true);

    await page.getByRole('button', { name: 'I have stored it' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    // Reloaded, the page shows the site and never the secret.
    await page.reload();
    await card.waitFor();
    expect(await page.content()).not.toContain(secret);
  });

  it('rotates the secret after a confirmation', async () => {
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
    await card.getByRole('button', { name: 'Rotate SSO secret' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate secret' }).click();
    const notice = page.getByRole('region', { name: `Single sign-on secret of ${name}` });
    await notice.waitFor();
    expect((await notice.locator('code').textContent())!.trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
