/**
 * embed.js: Marginalia on a publisher's own article page. Finds `[data-marginalia-article]`,
 * highlights the passages under discussion on the host's text, offers a Comment button for a
 * selection, and opens Marginalia's discussion panel (an iframe from Marginalia's origin,
 * which alone holds the reader's session) at a passage or thread. The discussion of the article
 * as a whole is a second iframe after the article (or in `[data-marginalia-discussion]`), as tall
 * as its content.
 */
import { drawHighlights, HIGHLIGHT_ATTRIBUTE, quoteOfRange } from './highlighter.ts';
import { parseFrameMessage, PROTOCOL, type HostMessage } from './protocol.ts';

interface MarginaliaApi {
  login(token: string): void;
  logout(): void;
}

declare global {
  interface Window {
    Marginalia?: MarginaliaApi;
  }
}

const PANEL_STYLE = `
:host { all: initial; }
.panel { position: fixed; z-index: 2147483000; background: #fff; box-shadow: 0 0 24px rgba(0,0,0,.25);
  top: 0; right: 0; width: min(420px, 100vw); height: 100vh; border: 0; }
.panel[hidden] { display: none; }
@media (max-width: 700px) {
  .panel { top: auto; bottom: 0; width: 100vw; height: 70vh; border-radius: 12px 12px 0 0; }
}
iframe { border: 0; width: 100%; height: 100%; display: block; }
`;

const DISCUSSION_STYLE = `
:host { all: initial; display: block; }
iframe { border: 0; width: 100%; height: 240px; display: block; }
`;

/**
 * A host element for one of the loader's controls: `data-marginalia-ui` names it, and its open
 * shadow root holds the control with its own styles, so nothing global leaks either way.
 */
function uiHost(kind: string, style: string, ...children: HTMLElement[]): { host: HTMLDivElement; root: ShadowRoot } {
  const host = document.createElement('div');
  host.setAttribute('data-marginalia-ui', kind);
  const root = host.attachShadow({ mode: 'open' });
  const styles = document.createElement('style');
  styles.textContent = style;
  root.append(styles, ...children);
  return { host, root };
}

/** A random id for this page view: Marginalia's frames on it share the reader's session under it. */
function pageViewId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const BUTTON_STYLE = `
:host { all: initial; }
button { position: absolute; z-index: 2147483001; font: 600 14px/1 system-ui, sans-serif; color: #fff;
  background: #1f4fd1; border: 0; border-radius: 6px; padding: 8px 12px; cursor: pointer;
  box-shadow: 0 2px 8px rgba(0,0,0,.25); }
button:focus-visible { outline: 3px solid #f5b400; outline-offset: 2px; }
button[hidden] { display: none; }
`;

function articleUrlOf(script: HTMLScriptElement): string {
  const given = script.dataset['articleUrl'];
  if (given) return given;
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  if (canonical) return canonical;
  return `${location.origin}${location.pathname}`;
}

