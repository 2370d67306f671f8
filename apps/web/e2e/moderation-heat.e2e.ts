/**
 * Moderation by passage: the moderator's view of an article shaded by moderation (the passage
 * whose thread drew a report and a hold is shaded, a quiet passage is not, the status line says
 * what was counted; readers are never offered the switch), and the Pending queue grouped by
 * passage, where a whole passage's comments are decided together.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleBySlug, commentOnPassage, gql, importMarkdown, loginViaApi, waitForStatus } from './support/api.ts';
import { DEMO, launchBrowser, newAccount, newPage, registerViaApi, screenshot, signIn } from './support/browser.ts';
import { seriousA11yViolations } from './support/page-helpers.ts';

const MODERATE = 'mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { id } }';
const FLAG = 'mutation($input: FlagCommentInput!) { flagComment(input: $input) { id } }';
const REPLY = 'mutation($input: ReplyInput!) { reply(input: $input) { id } }';

describe('moderation by passage', () => {
  let browser: Browser;
  let slug = '';
  const threads = { hot: '', quiet: '' };

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await loginViaApi(DEMO.admin);
    const moderator = await loginViaApi(DEMO.moderator);
    slug = await importMarkdown(
      admin,
      [
        '# The harbour question',
        '',
        'The council voted to sell the old harbour to a developer who promised a marina and flats.',
        '',
        'Fishermen say the quay has fed the town for three centuries and should stay a working port.',
        '',
        'A decision on the appeal is expected before the spring tides return to the estuary.',
      ].join('\n'),
      `harbour-heat-${Date.now().toString(36)}`,
    );
    const article = await articleBySlug(slug);
    const author = await registerViaApi(newAccount('Heather'));
    const hot = await commentOnPassage(author, article, 'sell the old harbour to a developer', 'A shameful sale.');
    const quiet = await commentOnPassage(author, article, 'fed the town for three centuries', 'Since 1720, in fact.');
    await waitForStatus(author, hot.commentId, 'PUBLISHED');
    await waitForStatus(author, quiet.commentId, 'PUBLISHED');
    threads.hot = hot.threadId;
    threads.quiet = quiet.threadId;
    await gql(FLAG, { input: { commentId: hot.commentId, reason: 'ABUSE' } }, await registerViaApi(newAccount('Flo')));
    const reply = await gql<{ reply: { id: string } }>(
      REPLY,
      { input: { parentId: hot.commentId, body: 'Whoever voted for it should be ashamed.' } },
      await registerViaApi(newAccount('Rex')),
    );
    await gql(MODERATE, { input: { commentId: reply.reply.id, action: 'HOLD' } }, moderator);
  });
  afterAll(async () => {
    await browser.close();
  });

  const markOf = (threadId: string) => `mark[data-threads~="${threadId}"]`;

  it('shades the passages that drew reports and holds, and leaves quiet ones unshaded', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.moderator, `/a/${slug}`);
    await page.locator(markOf(threads.quiet)).waitFor();
    // By discussion (the default) both passages are shaded.
    expect(await page.locator(markOf(threads.quiet)).getAttribute('class')).toMatch(/hl-[1-4]/);

    await page.getByRole('button', { name: 'Moderation', exact: true }).click();
    await page.getByText('1 passage drew 1 report, 1 held and 0 rejected in the last 30 days').waitFor();
    expect(await page.getByRole('button', { name: 'Moderation', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await expect.poll(() => page.locator(markOf(threads.hot)).getAttribute('class')).toMatch(/hl-[1-4]/);
    expect(await page.locator(markOf(threads.quiet)).getAttribute('class')).toMatch(/hl-0/);
    await page.getByRole('navigation', { name: 'Moderation map' }).waitFor();
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await screenshot(page, 'moderation-heat', true);

    // And back.
    await page.getByRole('button', { name: 'Discussion', exact: true }).click();
    await expect.poll(() => page.locator(markOf(threads.quiet)).getAttribute('class')).toMatch(/hl-[1-4]/);
    await context.close();
  });

  it('never offers readers the switch', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.reader, `/a/${slug}`);
    await page.locator(markOf(threads.quiet)).waitFor();
    expect(await page.getByRole('group', { name: 'Shade the text by' }).count()).toBe(0);
    await context.close();
  });

  it('groups the Pending queue by passage and approves one passage’s comments together', async () => {
    const admin = await loginViaApi(DEMO.admin);
    const moderator = await loginViaApi(DEMO.moderator);
    const other = await importMarkdown(
      admin,
      'A new bridge will cross the river by 2030, the mayor said.\n\nCritics call the plan a vanity project.',
      `bridge-groups-${Date.now().toString(36)}`,
    );
    const article = await articleBySlug(other);
    const author = await registerViaApi(newAccount('Gwen'));
    const posted = [
      await commentOnPassage(author, article, 'A new bridge will cross the river', 'Finally.'),
      await commentOnPassage(author, article, 'A new bridge will cross the river', 'About time too.'),
      await commentOnPassage(author, article, 'a vanity project', 'It is one.'),
    ];
    for (const { commentId } of posted) {
      await waitForStatus(author, commentId, 'PUBLISHED');
      await gql(MODERATE, { input: { commentId, action: 'HOLD' } }, moderator);
    }

    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.moderator, `/moderate?queue=PENDING&article=${article.id}`);
    await page.locator('.mod-card').first().waitFor();
    await page.getByRole('button', { name: 'Group by passage' }).click();
    const bridge = page.getByRole('list', { name: 'Comments on “A new bridge will cross the river”' });
    await bridge.waitFor();
    expect(await bridge.locator('.mod-card').count()).toBe(2);
    await page.getByRole('button', { name: 'Select these 2' }).click();
    await page.getByText('2 comments selected').waitFor();
    await page.getByRole('button', { name: /Approve selected/ }).click();
    await waitForStatus(author, posted[0]!.commentId, 'PUBLISHED');
    await waitForStatus(author, posted[1]!.commentId, 'PUBLISHED');
    await waitForStatus(author, posted[2]!.commentId, 'HELD');
    await page.getByRole('list', { name: 'Comments on “a vanity project”' }).waitFor();
    await context.close();
  });
});
