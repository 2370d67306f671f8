/**
 * A publisher's site for the embed specs: a node:http server on another loopback port (another
 * origin, and with `localhost` another site than the API's 127.0.0.1) serving an article page
 * with the embed snippet. `?token=` puts a sign-in token on the script tag, as a host's server
 * would for its signed-in reader.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const STORY_PATH = '/2026/tides';

export const STORY_PARAGRAPHS = [
  'The river meets the sea twice a day, and the mud flats answer with a smell of salt and iron.',
  'Fishermen read the water as others read a newspaper, column by column, from the margins in.',
  'When the spring tide comes, the harbour wall disappears and the gulls stand on nothing at all.',
];

export interface HostSite {
  origin: string;
  close(): Promise<void>;
}

function page(
  origin: string,
  apiUrl: string,
  siteId: string,
  token: string | null,
  paragraphs: readonly string[],
): string {
  const tokenAttribute = token ? ` data-sso-token="${token.replace(/"/g, '')}"` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tides of the estuary — Loopback Gazette</title>
<link rel="canonical" href="${origin}${STORY_PATH}"></head>
<body><header><p>Loopback Gazette · World · Science</p></header>
<main><article data-marginalia-article><h1>Tides of the estuary</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></main>
<script src="${apiUrl}/embed.js" data-site="${siteId}"${tokenAttribute} async></script>
</body></html>`;
}

/**
 * Serves the story page of `siteId` (and, at /frame, a page framing the embed panel directly);
 * `paragraphs` is asked at each request, so a spec can edit the story.
 */
export async function startHostSite(
  apiUrl: string,
  siteId: () => string,
  paragraphs: () => readonly string[] = () => STORY_PARAGRAPHS,
): Promise<HostSite> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
    if (url.pathname === STORY_PATH) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(origin, apiUrl, siteId(), url.searchParams.get('token'), paragraphs()));
    } else if (url.pathname === '/frame') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="en"><head><title>Framing</title></head><body>` +
          `<iframe title="framed panel" src="${apiUrl}/embed/panel?site=${siteId()}&amp;url=${encodeURIComponent(origin + STORY_PATH)}&amp;host=${encodeURIComponent(origin)}"></iframe></body></html>`,
      );
    } else {
      res.writeHead(404).end();
    }
  });
  // No host: both IPv4 and IPv6 loopback, whichever `localhost` resolves to first.
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A sign-in token as a host signs it (HS256 with the site's secret). */
export function signToken(claims: Record<string, unknown>, secret: string): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = encode({ iat: now, exp: now + 300, jti: Math.random().toString(36).slice(2), ...claims });
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${body}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
