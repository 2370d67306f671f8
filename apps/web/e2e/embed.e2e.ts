/**
 * Marginalia on a publisher's page, with two real origins on loopback: the host page (a static
 * server on another port) loads embed.js, its text carries the article's highlights, a reader
 * signed in by the host's token selects a passage and posts, and the new highlight appears —
 * live for another reader too; page-level comments work in their own frame, which grows with
 * them; a reader without a host token signs in through Marginalia's popup, once for both frames.
 * Bad tokens are refused, the host page holds no token, and a page of an unregistered origin
 * gets nothing (it cannot even frame the panel).
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentOnPassage, gql, loginViaApi, waitForStatus } from './support/api.ts';
import { baseUrl, DEMO, launchBrowser, newPage, screenshot } from './support/browser.ts';
import { startHostSite, signToken, STORY_PATH, STORY_PARAGRAPHS, type HostSite } from './support/host-site.ts';
import { dragSelect, seriousA11yViolations } from './support/page-helpers.ts';

const CREATE_SITE = `mutation($input: CreateSiteInput!) { createSite(input: $input) { ssoSecret site { id } } }`;
const EMBED_ARTICLE = `query($siteId: ID!, $url: String!) { embedArticle(siteId: $siteId, url: $url) { state slug } }`;
const ARTICLE = `query($slug: String!) { article(slug: $slug) { id slug revision { text } } }`;

describe('the embed on a publisher’s page', () => {
  let browser: Browser;
  let host: HostSite;
  let stranger: HostSite;
  let site = { id: '', secret: '' };
  let threadId = '';
  let usedToken = '';
  let story: readonly string[] = STORY_PARAGRAPHS;
  let article = { id: '', slug: '', revision: { text: '' } };

  const storyUrl = (token?: string): string =>
    `${host.origin}${STORY_PATH}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  const panelOf = (page: Page): FrameLocator => page.frameLocator('iframe[title="Marginalia discussion"]');
  const discussionOf = (page: Page): FrameLocator =>
    page.frameLocator('iframe[title="Marginalia comments on this article"]');
  const discussionHeight = (page: Page): Promise<number> =>
    page.evaluate(() => {
      const frame = document
        .querySelector('[data-marginalia-ui="discussion"]')
        ?.shadowRoot?.querySelector('iframe') as HTMLIFrameElement | null;
      return frame ? frame.getBoundingClientRect().height : -1;
    });
  const highlight = (page: Page, id: string) => page.locator(`mark[data-marginalia-highlight="${id}"]`);
  const reader = (sub: string, name = 'Ada Reader') => signToken({ sub, name }, site.secret);

  beforeAll(async () => {
    browser = await launchBrowser();
    host = await startHostSite(
      baseUrl(),
      () => site.id,
      () => story,
    );
    stranger = await startHostSite(baseUrl(), () => site.id);
    const admin = await loginViaApi(DEMO.admin);
    const created = await gql<{ createSite: { ssoSecret: string; site: { id: string } } }>(
      CREATE_SITE,
      { input: { name: 'Loopback Gazette', origins: [host.origin] } },
      admin,
    );
    site = { id: created.createSite.site.id, secret: created.createSite.ssoSecret };

    // The first embed of the page imports it (the importer trusts the registered origin).
    let slug: string | null = null;
    const deadline = Date.now() + 60_000;
    while (!slug && Date.now() < deadline) {
      const data = await gql<{ embedArticle: { state: string; slug: string | null } }>(EMBED_ARTICLE, {
        siteId: site.id,
        url: `${host.origin}${STORY_PATH}`,
      });
      slug = data.embedArticle.slug;
      if (!slug) await new Promise((r) => setTimeout(r, 300));
    }
    if (!slug) throw new Error('the host page was not imported');
    ({ article } = await gql<{ article: typeof article }>(ARTICLE, { slug }));
    const token = await loginViaApi(DEMO.reader);
    const posted = await commentOnPassage(token, article, 'Fishermen read the water', 'Like a newspaper, indeed.');
    await waitForStatus(token, posted.commentId, 'PUBLISHED');
    threadId = posted.threadId;
  });
  afterAll(async () => {
    await browser.close();
    await host.close();
    await stranger.close();
  });

  it('highlights the existing threads on the host’s text; a reader signed in by the host posts on a selection', async () => {
    const { page } = await newPage(browser);
    usedToken = reader(`host-user-${Date.now().toString(36)}`);
    await page.goto(storyUrl(usedToken));
    await expect.poll(() => highlight(page, threadId).textContent()).toBe('Fishermen read the water');
    // The host's text is unchanged by the highlights.
    expect(await page.locator('[data-marginalia-article] p').nth(1).textContent()).toBe(STORY_PARAGRAPHS[1]);

    // Another reader, anonymous, watches the same page.
    const { page: watcher } = await newPage(browser);
    await watcher.goto(storyUrl());
    await highlight(watcher, threadId).waitFor();

    await expect.poll(() => panelOf(page).getByText('Signed in as Ada Reader').count()).toBe(1);
    await dragSelect(page, 'the mud flats answer', '[data-marginalia-article]');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const composer = panelOf(page).getByRole('textbox', { name: 'Comment on the selected passage' });
    await composer.fill('Salt and iron: exactly the smell.');
    await panelOf(page)
      .getByRole('article', { name: 'New comment on the selected passage' })
      .getByRole('button', { name: 'Post', exact: true })
      .click();

    const mine = page.locator('mark[data-marginalia-highlight]', { hasText: 'the mud flats answer' });
    await expect.poll(() => mine.count()).toBeGreaterThan(0);
    // Live: the watcher's page gets the new highlight without a reload, once it is published.
    const theirs = watcher.locator('mark[data-marginalia-highlight]', { hasText: 'the mud flats answer' });
    await expect.poll(() => theirs.count(), { timeout: 30_000 }).toBeGreaterThan(0);

    // Page-level comments, in their own frame after the article: the reader is signed in there
    // too (one sign-in for the page), no highlight is drawn for them, and the frame grows with them.
    const marks = await page.locator('mark[data-marginalia-highlight]').count();
    const discussion = discussionOf(page);
    const before = await discussionHeight(page);
    await discussion
      .getByRole('textbox', { name: 'Comment on the whole article' })
      .fill('A fine piece on tides and their readers.');
    // The docked panel is open: close it first, as a reader would.
    await panelOf(page).getByRole('button', { name: 'Close discussion' }).click();
    await discussion.locator('.page-comments').getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(() => discussion.getByText('A fine piece on tides and their readers.').count()).toBe(1);
    expect(await page.locator('mark[data-marginalia-highlight]').count()).toBe(marks);
    await expect.poll(() => discussionHeight(page)).toBeGreaterThan(before);
    // Sized to its content: the frame's document has nothing to scroll.
    const inner = await page
      .frames()
      .find((f) => f.url().includes('/embed/discussion'))!
      .evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(inner).toBeLessThanOrEqual(1);

    // A click on a highlight opens its thread in the panel.
    await highlight(page, threadId).click();
    await expect.poll(() => panelOf(page).getByText('Like a newspaper, indeed.').count()).toBeGreaterThan(0);
    await screenshot(page, 'embed-host-page', true);

    // Nothing of Marginalia's is within the host page's reach.
    const reach = await page.evaluate(() => {
      const frame = document
        .querySelector('[data-marginalia-ui="panel"]')
        ?.shadowRoot?.querySelector('iframe') as HTMLIFrameElement | null;
      let frameDocument: string;
      try {
        frameDocument = frame?.contentDocument ? 'readable' : 'null';
      } catch {
        frameDocument = 'blocked';
      }
      return {
        local: JSON.stringify({ ...localStorage }),
        session: JSON.stringify({ ...sessionStorage }),
        cookie: document.cookie,
        frameDocument,
      };
    });
    expect(reach).toEqual({ local: '{}', session: '{}', cookie: '', frameDocument: 'null' });
    await watcher.context().close();
    await page.context().close();
  });

  it('signs a reader without a host token in through Marginalia’s own popup, for both frames', async () => {
    const { page } = await newPage(browser);
    await page.goto(storyUrl());
    const discussion = discussionOf(page);
    await discussion.getByRole('button', { name: 'Sign in', exact: true }).waitFor({ timeout: 30_000 });
    const [popup] = await Promise.all([
      page.context().waitForEvent('page'),
      discussion.getByRole('button', { name: 'Sign in', exact: true }).click(),
    ]);
    await popup.getByLabel('Email').fill(DEMO.reader.email);
    await popup.getByLabel('Password').fill(DEMO.reader.password);
    await popup.getByRole('button', { name: 'Sign in', exact: true }).click();
    await popup.waitForEvent('close', { timeout: 30_000 });
    await expect.poll(() => discussion.getByRole('textbox', { name: 'Comment on the whole article' }).count()).toBe(1);
    // The panel shares the sign-in.
    await expect
      .poll(() =>
        panelOf(page)
          .getByText(/Signed in as/)
          .count(),
      )
      .toBe(1);
    // Still nothing of the session on the host page.
    expect(await page.evaluate(() => [document.cookie, JSON.stringify({ ...localStorage })])).toEqual(['', '{}']);
    await page.context().close();
  });

  it('says how to sign in when the browser blocks the sign-in popup', async () => {
    const { context, page } = await newPage(browser);
    // A browser that blocks pop-ups: window.open answers null in every frame.
    await context.addInitScript(() => {
      window.open = () => null;
    });
    await page.goto(storyUrl());
    const discussion = discussionOf(page);
    await discussion.getByRole('button', { name: 'Sign in', exact: true }).click({ timeout: 30_000 });
    await discussion.getByRole('alert').filter({ hasText: 'blocked the sign-in window' }).waitFor();
    await context.close();
  });

  it('lets a reader the host signed in delete their account from the panel, typing their handle', async () => {
    const { page } = await newPage(browser);
    await page.goto(storyUrl(reader(`leaver-${Date.now().toString(36)}`, 'Lee Leaver')));
    const panel = panelOf(page);
    await expect.poll(() => panel.getByText('Signed in as Lee Leaver').count()).toBe(1);
    const pageComposer = discussionOf(page).getByRole('textbox', { name: 'Comment on the whole article' });
    await expect.poll(() => pageComposer.count()).toBe(1);
    await highlight(page, threadId).click();
    await panel.getByRole('button', { name: 'Account' }).click();
    const handleText = await panel.locator('.embed-panel-handle').textContent();
    const handle = handleText!.replace(/^@/, '');
    expect(await panel.getByLabel('Password').count()).toBe(0);
    await panel.getByLabel('Your handle').fill(handle);
    await panel.getByRole('checkbox', { name: /deleted for good/ }).check();
    await panel.getByRole('button', { name: 'Delete my account' }).click();
    await panel.getByText('Your account is deleted.').waitFor();
    expect(await panel.getByText(/Signed in as/).count()).toBe(0);
    // The page-level discussion's frame follows: signed out there too.
    await expect.poll(() => pageComposer.count()).toBe(0);
    await page.context().close();
  });

  it('refuses a token signed with another secret, an expired one and a replayed one', async () => {
    const cases: Array<[string, RegExp]> = [
      [signToken({ sub: 'someone', name: 'Mallory' }, 'not-the-site-secret'), /signature does not match/],
      [signToken({ sub: 'someone', name: 'Late', exp: Math.floor(Date.now() / 1000) - 10 }, site.secret), /expired/],
      [usedToken, /already used/],
    ];
    for (const [token, message] of cases) {
      const { page } = await newPage(browser);
      await page.goto(storyUrl(token));
      // getByText: the panel is closed (hidden), which role queries leave out.
      await expect.poll(() => panelOf(page).getByText(message).count()).toBe(1);
      expect(
        await panelOf(page)
          .getByText(/Signed in as/)
          .count(),
      ).toBe(0);
      await page.context().close();
    }
  });

  it('gives a page of an unregistered origin nothing: no highlights, and the panel refuses to be framed', async () => {
    const { page } = await newPage(browser);
    const response = await page.goto(`${stranger.origin}${STORY_PATH}`);
    expect(response?.ok()).toBe(true);
    await page.locator('[data-marginalia-ui="panel"]').waitFor({ state: 'attached' });
    await page.waitForTimeout(3000);
    expect(await page.locator('mark[data-marginalia-highlight]').count()).toBe(0);
    const panel = page.frames().find((frame) => frame.url().includes('/embed/panel'));
    expect(panel === undefined || (await panel.locator('.embed-panel').count()) === 0).toBe(true);

    await page.goto(`${stranger.origin}/frame`);
    await page.waitForTimeout(1500);
    const framed = page.frames().filter((frame) => frame !== page.mainFrame());
    for (const frame of framed) expect(await frame.locator('.embed-panel').count()).toBe(0);

    // The registered origin may frame it.
    await page.goto(`${host.origin}/frame`);
    await expect
      .poll(async () => {
        const frames = page.frames().filter((frame) => frame !== page.mainFrame());
        return (await Promise.all(frames.map((f) => f.locator('.embed-panel').count()))).reduce((a, b) => a + b, 0);
      })
      .toBe(1);
    await page.context().close();
  });

  it('keeps highlights on their passages when the publisher edits the story, and lists the orphans', async () => {
    const token = await loginViaApi(DEMO.reader);
    const doomed = await commentOnPassage(token, article, 'the gulls stand on nothing', 'They seem to, yes.');
    await waitForStatus(token, doomed.commentId, 'PUBLISHED');
    // The publisher rewrites the story: a new opening, the third paragraph gone.
    story = [
      'Every morning the estuary wakes slowly, long before the town does.',
      STORY_PARAGRAPHS[0]!,
      STORY_PARAGRAPHS[1]!,
    ];
    const admin = await loginViaApi(DEMO.admin);
    const { importArticle } = await gql<{ importArticle: { id: string } }>(
      'mutation($input: ImportArticleInput!) { importArticle(input: $input) { id } }',
      { input: { url: `${host.origin}${STORY_PATH}`, slug: article.slug } },
      admin,
    );
    await expect
      .poll(
        async () =>
          (
            await gql<{ importJob: { status: string } }>(
              'query($id: ID!) { importJob(id: $id) { status } }',
              { id: importArticle.id },
              admin,
            )
          ).importJob.status,
        { timeout: 30_000 },
      )
      .toBe('SUCCEEDED');

    const { page } = await newPage(browser);
    await page.goto(storyUrl());
    await expect.poll(() => highlight(page, threadId).textContent()).toBe('Fishermen read the water');
    expect(await highlight(page, doomed.threadId).count()).toBe(0);
    await highlight(page, threadId).click();
    const panel = panelOf(page);
    await panel.getByRole('heading', { name: 'Passages no longer in the article' }).waitFor();
    expect(await panel.getByText('the gulls stand on nothing').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('keeps the host page’s new controls and the panel free of serious accessibility problems', async () => {
    const { page } = await newPage(browser);
    await page.goto(storyUrl());
    await highlight(page, threadId).waitFor();
    // From the keyboard: a highlight is a button that opens its thread.
    await highlight(page, threadId).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panelOf(page).getByText('Like a newspaper, indeed.').count()).toBeGreaterThan(0);
    const onHost = await seriousA11yViolations(page);
    expect(onHost, JSON.stringify(onHost, null, 2)).toEqual([]);

    const query = new URLSearchParams({ site: site.id, url: `${host.origin}${STORY_PATH}`, host: host.origin });
    await page.goto(`${baseUrl()}/embed/panel?${query}`);
    await page.getByText('Like a newspaper, indeed.').waitFor();
    const inPanel = await seriousA11yViolations(page);
    expect(inPanel, JSON.stringify(inPanel, null, 2)).toEqual([]);

    await page.goto(`${baseUrl()}/embed/discussion?${query}`);
    await page.getByRole('heading', { name: /Discussion/ }).waitFor();
    const inDiscussion = await seriousA11yViolations(page);
    expect(inDiscussion, JSON.stringify(inDiscussion, null, 2)).toEqual([]);
    await page.context().close();
  });
});
