/** Browser helpers for the end-to-end specs: Chromium from Debian, pages, sign-in, artifacts. */
import { mkdirSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject, onTestFailed } from 'vitest';

export const baseUrl = (): string => inject('baseUrl');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A fresh context (its own storage: a separate person) with a wide, margin-showing viewport. */
export async function newPage(
  browser: Browser,
  viewport = { width: 1360, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport, reducedMotion: 'reduce' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // When called inside a test, a failure leaves a screenshot and the page's errors behind.
  try {
    onTestFailed(async ({ task }) => {
      if (page.isClosed()) return;
      const name = `FAILED-${task.name.replace(/\W+/g, '-').slice(0, 60)}-${Date.now().toString(36)}`;
      await screenshot(page, name).catch(() => undefined);
      if (errors.length > 0) console.error(`[e2e] page errors in "${task.name}":\n${errors.join('\n')}`);
    });
  } catch {
    // Called from a hook: no per-test artifacts.
  }
  return { context, page };
}

export const DEMO = {
  admin: { email: 'admin@marginalia.test', password: 'marginalia-admin' },
  moderator: { email: 'moderator@marginalia.test', password: 'marginalia-moderator' },
  reader: { email: 'reader@marginalia.test', password: 'marginalia-reader' },
} as const;

/** Signs in through the login form and waits for the account menu. */
export async function signIn(page: Page, who: { email: string; password: string }, next = '/'): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: /account menu/ }).waitFor();
}

/** The signed-in user's account menu button. */
export function accountMenu(page: Page, displayName: string) {
  return page.getByRole('button', { name: new RegExp(`^${displayName}\\W*account menu`) });
}

export interface NewAccount {
  email: string;
  password: string;
  handle: string;
  displayName: string;
}

let counter = 0;
export function newAccount(name: string): NewAccount {
  const id = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  return {
    email: `${name.toLowerCase()}-${id}@example.test`,
    password: `pass-${id}-long-enough`,
    handle: `${name.toLowerCase()}_${id}`.slice(0, 30),
    displayName: name,
  };
}

/** Registers through the API (for supporting characters whose sign-up is not under test); returns a token. */
export async function registerViaApi(account: NewAccount): Promise<string> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
      variables: { input: account },
    }),
  });
  const body = (await response.json()) as { data?: { register: { accessToken: string } }; errors?: unknown };
  if (!body.data) throw new Error(`register failed: ${JSON.stringify(body.errors)}`);
  return body.data.register.accessToken;
}

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const docsDir = path.resolve(webDir, '../../docs/screenshots');

/**
 * Saves a screenshot under test-artifacts/. Screenshots marked `publish` are also copied to
 * docs/screenshots/ (linked from the README) when E2E_PUBLISH_SCREENSHOTS=1, so ordinary
 * runs do not rewrite committed files.
 */
export async function screenshot(page: Page, name: string, publish = false): Promise<string> {
  const dir = path.join(inject('artifactsDir'), 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  if (publish && process.env.E2E_PUBLISH_SCREENSHOTS === '1') {
    mkdirSync(docsDir, { recursive: true });
    copyFileSync(file, path.join(docsDir, `${name}.png`));
  }
  return file;
}

/** Pauses or resumes the worker process, to observe states it would otherwise pass in milliseconds. */
export function pauseWorker(paused: boolean): void {
  process.kill(inject('workerPid'), paused ? 'SIGSTOP' : 'SIGCONT');
}
