import http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { signSsoToken } from '../../sites/sso/sso-token.js';

/** The demo publisher's article, at the same path on every machine. */
export const DEMO_HOST_PATH = '/2026/reading-in-the-margins';
const DEMO_SITE_NAME = 'Demo Gazette (embed demo)';
/** The demo publisher's signed-in reader, as its own server knows them. */
const DEMO_HOST_READER = { sub: 'gazette-reader-1', name: 'Gus Gazette' };

const PARAGRAPHS = [
  'Readers have always written in margins. Medieval scribes argued with the texts they copied, and students still underline the sentence that finally makes the chapter click.',
  'A margin is a public place on a private page: the note you leave is addressed to the next reader as much as to yourself, and a good discussion grows passage by passage.',
  'This page belongs to a publisher, not to Marginalia. Select any sentence and press Comment: the discussion opens beside the text, and you are signed in as the publisher’s reader.',
];

/** The demo site for the demo host's origin, registered once: its id and SSO secret. */
export async function ensureDemoSite(databaseUrl: string, origin: string): Promise<{ id: string; secret: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await client.query<{ id: string; ssoSecret: string }>(
      'SELECT id, "ssoSecret" FROM "Site" WHERE $1 = ANY(origins) LIMIT 1',
      [origin],
    );
    if (found.rows[0]) return { id: found.rows[0].id, secret: found.rows[0].ssoSecret };
    const site = { id: randomUUID(), secret: randomBytes(32).toString('base64url') };
    await client.query(
      'INSERT INTO "Site" (id, name, origins, "ssoSecret", "updatedAt") VALUES ($1, $2, $3, $4, now())',
      [site.id, DEMO_SITE_NAME, [origin], site.secret],
    );
    return site;
  } finally {
    await client.end();
  }
}

/** The publisher's article page with the embed snippet and a token its server signed for its reader. */
export function demoHostPage(origin: string, publicUrl: string, site: { id: string; secret: string }): string {
  const now = Math.floor(Date.now() / 1000);
  const token = signSsoToken(
    { ...DEMO_HOST_READER, iat: now, exp: now + 600, jti: randomBytes(12).toString('base64url') },
    site.secret,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reading in the margins — Demo Gazette</title>
<link rel="canonical" href="${origin}${DEMO_HOST_PATH}">
<style>
  body { font: 18px/1.6 Georgia, serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
  header { font: 600 14px system-ui, sans-serif; letter-spacing: .05em; text-transform: uppercase; color: #555; }
  .note { font: 14px system-ui, sans-serif; background: #f4f1e8; padding: .75rem 1rem; border-radius: 6px; }
</style>
</head>
<body>
<header>Demo Gazette · a publisher’s site on its own origin</header>
<main>
<article data-marginalia-article>
<h1>Reading in the margins</h1>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<p class="note">This page is served from ${origin}; the discussion comes from ${publicUrl}. Each load signs a fresh
sign-in token for the demo reader “${DEMO_HOST_READER.name}”, as a publisher’s server would.</p>
</main>
<script src="${publicUrl}/embed.js" data-site="${site.id}" data-sso-token="${token}" async></script>
</body>
</html>`;
}

/** Serves the demo publisher's page on its own port (another origin than Marginalia's). */
export async function startDemoHost(options: {
  databaseUrl: string;
  publicUrl: string;
  port: number;
}): Promise<{ origin: string; server: http.Server }> {
  const origin = `http://localhost:${options.port}`;
  const site = await ensureDemoSite(options.databaseUrl, origin);
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/' || path === DEMO_HOST_PATH) {
      if (path === '/') return void res.writeHead(302, { location: DEMO_HOST_PATH }).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(demoHostPage(origin, options.publicUrl, site));
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, resolve);
  });
  return { origin, server };
}