function start(script: HTMLScriptElement): void {
  const siteId = script.dataset['site'];
  const article = document.querySelector('[data-marginalia-article]');
  if (!siteId || !article) return;
  const base = new URL(script.src).origin;
  const query = new URLSearchParams({
    site: siteId,
    url: articleUrlOf(script),
    host: location.origin,
    page: pageViewId(),
  });

  // The panel: Marginalia's own page in an iframe, docked (or a bottom sheet on narrow screens).
  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.hidden = true;
  const frame = document.createElement('iframe');
  frame.title = 'Marginalia discussion';
  frame.src = `${base}/embed/panel?${query}`;
  panel.append(frame);
  document.body.append(uiHost('panel', PANEL_STYLE, panel).host);

  // The Comment button, right after the article so the keyboard reaches it from the text.
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Comment';
  button.hidden = true;
  const { host: buttonHost, root: buttonRoot } = uiHost('comment', BUTTON_STYLE, button);
  article.after(buttonHost);

  // The page-level discussion: where the publisher put a placeholder, else right after the article.
  const discussionFrame = document.createElement('iframe');
  discussionFrame.title = 'Marginalia comments on this article';
  discussionFrame.src = `${base}/embed/discussion?${query}`;
  const { host: discussionHost } = uiHost('discussion', DISCUSSION_STYLE, discussionFrame);
  const placeholder = document.querySelector('[data-marginalia-discussion]');
  if (placeholder) placeholder.append(discussionHost);
  else buttonHost.after(discussionHost);

  let ready = false;
  const queue: HostMessage[] = [];
  const send = (message: HostMessage): void => {
    if (!ready) queue.push(message);
    else frame.contentWindow?.postMessage(message, base);
  };
  let opener: HTMLElement | null = null;
  const openPanel = (): void => {
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.hidden = false;
    frame.focus();
  };
  const closePanel = (): void => {
    panel.hidden = true;
    opener?.focus();
  };

  window.addEventListener('message', (event) => {
    if (event.origin !== base) return;
    if (event.source === discussionFrame.contentWindow) {
      // That frame only reports how tall its content is.
      const message = parseFrameMessage(event.data);
      if (message?.type === 'resize') discussionFrame.style.height = `${Math.max(120, message.height)}px`;
      return;
    }
    if (event.source !== frame.contentWindow) return;
    const message = parseFrameMessage(event.data);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        ready = true;
        for (const queued of queue.splice(0)) frame.contentWindow?.postMessage(queued, base);
        break;
      case 'highlights':
        drawHighlights(article, message.highlights);
        break;
      case 'close':
        closePanel();
        break;
      case 'resize':
        break;
    }
  });

  // A selection inside the article shows the button beside it.
  let pending: ReturnType<typeof quoteOfRange> = null;
  document.addEventListener('selectionchange', () => {
    const selection = document.getSelection();
    const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
    const quote = range ? quoteOfRange(article, range) : null;
    if (!range || !quote) {
      // Keep the button while focus is on it (the keyboard path leaves the selection behind).
      if (buttonRoot.activeElement !== button) button.hidden = true;
      return;
    }
    pending = quote;
    const rect = range.getBoundingClientRect();
    button.style.top = `${rect.bottom + window.scrollY + 6}px`;
    button.style.left = `${Math.max(4, rect.left + window.scrollX)}px`;
    button.hidden = false;
  });
  button.addEventListener('click', () => {
    if (!pending) return;
    send({ protocol: PROTOCOL, type: 'compose', quote: pending });
    button.hidden = true;
    openPanel();
  });

  const openThreadOf = (target: EventTarget | null): boolean => {
    const mark = target instanceof Element ? target.closest(`mark[${HIGHLIGHT_ATTRIBUTE}]`) : null;
    const threadId = mark?.getAttribute(HIGHLIGHT_ATTRIBUTE);
    if (!threadId) return false;
    send({ protocol: PROTOCOL, type: 'open-thread', threadId });
    openPanel();
    return true;
  };
  article.addEventListener('click', (event) => {
    // A click that ends a selection is for the Comment button, not the highlight.
    if (!document.getSelection()?.isCollapsed) return;
    openThreadOf(event.target);
  });
  article.addEventListener('keydown', (event) => {
    if (!(event instanceof KeyboardEvent) || (event.key !== 'Enter' && event.key !== ' ')) return;
    if (openThreadOf(event.target)) event.preventDefault();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) closePanel();
  });

  const token = script.dataset['ssoToken'];
  if (token) send({ protocol: PROTOCOL, type: 'login', token });
  window.Marginalia = {
    login: (next: string) => {
      if (typeof next === 'string' && next) send({ protocol: PROTOCOL, type: 'login', token: next });
    },
    logout: () => send({ protocol: PROTOCOL, type: 'logout' }),
  };
}

const current = document.currentScript;
if (current instanceof HTMLScriptElement) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => start(current));
  else start(current);
}
