/// <reference lib="dom" />
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, headless, offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}

export interface Tripwire {
  page: Page;
  /** Everything that betrays script execution or navigation, in order. */
  events: string[];
}

/**
 * A blank page that records dialogs, page errors, navigations and any request (all
 * aborted: nothing leaves the machine), plus `window.__pwned`, which payloads also set.
 */
export async function tripwirePage(browser: Browser): Promise<Tripwire> {
  const page = await browser.newPage();
  const events: string[] = [];
  await page.route('**/*', async (route) => {
    events.push(`request ${route.request().url().slice(0, 80)}`);
    await route.abort();
  });
  page.on('dialog', (dialog) => {
    events.push(`dialog ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => events.push(`pageerror ${error.message}`));
  await page.setContent('<!doctype html><html><head></head><body></body></html>');
  page.on('framenavigated', (frame) => events.push(`navigated ${frame.url().slice(0, 80)}`));
  return { page, events };
}

/**
 * Inserts each HTML fragment as the web client does (innerHTML of sanitized HTML), waits
 * for asynchronous handlers (image errors, autofocus, animations), and returns what fired
 * plus the schemes of every link and resource URL as the browser resolved them.
 */
export async function renderAll(
  tripwire: Tripwire,
  fragments: readonly string[],
): Promise<{ events: string[]; schemes: string[] }> {
  const schemes = await tripwire.page.evaluate(
    async (htmls: string[]) => {
      for (const html of htmls) {
        const box = document.createElement('div');
        box.className = 'comment-body';
        box.innerHTML = html;
        document.body.appendChild(box);
      }
      await new Promise((r) => setTimeout(r, 500));
      const urls = [...document.querySelectorAll<HTMLElement>('[href],[src],[action],[formaction],[data]')].flatMap(
        (el) =>
          ['href', 'src', 'action', 'formaction', 'data']
            .map((name) => el.getAttribute(name))
            .filter((v): v is string => v !== null)
            .map((v) => new URL(v, 'https://marginalia.test/').protocol),
      );
      return [...urls, ...((window as unknown as { __pwned?: unknown }).__pwned ? ['pwned'] : [])];
    },
    [...fragments],
  );
  return { events: [...tripwire.events], schemes };
}
