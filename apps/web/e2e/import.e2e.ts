/** An admin uploads a Markdown file and follows the import job to the new article. */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, launchBrowser, newPage, screenshot, signIn } from './support/browser.ts';

const TITLE = `Field Notes on Marginalia ${Date.now().toString(36)}`;
const MARKDOWN = `# ${TITLE}

Readers have always written in the margins. The habit predates print: glosses crowd the edges of
medieval manuscripts, arguing with the text and with each other.

## Why the margin

A margin keeps the conversation next to the sentence that provoked it. Nobody has to quote the
passage again, and nobody loses their place.

- Notes stay anchored to their passage.
- Threads grow where the text is contested.

> The margin is where reading becomes a conversation.
`;

describe('admin import', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('uploads a Markdown file and follows the progress bar to the article', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.admin, '/manage');
    await page.getByRole('heading', { name: 'Import an article' }).waitFor();

    await page.getByRole('radio', { name: 'Upload a file' }).check();
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'field-notes.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(MARKDOWN),
    });
    await page.getByText('field-notes.md — imported as markdown').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await bar.waitFor();
    await page.getByRole('heading', { name: 'Import complete' }).waitFor();
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    await screenshot(page, 'admin-import', true);

    // The import shows up in the history, and the link leads to the article.
    await page.getByRole('table').getByText('markdown', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Read the article' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('heading', { name: 'Why the margin' }).waitFor();
    expect(await page.locator('.article-body li').count()).toBe(2);

    // …and can export it again as a bundle.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export bundle' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.bundle\.json$/);
    const bundle = JSON.parse(await readFile((await download.path())!, 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(bundle)).toContain('Why the margin');
    await context.close();
  });

  it('uploads a WordPress export as the site history and follows the progress bar', async () => {
    const site = `history-${Date.now().toString(36)}.example`;
    const wxr = (
      await readFile(new URL('../../api/test/support/history/wordpress.wxr.xml', import.meta.url), 'utf8')
    ).replaceAll('harbour.example', site);
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.admin, '/manage/import');
    await page.getByRole('radio', { name: 'Site history' }).check();
    // The slug belongs to single articles; an export names its own.
    expect(await page.getByLabel('Address slug (optional)').count()).toBe(0);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Choose a WordPress or Disqus export.').waitFor();

    await page.getByLabel('Export file').setInputFiles({
      name: 'harbour-gazette.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(wxr),
    });
    await page.getByText(/harbour-gazette\.xml — \d+ KB/).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await bar.waitFor();
    await page.getByRole('heading', { name: 'Import complete' }).waitFor();
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    await page.getByText('Skipped draft post 30 "Draft: the new breakwater".').waitFor();
    await page.getByText(/Skipped pingback 106/).waitFor();
    await context.close();
  });

  it('opens the job queues from the staff menu, with no token in the URL', async () => {
    const { context, page } = await newPage(browser);
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await signIn(page, DEMO.admin, '/manage/import');
    // From the keyboard: the link trades the access token for the board's cookie with a POST.
    await page.getByRole('link', { name: 'Job queues' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/admin/queues');
    await expect.poll(() => page.title()).toBe('Marginalia queues');
    const board = (await context.cookies()).find((cookie) => cookie.name === 'marginalia_board');
    expect(board).toMatchObject({ path: '/admin/queues', httpOnly: true, sameSite: 'Strict' });
    expect(urls.filter((url) => /[?&]token=/.test(url))).toEqual([]);
    await context.close();
  });

  it('keeps readers out of the admin pages', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.reader, '/manage/import');
    await page.getByRole('heading', { name: 'Not available' }).waitFor();
    await context.close();
  });
});
