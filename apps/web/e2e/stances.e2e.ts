/**
 * Stances: a reader frames a comment on a debate turn as a disagreement with the stance
 * toggles, sees it on the comment, then finds the passage under "Where readers disagree" once
 * others agree with it, and shades the text by disagreement.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleBySlug, articleSlugByTitle, gql, waitForStatus } from './support/api.ts';
import { launchBrowser, newAccount, newPage, registerViaApi, screenshot, signIn } from './support/browser.ts';
import { dragSelect, passageOf, seriousA11yViolations } from './support/page-helpers.ts';

const DEBATE_TITLE = 'Should the US normalize diplomatic relations with Russia?';

describe('stances and where readers disagree', () => {
  let browser: Browser;
  let page: Page;
  let slug = '';
  let passage = '';
  const body = `Pressure did work, and here is why (${Date.now().toString(36)}).`;

  beforeAll(async () => {
    browser = await launchBrowser();
    const alice = newAccount('Alice');
    await registerViaApi(alice);
    ({ page } = await newPage(browser));
    await signIn(page, alice);
    slug = await articleSlugByTitle(DEBATE_TITLE);
  });
  afterAll(async () => {
    await browser.close();
  });

  it('posts a comment with a stance and shows the stance on it', async () => {
    await page.goto(`/a/${slug}`);
    await page.getByRole('heading', { level: 1, name: DEBATE_TITLE }).waitFor();
    const turn = await page.evaluate(() => {
      for (const p of document.querySelectorAll<HTMLElement>('.article-body .block-turn p[data-start]')) {
        if (!p.querySelector('mark') && (p.textContent ?? '').length > 80) return p.textContent ?? '';
      }
      throw new Error('no debate turn');
    });
    passage = passageOf(turn);
    await dragSelect(page, passage);
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const draft = page.getByRole('article', { name: 'New comment on the selected passage' });
    await draft.getByRole('textbox', { name: 'Comment on the selected passage' }).fill(body);
    const stances = draft.getByRole('group', { name: /Your stance toward this passage/ });
    const disagree = stances.getByRole('button', { name: 'Disagree', exact: true });
    // Keyboard: focus the toggle and press Space.
    await disagree.focus();
    await page.keyboard.press('Space');
    expect(await disagree.getAttribute('aria-pressed')).toBe('true');
    expect(await stances.getByRole('button', { name: 'Agree', exact: true }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    await draft.getByText(/Reactions are others’ votes on a comment/).waitFor();
    await screenshot(page, 'stance-composer', true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await draft.getByRole('button', { name: 'Post', exact: true }).click();

    const card = page.locator('.margin .thread-card', { hasText: body });
    await card.locator('.stance-badge', { hasText: 'Disagree' }).waitFor();
    expect(await card.locator('.stance-badge').getAttribute('title')).toMatch(/stance toward the passage/);
  });

  it('lists the passage under Where readers disagree once others agree, and opens its thread', async () => {
    const article = await articleBySlug(slug);
    const at = article.revision.text.indexOf(passage);
    const start = Array.from(article.revision.text.slice(0, at)).length;
    const selector = { start, end: start + Array.from(passage).length, exact: passage };
    for (const name of ['Bruno', 'Chloe']) {
      const token = await registerViaApi(newAccount(name));
      const { createThread } = await gql<{ createThread: { comments: Array<{ id: string }> } }>(
        'mutation($input: CreateThreadInput!) { createThread(input: $input) { comments { id } } }',
        { input: { articleId: article.id, selector, body: `${name} agrees with the turn.`, stance: 'AGREE' } },
        token,
      );
      await waitForStatus(token, createThread.comments[0]!.id, 'PUBLISHED');
    }

    await page.reload();
    await page.getByRole('heading', { level: 1, name: DEBATE_TITLE }).waitFor();
    await page.getByRole('tab', { name: /Where readers disagree/ }).click();
    const list = page.getByRole('list', { name: /Passages where readers disagree/ });
    const item = list.getByRole('listitem').filter({ hasText: passage });
    await item.waitFor();
    await expect.poll(() => item.textContent()).toMatch(/Agree 2.*Disagree 1/);
    expect(await item.textContent()).toContain('3 people in 3 threads');
    await page
      .getByRole('tab', { name: /Where readers disagree/ })
      .getByText('1')
      .waitFor();
    await screenshot(page, 'stance-disagreement-view', true);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await item.getByRole('button').click();
    expect(await page.getByRole('tab', { name: /In the text/ }).getAttribute('aria-selected')).toBe('true');
    // One of the passage's three threads is open, its comments shown.
    const open = page.locator('.margin .thread-card.is-expanded');
    await open.waitFor();
    await expect
      .poll(() => open.locator('.comment-body').textContent())
      .toMatch(/agrees with the turn|Pressure did work/);
  });

  it('shades the text by disagreement and shows how readers lean on the debate', async () => {
    await page.getByRole('button', { name: 'Shade by disagreement' }).click();
    await page.getByRole('status').filter({ hasText: '1 passage divides readers' }).waitFor();
    await page.getByRole('navigation', { name: 'Disagreement map' }).waitFor();
    const lean = page.getByRole('region', { name: 'How readers lean, topic by topic' });
    await lean.waitFor();
    // Two agreements with the turn's side and one disagreement with it.
    await expect.poll(() => lean.textContent()).toMatch(/L 2 · C 1|C 2 · L 1|L 1 · C 2|C 1 · L 2/);
  });
});
