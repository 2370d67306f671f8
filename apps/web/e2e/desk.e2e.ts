/**
 * The moderators' desk: a moderator finds a held comment by searching, approves it from the
 * result with the keyboard, dismisses a reader's report without any other decision, and reads a
 * comment's edit history as a word diff, from the console card and from the thread.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleBySlug, articleSlugByTitle, commentOnPassage, gql, loginViaApi, waitForStatus } from './support/api.ts';
import {
  DEMO,
  launchBrowser,
  newAccount,
  newPage,
  registerViaApi,
  signIn,
  type NewAccount,
} from './support/browser.ts';
import { seriousA11yViolations } from './support/page-helpers.ts';

const TITLE = 'Should the US normalize diplomatic relations with Russia?';
const MODERATE = 'mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { id } }';
const FLAG = 'mutation($input: FlagCommentInput!) { flagComment(input: $input) { id } }';
const EDIT = 'mutation($input: EditCommentInput!) { editComment(input: $input) { id } }';

describe('the moderators’ desk', () => {
  let browser: Browser;
  let author: NewAccount;
  let authorToken = '';
  let moderatorToken = '';
  let slug = '';
  const tag = Date.now().toString(36);
  const words = { held: `heldword${tag}`, reported: `reportedword${tag}`, edited: `editedword${tag}` };
  const ids = { held: '', reported: '', edited: '' };

  beforeAll(async () => {
    browser = await launchBrowser();
    author = newAccount('Robin');
    authorToken = await registerViaApi(author);
    moderatorToken = await loginViaApi(DEMO.moderator);
    slug = await articleSlugByTitle(TITLE);
    const article = await articleBySlug(slug);
    const paragraphs = article.revision.text.split('\n\n').filter((p) => p.length > 120);
    const passage = (n: number) => paragraphs[n]!.split(/\s+/).slice(2, 7).join(' ');
    const post = async (n: number, body: string) => {
      const { commentId } = await commentOnPassage(authorToken, article, passage(n), body);
      await waitForStatus(authorToken, commentId, 'PUBLISHED');
      return commentId;
    };
    ids.held = await post(0, `The ${words.held} argument deserves a closer reading of the treaty.`);
    ids.reported = await post(1, `A sharp but fair point about ${words.reported} sanctions.`);
    ids.edited = await post(2, `My first draft about the ${words.edited} summit was hasty.`);
    await gql(MODERATE, { input: { commentId: ids.held, action: 'HOLD' } }, moderatorToken);
    const reader = newAccount('Sam');
    await gql(FLAG, { input: { commentId: ids.reported, reason: 'OFFENSIVE' } }, await registerViaApi(reader));
    await gql(
      EDIT,
      { input: { commentId: ids.edited, body: `My second thought about the ${words.edited} summit was careful.` } },
      authorToken,
    );
    await waitForStatus(authorToken, ids.edited, 'PUBLISHED');
  });
  afterAll(async () => {
    await browser.close();
  });

  it('finds a held comment by a stemmed word and approves it from the result with the keyboard', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.moderator, '/moderate');
    const box = page.getByRole('searchbox', { name: 'Search comments' });
    await page.getByRole('tab', { name: /^Pending/ }).waitFor();
    // "/" goes to the search box; Enter searches and puts the keyboard on the first result.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(`${words.held} arguments`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Comments matching “${words.held} arguments”` }).waitFor();
    const card = page.locator('.mod-card', { hasText: words.held });
    await card.locator('.mod-snippet').waitFor();
    expect(await card.locator('.mod-snippet mark').allTextContents()).toEqual([words.held, 'argument']);
    expect(await card.locator('.mod-status').textContent()).toBe('held');
    await expect.poll(() => card.evaluate((el) => el === document.activeElement)).toBe(true);
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    await page.keyboard.press('a');
    // The result stays, with its new status.
    await expect.poll(() => card.locator('.mod-status').textContent()).toBe('published');
    await waitForStatus(authorToken, ids.held, 'PUBLISHED');
    await page.getByRole('button', { name: 'Back to the queue' }).click();
    await page.getByRole('tab', { name: /^Pending/, selected: true }).waitFor();
    await context.close();
  });

  it('dismisses a report with a reason and keeps the comment published', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.moderator, '/moderate?queue=reported');
    const card = page.locator('.mod-card', { hasText: words.reported });
    await card.waitFor();
    await card.getByRole('button', { name: /Dismiss reports/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Dismiss 1 report' });
    await dialog.getByLabel('Reason for the audit log (optional)').fill('Sharp, not offensive');
    await dialog.getByRole('button', { name: 'Dismiss reports' }).click();
    await card.waitFor({ state: 'detached' });
    await waitForStatus(authorToken, ids.reported, 'PUBLISHED');
    const log = await gql<{ auditLog: { entries: Array<{ action: string; reason: string }> } }>(
      'query($f: AuditLogFilterInput) { auditLog(filter: $f, first: 5) { entries { action reason commentId } } }',
      { f: { actions: ['FLAGS_RESOLVED'] } },
      moderatorToken,
    );
    expect(log.auditLog.entries[0]!.reason).toContain('Sharp, not offensive');
    await context.close();
  });

  it('shows a comment’s edit history as a word diff, from the console card and from the thread', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.moderator, `/moderate?q=${encodeURIComponent(words.edited)}`);
    const card = page.locator('.mod-card', { hasText: words.edited });
    await card.getByRole('button', { name: /Edit history/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit history' });
    await dialog.locator('.version').nth(1).waitFor();
    const newest = dialog.locator('.version').first();
    expect(await newest.locator('del').allTextContents()).toEqual(['first draft', 'hasty.']);
    expect(await newest.locator('ins').allTextContents()).toEqual(['second thought', 'careful.']);
    expect(await dialog.locator('.version').nth(1).textContent()).toContain('Posted');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await context.close();

    // The author sees the same history from the thread, under "edited".
    const own = await newPage(browser);
    await signIn(own.page, author, `/a/${slug}/c/${ids.edited}`);
    const edited = own.page.getByRole('button', { name: 'Edited: show the edit history' });
    await edited.click();
    const ownDialog = own.page.getByRole('dialog', { name: 'Edit history' });
    await ownDialog.locator('.version ins').first().waitFor();
    expect(await ownDialog.locator('.version').first().locator('ins').allTextContents()).toEqual([
      'second thought',
      'careful.',
    ]);
    await own.context.close();
  });

  it('keeps a private note on the author, shows it on their cards, and lists the dismissal in the audit trail', async () => {
    const me = await gql<{ me: { id: string; handle: string } }>('{ me { id handle } }', {}, authorToken);
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.moderator, `/moderate/users/${me.me.id}`);
    await page.getByLabel('New note').fill('Tends to edit after replies; check the history.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('.note-list li', { hasText: 'Tends to edit after replies' }).waitFor();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await page.locator('.audit-list li', { hasText: 'hold' }).first().waitFor();

    // Search by the author's handle: the card carries the note.
    await page.goto(`/moderate?q=${encodeURIComponent(words.edited)}&author=${encodeURIComponent(`@${me.me.handle}`)}`);
    const card = page.locator('.mod-card', { hasText: words.edited });
    await card.getByText('1 moderator note on Robin').click();
    await card.getByText(/Tends to edit after replies/).waitFor();

    await page.goto('/moderate/audit?kind=decisions');
    await page.locator('.audit-list li', { hasText: 'Sharp, not offensive' }).waitFor();
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await context.close();
  });
});
