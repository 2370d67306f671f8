/** Reader interactions and checks shared by the specs. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * Selects `phrase` in the article text with a real mouse drag (press at its first character,
 * release after its last), the way a reader would. `root` is the element holding the text (the
 * reader's article body, or a publisher's `[data-marginalia-article]`).
 */
export async function dragSelect(page: Page, phrase: string, root = '.article-body'): Promise<void> {
  const points = await page.evaluate(
    ([text, selector]) => {
      const body = document.querySelector(selector);
      if (!body) throw new Error('no article body');
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1;
        if (at < 0) continue;
        const first = document.createRange();
        first.setStart(node, at);
        first.setEnd(node, at + 1);
        const last = document.createRange();
        last.setStart(node, at + text.length - 1);
        last.setEnd(node, at + text.length);
        // Bring the passage (not its whole paragraph) into the upper part of the viewport.
        window.scrollBy(0, first.getBoundingClientRect().top - window.innerHeight / 3);
        const a = first.getBoundingClientRect();
        const b = last.getBoundingClientRect();
        return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
      }
      throw new Error(`phrase not found in one text node: ${text}`);
    },
    [phrase, root] as const,
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 });
  await page.mouse.move(points.x2, points.y2, { steps: 4 });
  await page.mouse.up();
}

/** The text of the first paragraph in the article long enough to quote from. */
export async function firstParagraphText(page: Page): Promise<string> {
  return page.evaluate(() => {
    for (const p of document.querySelectorAll<HTMLElement>('.article-body p[data-start]')) {
      if (!p.querySelector('mark') && (p.textContent ?? '').length > 80) return p.textContent ?? '';
    }
    throw new Error('no plain paragraph');
  });
}

/** Words from the middle of `text` (at least a few), for a passage to select. */
export function passageOf(text: string, words = 6): string {
  const all = text.split(/\s+/).filter(Boolean);
  const from = Math.max(0, Math.floor(all.length / 3));
  return all.slice(from, from + words).join(' ');
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page and returns violations of serious or critical impact. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the devtools protocol, so the app's Content-Security-Policy does not block it.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
    }
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
